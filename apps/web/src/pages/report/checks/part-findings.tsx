import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReportKind } from '@evalflow/domain';
import { fieldLabelOf } from '../fields/field-paths';
import { SEVERITY_LABELS, type PartFinding } from './check-findings';

/** The failed checks of one part, each with the field it concerns. */
export function PartFindings({ kind, findings }: { kind: ReportKind; findings: PartFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <Flex vertical gap={6} role="list" aria-label="检查问题">
      {findings.map((f, i) => (
        <div key={`${f.ruleId}-${f.path}-${i}`} role="listitem" data-severity={f.severity}>
          <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'}>
            {f.severity === 'error' ? <CloseCircleFilled /> : <ExclamationCircleFilled />} {SEVERITY_LABELS[f.severity]}{' '}
            · {fieldLabelOf(kind, f.path)}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0, fontSize: 13 }}>{f.message}</Typography.Paragraph>
          {f.remedy && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
              如何改正：{f.remedy}
            </Typography.Paragraph>
          )}
        </div>
      ))}
    </Flex>
  );
}
