import { useCallback, useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import type { GradeBand, ReportKind, ReportPart, ShapeProblem, TemplateDefinition } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { ChecksView } from '../../../api/report-types';
import { findingsByPart, type PartFinding } from '../checks/check-findings';
import { reportOutline } from '../fields/part-headings';
import { missingOf, partState, pathOfFieldId, shownFindings, type Attention } from './calm-findings';
import { EditorEnvironmentContext, type EditorEnvironment } from './editor-context';
import { ErrorList } from './error-list';
import { FillChecklist } from './fill-checklist';
import { GradeBandsContext, GradeBandsReadyContext } from './grade-bands-context';
import { liveFigures } from './live-figures';
import { PartEditorCard } from './part-editor-card';
import { jumpToPart, PartOutlineNav } from './part-outline-nav';
import type { PartSaveState } from './save-state';
import type { ReportDrafts } from './use-report-drafts';

interface ReportEditorProps {
  /** The report's kind: which parts it has and what its fields are called. */
  kind: ReportKind;
  /**
   * The template the report pinned: which of the kind's parts it has, in which order and under which
   * headings, its indicator framework and scoring. The kind's default when not given.
   */
  template?: TemplateDefinition;
  /** For the 指标库 picker; without it the 绩效自评表 offers none. */
  api?: ApiClient;
  editor: ReportDrafts;
  /** The rules run on the draft as typed. */
  checks: ChecksView | undefined;
  /** The report's grade bands: the template's own, else the county's. */
  gradeBands: GradeBand[];
  /** False while the county's bands are still loading: grade controls wait for them. */
  gradeBandsReady?: boolean;
  /** What to show beside each part (its comment threads), if anything. */
  sides?: Partial<Record<ReportPart, ReactNode>>;
  /** The user tried to submit: every missing field now shows as an error under it. */
  triedToSubmit?: boolean;
}

const NO_FINDINGS: PartFinding[] = [];

/**
 * The report as a form, part by part as its template orders and titles them, saved as the user types.
 * On top: a skip link to the first part, a table of contents with each part's state, what is still to
 * fill in (a checklist, not errors, until the user leaves a field or tries to submit), and the errors
 * and warnings, each with a jump to its field.
 */
export function ReportEditor({
  kind,
  template,
  api,
  editor,
  checks,
  gradeBands,
  gradeBandsReady = true,
  sides,
  triedToSubmit = false,
}: ReportEditorProps) {
  const { drafts, states } = editor;
  const outline = reportOutline(kind, template);
  const environment = useMemo<EditorEnvironment>(
    () => ({ template: outline.template, api: api ?? null }),
    [outline.template, api],
  );
  // the fields the user has left: a missing one there is now worth an error under it
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const path = pathOfFieldId(event.target.id);
    if (path) setLeft((seen) => (seen.has(path) ? seen : new Set(seen).add(path)));
  }, []);
  const attention: Attention = useMemo(() => ({ left, triedToSubmit }), [left, triedToSubmit]);
  if (!drafts || !states) return null;
  // the template's parts only: a part it leaves out is neither edited nor checked
  const parts = outline.parts.filter((p) => states[p] !== undefined);
  const byPart = findingsByPart(kind, checks);
  const missing = missingOf(parts, byPart);
  const findings = parts.flatMap((p) => (byPart.get(p) ?? []).filter((f) => !missing.includes(f)));
  const problems: ShapeProblem[] = parts.flatMap((p) => states[p]?.problems ?? []);
  const partName = (part: ReportPart) => outline.heading(part).name;
  return (
    <EditorEnvironmentContext.Provider value={environment}>
      <GradeBandsContext.Provider value={gradeBands}>
        <GradeBandsReadyContext.Provider value={gradeBandsReady}>
          <Flex vertical gap={16} onBlur={onBlur}>
            {parts.length > 0 && (
              <a
                className="skip-link"
                href={`#part-${parts[0]}`}
                onClick={(event) => {
                  event.preventDefault();
                  jumpToPart(parts[0]);
                }}
              >
                跳到正文
              </a>
            )}
            <Typography.Text type="secondary">
              修改会在停止输入约 1.5 秒后自动保存；各部分右上角显示保存状态。
            </Typography.Text>
            <PartOutlineNav
              entries={parts.map((part) => ({
                part,
                title: outline.heading(part).title,
                state: partState(byPart.get(part) ?? NO_FINDINGS, states[part]?.problems ?? []),
              }))}
            />
            <FillChecklist kind={kind} missing={missing} triedToSubmit={triedToSubmit} partName={partName} />
            <ErrorList kind={kind} findings={findings} problems={problems} partName={partName} />
            {parts.map((part) => {
              const heading = outline.heading(part);
              return (
                <PartEditorCard
                  key={part}
                  kind={kind}
                  part={part}
                  title={heading.title}
                  name={heading.name}
                  draft={drafts[part]}
                  state={states[part] as PartSaveState}
                  figures={liveFigures(part, drafts, gradeBands, outline.template)}
                  findings={shownFindings(byPart.get(part) ?? NO_FINDINGS, attention)}
                  onEdit={editor.edit}
                  onResolve={editor.resolve}
                  onRetry={editor.retry}
                  side={sides?.[part]}
                />
              );
            })}
          </Flex>
        </GradeBandsReadyContext.Provider>
      </GradeBandsContext.Provider>
    </EditorEnvironmentContext.Provider>
  );
}
