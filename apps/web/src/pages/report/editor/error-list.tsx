import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import type { ReportKind, ShapeProblem } from '@evalflow/domain';
import type { PartFinding } from '../checks/check-findings';
import { pathLabel } from '../fields/field-paths';
import { jumpToField } from './field-dom';

interface ErrorListProps {
  kind: ReportKind;
  findings: PartFinding[];
  problems: ShapeProblem[];
}

/** Every error that blocks submission, each with a jump to its field. */
export function ErrorList({ kind, findings, problems }: ErrorListProps) {
  const errors = [
    ...problems.map((p) => ({ path: p.path, message: p.message })),
    ...findings.filter((f) => f.severity === 'error').map((f) => ({ path: f.path, message: f.message })),
  ];
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`还有 ${errors.length} 处错误，改正后才能提交`}
      description={
        <Flex vertical gap={4} role="list" aria-label="错误列表" style={{ maxHeight: 240, overflow: 'auto' }}>
          {errors.map((e, i) => (
            <Flex key={`${e.path}-${i}`} role="listitem" gap={8} align="baseline" wrap>
              <Button
                size="small"
                type="link"
                icon={<AimOutlined />}
                style={{ paddingInline: 0 }}
                onClick={() => jumpToField(e.path)}
                aria-label={`定位到${pathLabel(kind, e.path)}`}
              >
                {pathLabel(kind, e.path)}
              </Button>
              <Typography.Text>{e.message}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
