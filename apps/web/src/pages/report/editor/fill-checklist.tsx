import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import type { ReportKind, ReportPart } from '@evalflow/domain';
import type { PartFinding } from '../checks/check-findings';
import { pathLabel } from '../fields/field-paths';
import { jumpToField } from './field-dom';

interface FillChecklistProps {
  kind: ReportKind;
  /** What is still to fill in (the required-content rules' findings), in report order. */
  missing: PartFinding[];
  /** After a try to submit the list says it blocks; before, it is a calm to-do list. */
  triedToSubmit: boolean;
  partName?: (part: ReportPart) => string;
}

/**
 * 「还需填写 N 项」: what a draft still lacks, each a link that brings its field into view and puts the
 * cursor in it. Not errors: a new draft lacks everything, and nobody has done anything wrong yet.
 */
export function FillChecklist({ kind, missing, triedToSubmit, partName }: FillChecklistProps) {
  if (missing.length === 0) return null;
  const title = triedToSubmit ? `还需填写 ${missing.length} 项，填写后才能提交` : `还需填写 ${missing.length} 项`;
  return (
    <Alert
      type={triedToSubmit ? 'error' : 'info'}
      showIcon
      data-checklist="missing"
      title={title}
      description={
        <Flex
          component="ol"
          vertical
          gap={2}
          aria-label="还需填写的内容"
          style={{ maxHeight: 240, overflow: 'auto', margin: 0, paddingInlineStart: 20 }}
        >
          {missing.map((m, i) => {
            const where = pathLabel(kind, m.path, partName);
            return (
              <li key={`${m.path}-${i}`}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  onClick={() => jumpToField(m.path)}
                  title={where}
                >
                  {m.message.replace(/^请填写/, '')}
                </Button>
              </li>
            );
          })}
        </Flex>
      }
    />
  );
}
