import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Flex, Row } from 'antd';
import { REPORT_PART_LABELS, type ReportPart } from '@evalflow/domain';
import { partNode } from '../fields/field-labels';
import { ConflictDialog } from './conflict-dialog';
import type { MessagesOf } from './field-messages';
import type { Figure } from './live-figures';
import { NodeEditor } from './node-editor';
import type { PartSaveState } from './save-state';
import { SaveStatus } from './save-status';

interface PartEditorCardProps {
  part: ReportPart;
  draft: unknown;
  state: PartSaveState;
  figures: Figure[];
  messagesOf: MessagesOf;
  onEdit: (content: unknown) => void;
  onResolve: (content: unknown) => void;
  onRetry: () => void;
  /** Beside the part: the finance bureau's comment threads on it, when there are any. */
  side?: ReactNode;
}

/** One part of the report as a form: its fields, what is computed from them, and its autosave state. */
export function PartEditorCard({
  part,
  draft,
  state,
  figures,
  messagesOf,
  onEdit,
  onResolve,
  onRetry,
  side,
}: PartEditorCardProps) {
  const root = { ...partNode(part), label: '' };
  return (
    <section id={`part-${part}`} aria-label={REPORT_PART_LABELS[part]}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={side ? 15 : 24}>
          <Card title={REPORT_PART_LABELS[part]} extra={<SaveStatus state={state} onRetry={onRetry} />}>
            <Flex vertical gap={16}>
              <NodeEditor node={root} path={part} value={draft} onChange={onEdit} messagesOf={messagesOf} />
              {figures.length > 0 && (
                <Descriptions
                  size="small"
                  bordered
                  title="自动计算"
                  column={{ xs: 1, md: 2, xl: 3 }}
                  items={figures.map((f) => ({
                    key: f.label,
                    label: f.label,
                    children: <span data-figure={f.label}>{f.value}</span>,
                  }))}
                />
              )}
            </Flex>
          </Card>
        </Col>
        {side && (
          <Col xs={24} xl={9}>
            {side}
          </Col>
        )}
      </Row>
      {state.conflict && (
        <ConflictDialog
          key={state.conflict.current.version}
          part={part}
          conflict={state.conflict}
          mine={draft}
          onResolve={onResolve}
        />
      )}
    </section>
  );
}
