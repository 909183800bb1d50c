import { Alert } from 'antd';
import { VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../api/error-details';

/**
 * Above a form: that a save met a newer version (now loaded), why the last submit failed, and what the form's own
 * checks found before sending (one line, joined by 「；」).
 */
export function FormAlerts({
  error,
  conflict = false,
  problems = [],
}: {
  error?: string;
  conflict?: boolean;
  problems?: readonly string[];
}) {
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
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" title={problems.join('；')} style={{ marginBottom: 16 }} />
      )}
    </>
  );
}
