import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { partsOf, type GradeBand, type ReportKind, type ReportPart, type ShapeProblem } from '@evalflow/domain';
import type { ChecksView } from '../../../api/report-types';
import { findingsByPart, type PartFinding } from '../checks/check-findings';
import { ErrorList } from './error-list';
import { GradeBandsContext } from './grade-bands-context';
import { liveFigures } from './live-figures';
import { PartEditorCard } from './part-editor-card';
import type { PartSaveState } from './save-state';
import type { ReportDrafts } from './use-report-drafts';

interface ReportEditorProps {
  /** The report's kind: which parts it has and what its fields are called. */
  kind: ReportKind;
  editor: ReportDrafts;
  /** The rules run on the draft as typed. */
  checks: ChecksView | undefined;
  gradeBands: GradeBand[];
  /** What to show beside each part (its comment threads), if anything. */
  sides?: Partial<Record<ReportPart, ReactNode>>;
}

const NO_FINDINGS: PartFinding[] = [];

/** The report as a form, part by part, saved as the user types; errors listed on top with a jump to each. */
export function ReportEditor({ kind, editor, checks, gradeBands, sides }: ReportEditorProps) {
  const { drafts, states } = editor;
  if (!drafts || !states) return null;
  const parts = partsOf(kind).filter((p) => states[p] !== undefined);
  const byPart = findingsByPart(kind, checks);
  const findings = parts.flatMap((p) => byPart.get(p) ?? []);
  const problems: ShapeProblem[] = parts.flatMap((p) => states[p]?.problems ?? []);
  return (
    <GradeBandsContext.Provider value={gradeBands}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          修改会在停止输入约 1.5 秒后自动保存；各部分右上角显示保存状态。
        </Typography.Text>
        <ErrorList kind={kind} findings={findings} problems={problems} />
        {parts.map((part) => (
          <PartEditorCard
            key={part}
            kind={kind}
            part={part}
            draft={drafts[part]}
            state={states[part] as PartSaveState}
            figures={liveFigures(part, drafts, gradeBands)}
            findings={byPart.get(part) ?? NO_FINDINGS}
            onEdit={editor.edit}
            onResolve={editor.resolve}
            onRetry={editor.retry}
            side={sides?.[part]}
          />
        ))}
      </Flex>
    </GradeBandsContext.Provider>
  );
}
