import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { REPORT_PARTS, type GradeBand, type ReportPart, type ShapeProblem } from '@evalflow/domain';
import type { ChecksView } from '../../../api/report-types';
import { findingsByPart, type PartFinding } from '../checks/check-findings';
import { ErrorList } from './error-list';
import { liveFigures } from './live-figures';
import { PartEditorCard } from './part-editor-card';
import type { ReportDrafts } from './use-report-drafts';

interface ReportEditorProps {
  editor: ReportDrafts;
  /** The rules run on the draft as typed. */
  checks: ChecksView | undefined;
  gradeBands: GradeBand[];
  /** What to show beside each part (its comment threads), if anything. */
  sides?: Partial<Record<ReportPart, ReactNode>>;
}

const NO_FINDINGS: PartFinding[] = [];

/** The report as a form, part by part, saved as the user types; errors listed on top with a jump to each. */
export function ReportEditor({ editor, checks, gradeBands, sides }: ReportEditorProps) {
  const { drafts, states } = editor;
  if (!drafts || !states) return null;
  const byPart = findingsByPart(checks);
  const findings = REPORT_PARTS.flatMap((p) => byPart.get(p) ?? []);
  const problems: ShapeProblem[] = REPORT_PARTS.flatMap((p) => states[p].problems);
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        修改会在停止输入约 1.5 秒后自动保存；各部分右上角显示保存状态。
      </Typography.Text>
      <ErrorList findings={findings} problems={problems} />
      {REPORT_PARTS.map((part) => (
        <PartEditorCard
          key={part}
          part={part}
          draft={drafts[part]}
          state={states[part]}
          figures={liveFigures(part, drafts, gradeBands)}
          findings={byPart.get(part) ?? NO_FINDINGS}
          onEdit={editor.edit}
          onResolve={editor.resolve}
          onRetry={editor.retry}
          side={sides?.[part]}
        />
      ))}
    </Flex>
  );
}
