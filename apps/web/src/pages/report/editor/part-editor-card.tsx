import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { Card, Col, Descriptions, Flex, Row } from 'antd';
import { jsonEqual, type ReportKind, type ReportPart, type ScoreTablePart } from '@evalflow/domain';
import type { PartFinding } from '../checks/check-findings';
import { partNode } from '../fields/field-labels';
import { ConflictDialog } from './conflict-dialog';
import { FieldAddonsContext, useEditorEnvironment } from './editor-context';
import { messagesByPath } from './field-messages';
import type { Figure } from './live-figures';
import { NodeEditor } from './node-editor';
import type { PartSaveState } from './save-state';
import { SaveStatus } from './save-status';
import { scoreTableAddons } from './score-table-addons';

interface PartEditorCardProps {
  kind: ReportKind;
  part: ReportPart;
  /** The card's title, as the report's template numbers it (一、部门基本情况 · （二）部门收支预决算情况). */
  title: string;
  /** The part's own heading, naming its region (（二）部门收支预决算情况). */
  name: string;
  draft: unknown;
  state: PartSaveState;
  figures: Figure[];
  /** The rules' findings on this part. */
  findings: PartFinding[];
  onEdit: (part: ReportPart, content: unknown) => void;
  onResolve: (part: ReportPart, content: unknown) => void;
  onRetry: (part: ReportPart) => void;
  /** Beside the part: the finance bureau's comment threads on it, when there are any. */
  side?: ReactNode;
}

/**
 * Only the part typed in, and parts whose figures or findings changed, render again: the rules run on
 * the whole report at each keystroke, and re-rendering every part's inputs with them made typing lag.
 */
const unchanged = (a: PartEditorCardProps, b: PartEditorCardProps) =>
  a.kind === b.kind &&
  a.part === b.part &&
  a.title === b.title &&
  a.name === b.name &&
  a.draft === b.draft &&
  a.state === b.state &&
  a.side === b.side &&
  a.onEdit === b.onEdit &&
  a.onResolve === b.onResolve &&
  a.onRetry === b.onRetry &&
  jsonEqual(a.figures, b.figures) &&
  jsonEqual(a.findings, b.findings);

/** One part of the report as a form: its fields, what is computed from them, and its autosave state. */
export const PartEditorCard = memo(function PartEditorCard({
  kind,
  part,
  title,
  name,
  draft,
  state,
  figures,
  findings,
  onEdit: edit,
  onResolve: resolve,
  onRetry: retry,
  side,
}: PartEditorCardProps) {
  const root = useMemo(() => {
    const node = partNode(kind, part);
    return node && { ...node, label: '' };
  }, [kind, part]);
  const environment = useEditorEnvironment();
  // the 绩效自评表 under the report's template: computed scores, the framework, 从指标库选取
  const addons = useMemo(
    () =>
      part === 'scoreTable' && environment && draft !== null && typeof draft === 'object'
        ? scoreTableAddons(draft as ScoreTablePart, environment.template, environment.api)
        : null,
    [part, draft, environment],
  );
  const messagesOf = useMemo(() => messagesByPath(findings, state.problems), [findings, state.problems]);
  const onEdit = useCallback((content: unknown) => edit(part, content), [edit, part]);
  const onResolve = useCallback((content: unknown) => resolve(part, content), [resolve, part]);
  const onRetry = useCallback(() => retry(part), [retry, part]);
  return (
    // focusable, so the skip link and the table of contents move the keyboard here, not only the view
    <section id={`part-${part}`} aria-label={name} tabIndex={-1}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={side ? 15 : 24}>
          <Card title={title} extra={<SaveStatus state={state} onRetry={onRetry} />}>
            <Flex vertical gap={16}>
              {root && (
                <FieldAddonsContext.Provider value={addons}>
                  <NodeEditor node={root} path={part} value={draft} onChange={onEdit} messagesOf={messagesOf} />
                </FieldAddonsContext.Provider>
              )}
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
          kind={kind}
          part={part}
          title={title}
          conflict={state.conflict}
          mine={draft}
          onResolve={onResolve}
        />
      )}
    </section>
  );
}, unchanged);
