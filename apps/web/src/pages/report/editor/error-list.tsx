import { AimOutlined, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import type { ReportKind, ReportPart, ShapeProblem } from '@evalflow/domain';
import { SEVERITY_LABELS, type PartFinding } from '../checks/check-findings';
import { pathLabel } from '../fields/field-paths';
import { jumpToField } from './field-dom';

interface ErrorListProps {
  kind: ReportKind;
  findings: PartFinding[];
  problems: ShapeProblem[];
  /** A part's heading as the report's template gives it; the kind's usual label without it. */
  partName?: (part: ReportPart) => string;
}

interface Entry {
  path: string;
  message: string;
  remedy?: string;
}

function EntryList({
  kind,
  label,
  severity,
  entries,
  partName,
}: {
  kind: ReportKind;
  label: string;
  severity: 'error' | 'warning';
  entries: Entry[];
  partName?: (part: ReportPart) => string;
}) {
  if (entries.length === 0) return null;
  const type = severity === 'error' ? 'danger' : 'warning';
  return (
    <Flex vertical gap={4} role="list" aria-label={label}>
      {entries.map((e, i) => {
        const where = pathLabel(kind, e.path, partName);
        return (
          <Flex key={`${e.path}-${i}`} role="listitem" gap={8} align="baseline" wrap data-severity={severity}>
            <Typography.Text type={type} strong style={{ whiteSpace: 'nowrap' }}>
              {severity === 'error' ? <CloseCircleFilled /> : <ExclamationCircleFilled />} {SEVERITY_LABELS[severity]}
            </Typography.Text>
            <Button
              size="small"
              type="link"
              icon={<AimOutlined />}
              style={{ paddingInline: 0 }}
              onClick={() => jumpToField(e.path)}
              aria-label={`定位到${where}`}
            >
              {where}
            </Button>
            <Typography.Text type={severity === 'warning' ? 'secondary' : undefined} title={e.remedy}>
              {e.message}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}

/**
 * Every error that blocks submission, then every warning (提示, which does not), each with a jump to its
 * field; under the field itself each one says what would change it.
 */
export function ErrorList({ kind, findings, problems, partName }: ErrorListProps) {
  const errors: Entry[] = [
    ...problems.map((p) => ({ path: p.path, message: p.message })),
    ...findings.filter((f) => f.severity === 'error'),
  ];
  const warnings: Entry[] = findings.filter((f) => f.severity === 'warning');
  if (errors.length === 0 && warnings.length === 0) return null;
  const title =
    errors.length > 0
      ? `还有 ${errors.length} 处错误，改正后才能提交${warnings.length ? `；另有 ${warnings.length} 处提示（不阻止提交）` : ''}`
      : `有 ${warnings.length} 处提示（不阻止提交）`;
  return (
    <Alert
      type={errors.length > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <Flex vertical gap={8} style={{ maxHeight: 320, overflow: 'auto' }}>
          <EntryList kind={kind} label="错误列表" severity="error" entries={errors} partName={partName} />
          <EntryList kind={kind} label="提示列表" severity="warning" entries={warnings} partName={partName} />
        </Flex>
      }
    />
  );
}
