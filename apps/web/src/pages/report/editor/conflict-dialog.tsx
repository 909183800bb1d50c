import { useState } from 'react';
import { Alert, Button, Flex, Modal, Radio, Table, Typography } from 'antd';
import { partLabel, type ReportKind, type ReportPart } from '@evalflow/domain';
import type { PartConflict } from '../../../api/report-parts-api';
import { DateTime } from '../../../components/date-time';
import { describePath } from '../fields/field-paths';
import type { DiffRow } from '../review/diff-rows';
import { conflictFields, mergePicks, type Side } from './conflict-merge';
import { useGradeBands } from './grade-bands-context';

interface ConflictDialogProps {
  kind: ReportKind;
  part: ReportPart;
  /** The part's heading in the report's template; the kind's usual label when not given. */
  title?: string;
  conflict: PartConflict;
  mine: unknown;
  /** Ends the conflict with this content (theirs, mine, or a merge). */
  onResolve: (content: unknown) => void;
}

/**
 * Someone saved the part while this user was typing: both versions side by side, field by field,
 * and the user keeps theirs, keeps mine (saved over theirs), or picks per field. The local draft
 * stays until one is chosen.
 */
export function ConflictDialog({ kind, part, title, conflict, mine, onResolve }: ConflictDialogProps) {
  const theirs = conflict.current;
  const bands = useGradeBands();
  const fields = conflictFields(kind, part, mine, theirs.content, bands);
  const [picks, setPicks] = useState<Record<string, Side>>(() =>
    Object.fromEntries(fields.map((f) => [f.key, 'mine' as Side])),
  );
  return (
    <Modal
      open
      width={920}
      title={`${title ?? partLabel(kind, part)}：内容已被他人修改`}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button onClick={() => onResolve(theirs.content)}>采用对方版本</Button>
          <Button onClick={() => onResolve(mergePicks(mine, theirs.content, picks))}>按所选逐项合并</Button>
          <Button type="primary" onClick={() => onResolve(mine)}>
            保留我的版本
          </Button>
        </Flex>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <span>
            {theirs.updatedBy ?? '其他用户'} 于 <DateTime value={theirs.updatedAt} /> 保存了此部分（版本{' '}
            {theirs.version}
            ）。您的修改尚未保存，选择处理方式前不会丢失。
          </span>
        }
      />
      {fields.length === 0 ? (
        <Typography.Paragraph>两个版本内容相同。</Typography.Paragraph>
      ) : (
        <Flex vertical gap={16} style={{ maxHeight: '55vh', overflow: 'auto' }}>
          {fields.map((f) => {
            const label = describePath(kind, f.path).fieldLabel;
            return (
              <section key={f.key} aria-label={label} data-conflict-field={f.key}>
                <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{label}</Typography.Text>
                  <Radio.Group
                    aria-label={`${label}采用`}
                    value={picks[f.key]}
                    onChange={(e) => setPicks((p) => ({ ...p, [f.key]: e.target.value as Side }))}
                    options={[
                      { value: 'mine', label: '我的' },
                      { value: 'theirs', label: '对方的' },
                    ]}
                  />
                </Flex>
                <Table<DiffRow>
                  size="small"
                  pagination={false}
                  rowKey="id"
                  dataSource={f.rows}
                  columns={[
                    { title: '字段', key: 'field', render: (_, r) => r.fieldLabel || label, width: 200 },
                    { title: `对方（${theirs.updatedBy ?? '其他用户'}）`, dataIndex: 'before' },
                    { title: '我的', dataIndex: 'after' },
                  ]}
                />
              </section>
            );
          })}
        </Flex>
      )}
    </Modal>
  );
}
