import type { ProjectReportContent } from '@evalflow/domain';
import type { Builder } from './builder';
import { readProjectGoal } from './prose';

/**
 * A project's report written as prose, with no 绩效自评表 giving its targets: the 年度总体目标 stated in a sentence
 * fills the first objective's 预期目标. Only when no table gave any objective; the first such sentence wins.
 */
export function fillProjectProse(b: Builder): void {
  const content = b.content as ProjectReportContent;
  if (Object.keys(b.sources).some((p) => p.startsWith('objectives.'))) return;
  for (const block of b.doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    const goal = readProjectGoal(block.text);
    if (!goal) continue;
    if (!content.objectives.items.length) content.objectives.items.push({ expected: '', actual: '' });
    b.set('objectives.items.0.expected', goal.value, b.paragraphSpan(block.index, goal.start, goal.end));
    return;
  }
}
