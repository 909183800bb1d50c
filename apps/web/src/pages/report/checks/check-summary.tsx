import { Alert, Button } from 'antd';
import type { ChecksView } from '../../../api/report-types';
import { LoadError } from '../../../components/load-error';

/** Above the report: how its checks stand (errors block submitting; warnings only inform). */
export function CheckSummary({
  checks,
  error,
  onRetry,
}: {
  checks: ChecksView | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  if (error !== undefined) return <LoadError title="检查结果加载失败" error={error} onRetry={onRetry} />;
  if (!checks) return null;
  const action = (
    <Button size="small" onClick={onRetry}>
      重新检查
    </Button>
  );
  if (checks.errors === 0 && checks.warnings === 0) {
    return <Alert type="success" showIcon title="全部检查通过" action={action} style={{ marginBottom: 16 }} />;
  }
  const parts = [
    checks.errors > 0 ? `${checks.errors} 处错误（改正后才能提交）` : '',
    checks.warnings > 0 ? `${checks.warnings} 处提示（不阻止提交）` : '',
  ].filter(Boolean);
  return (
    <Alert
      type={checks.errors > 0 ? 'error' : 'warning'}
      showIcon
      title={`检查结果：${parts.join('，')}`}
      description="各处问题列在所属部分的右侧。"
      action={action}
      style={{ marginBottom: 16 }}
    />
  );
}
