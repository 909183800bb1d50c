import { useMemo, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import type { GradeBand, ReportKind, ReportPart, ShapeProblem, TemplateDefinition } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { ChecksView } from '../../../api/report-types';
import { findingsByPart, type PartFinding } from '../checks/check-findings';
import { reportOutline } from '../fields/part-headings';
import { EditorEnvironmentContext, type EditorEnvironment } from './editor-context';
import { ErrorList } from './error-list';
import { GradeBandsContext } from './grade-bands-context';
import { liveFigures } from './live-figures';
import { PartEditorCard } from './part-editor-card';
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
  /** What to show beside each part (its comment threads), if anything. */
  sides?: Partial<Record<ReportPart, ReactNode>>;
}

const NO_FINDINGS: PartFinding[] = [];

/**
 * The report as a form, part by part as its template orders and titles them, saved as the user types;
 * errors and warnings listed on top with a jump to each.
 */
export function ReportEditor({ kind, template, api, editor, checks, gradeBands, sides }: ReportEditorProps) {
  const { drafts, states } = editor;
  const outline = reportOutline(kind, template);
  const environment = useMemo<EditorEnvironment>(
    () => ({ template: outline.template, api: api ?? null }),
    [outline.template, api],
  );
  if (!drafts || !states) return null;
  // the template's parts only: a part it leaves out is neither edited nor checked
  const parts = outline.parts.filter((p) => states[p] !== undefined);
  const byPart = findingsByPart(kind, checks);
  const findings = parts.flatMap((p) => byPart.get(p) ?? []);
  const problems: ShapeProblem[] = parts.flatMap((p) => states[p]?.problems ?? []);
  return (
    <EditorEnvironmentContext.Provider value={environment}>
      <GradeBandsContext.Provider value={gradeBands}>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            修改会在停止输入约 1.5 秒后自动保存；各部分右上角显示保存状态。
          </Typography.Text>
          <ErrorList
            kind={kind}
            findings={findings}
            problems={problems}
            partName={(part) => outline.heading(part).name}
          />
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
                findings={byPart.get(part) ?? NO_FINDINGS}
                onEdit={editor.edit}
                onResolve={editor.resolve}
                onRetry={editor.retry}
                side={sides?.[part]}
              />
            );
          })}
        </Flex>
      </GradeBandsContext.Provider>
    </EditorEnvironmentContext.Provider>
  );
}
