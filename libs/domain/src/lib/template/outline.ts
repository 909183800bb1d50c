import { partsOf, type ReportPart } from '../report/parts';
import type { OutlineNode, TemplateDefinition } from './definition';
import { headingNumber, type NumberingStyle } from './numbering';
import { ALWAYS_PRESENT_PARTS, sectionSpec } from './sections';

/** A heading of the outline with its number as the template's scheme writes it at its level. */
export interface NumberedHeading {
  level: 1 | 2 | 3;
  /** 「一、」「（二）」「第三部分 」「1.」, or '' for style none */
  number: string;
  title: string;
  sections: string[];
  children: NumberedHeading[];
}

/** The outline's headings numbered level by level (each level counts from one under its parent). */
export function numberedOutline(def: Pick<TemplateDefinition, 'outline' | 'numbering'>): NumberedHeading[] {
  const styles: NumberingStyle[] = [def.numbering.level1, def.numbering.level2, def.numbering.level3];
  const walk = (nodes: OutlineNode[], depth: number): NumberedHeading[] =>
    nodes.map((n, i) => ({
      level: (depth + 1) as 1 | 2 | 3,
      number: headingNumber(styles[Math.min(depth, 2)], i + 1),
      title: n.title,
      sections: n.sections,
      children: walk(n.children, depth + 1),
    }));
  return walk(def.outline, 0);
}

/** Every section of the outline in reading order, with the headings above it (outermost first). */
export function outlineSections(
  def: Pick<TemplateDefinition, 'outline' | 'numbering'>,
): Array<{ section: string; headings: NumberedHeading[] }> {
  const out: Array<{ section: string; headings: NumberedHeading[] }> = [];
  const walk = (nodes: NumberedHeading[], above: NumberedHeading[]) => {
    for (const n of nodes) {
      const path = [...above, n];
      for (const s of n.sections) out.push({ section: s, headings: path });
      walk(n.children, path);
    }
  };
  walk(numberedOutline(def), []);
  return out;
}

/** The parts a report under this template has, in the order its editor and document show them. */
export function templateParts(def: TemplateDefinition): ReportPart[] {
  const always = ALWAYS_PRESENT_PARTS[def.kind];
  const fromOutline = outlineSections(def)
    .map(({ section }) => sectionSpec(def.kind, section)?.part)
    .filter((p): p is ReportPart => p !== undefined);
  const ordered = [...new Set([...always.filter((p) => p !== 'scoreTable'), ...fromOutline])];
  // the 部门整体 report's 绩效自评表 is its appendix: after everything else
  if (always.includes('scoreTable') && !ordered.includes('scoreTable')) ordered.push('scoreTable');
  return ordered;
}

/** Parts of the kind a report under this template leaves out: not edited, not checked, not rendered. */
export function omittedParts(def: TemplateDefinition): ReportPart[] {
  const kept = new Set(templateParts(def));
  return partsOf(def.kind).filter((p) => !kept.has(p));
}

const heading = (h: NumberedHeading) => `${h.number}${h.title}`;

/**
 * Each part's heading in the editor, from the outline: the numbered heading that holds all of the
 * part's sections, after its top-level heading when that is another one (「一、部门基本情况 · （二）部门收支预决算情况」).
 */
export function templatePartTitles(def: TemplateDefinition): Partial<Record<ReportPart, string>> {
  const byPart = new Map<ReportPart, NumberedHeading[][]>();
  for (const { section, headings } of outlineSections(def)) {
    const part = sectionSpec(def.kind, section)?.part;
    if (!part) continue;
    byPart.set(part, [...(byPart.get(part) ?? []), headings]);
  }
  const titles: Partial<Record<ReportPart, string>> = {};
  for (const [part, paths] of byPart) {
    let common = paths[0];
    for (const p of paths.slice(1)) {
      let i = 0;
      while (i < common.length && i < p.length && common[i] === p[i]) i++;
      common = common.slice(0, i);
    }
    const deepest = common[common.length - 1];
    if (!deepest) continue;
    titles[part] = common.length > 1 ? `${heading(common[0])} · ${heading(deepest)}` : heading(deepest);
  }
  if (def.kind === 'department_overall') {
    titles.header = '标题与依据';
    titles.scoreTable = def.document.tableTitle;
  }
  return titles;
}

/** The report's title from the template's pattern: {部门} {年度} {项目名称}. */
export function expandTitle(
  pattern: string,
  values: { departmentName: string; fiscalYear: number; projectName?: string | null },
): string {
  return pattern
    .replaceAll('{部门}', values.departmentName)
    .replaceAll('{年度}', String(values.fiscalYear))
    .replaceAll('{项目名称}', values.projectName ?? '');
}

export const TITLE_PLACEHOLDERS = ['{部门}', '{年度}', '{项目名称}'] as const;
