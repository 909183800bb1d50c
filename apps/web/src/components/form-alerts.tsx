import { Alert } from 'antd';
import { VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../api/error-details';

/** Above a form: that a save met a newer version (now loaded), and why the last submit failed. */
export function FormAlerts({ error, conflict = false }: { error?: string; conflict?: boolean }) {
  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={VERSION_CONFLICT_TITLE}
          description={VERSION_CONFLICT_HINT}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
    </>
  );
}
