import { outlineSections, sectionSpec, type NumberedHeading, type TemplateDefinition } from '@evalflow/domain';
import type { OutlineHeading } from '../headings';
import type { SourceDocument } from '../source-document';
import { normalizeTitle, titleSimilarity } from './text';

/** A title this similar (bigram Dice) to the template's heading names the same section. */
export const TITLE_MATCH_THRESHOLD = 0.6;
/** Key words that name a section's content when its title says something else. */
export const SECTION_KEYWORDS: Record<string, string[]> = {
  'basicInfo.functions': ['职能', '职责', '主要职责'],
  'basicInfo.orgUnits': ['机构', '单位名称', '内设', '下属单位'],
  'basicInfo.staffing': ['人员', '编制', '在职', '实有'],
  'basicInfo.assets': ['资产', '负债', '净资产'],
  budget: ['收入', '支出', '预算', '决算', '结转'],
  goals: ['绩效目标', '目标', '指标'],
  'selfEvaluation.organization': ['自评', '组织', '工作小组', '领导小组'],
  'selfEvaluation.methodAndProcess': ['方法', '过程', '步骤', '座谈'],
  'results.overall': ['总体', '实现情况', '完成'],
  'results.items': ['完成率', '分项', '完成情况'],
  conclusion: ['总得分', '得分', '等级', '结论'],
  'problems.problems': ['问题', '不足'],
  'problems.measures': ['措施', '建议', '改进'],
  team: ['姓名', '工作组', '职务', '职称'],
  projectInfo: ['项目名称', '主管部门', '实施单位'],
  objectives: ['年度总体目标', '预期目标', '实际完成情况'],
  preparers: ['填报人', '联系电话', '填报日期'],
};
/** Content matches need this many distinct key words, and more than any other section. */
const CONTENT_MIN_HITS = 2;

export interface SectionMatch {
  section: string;
  heading: OutlineHeading;
  by: 'title' | 'content';
  similarity: number;
  /** the template's heading that holds the section (for title matches) */
  holder?: NumberedHeading;
}

export function flattenHeadings(headings: OutlineHeading[]): OutlineHeading[] {
  return headings.flatMap((h) => [h, ...flattenHeadings(h.children)]);
}

/** The text a heading holds (its body on the title's line and its blocks, children included). */
export function headingText(doc: SourceDocument, h: OutlineHeading): string {
  const own = h.content.map((i) => blockText(doc, i)).join('\n');
  return [h.body?.text ?? '', own, ...h.children.map((c) => `${c.title}\n${headingText(doc, c)}`)].join('\n');
}

export function blockText(doc: SourceDocument, index: number): string {
  const b = doc.blocks[index];
  if (!b) return '';
  return b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n');
}

/**
 * Each section of the template's outline → the document heading that holds it: by title first (the most
 * similar heading above the threshold, `titleSimilarity`; one heading may hold several sections, as 「组织机构及人员」 does),
 * then, for sections still without one, by the key words of a heading no section has claimed.
 */
export function matchSections(
  doc: SourceDocument,
  headings: OutlineHeading[],
  template: TemplateDefinition,
): SectionMatch[] {
  const all = flattenHeadings(headings);
  const matches: SectionMatch[] = [];
  const unmatched: string[] = [];
  for (const { section, headings: path } of outlineSections(template)) {
    const holder = path[path.length - 1];
    // a heading that holds several sections (「存在的问题及改进措施」) may be split in the document under
    // sub-headings named like each section (「（一）存在的主要问题」): those are looked for first
    const names =
      holder.sections.length > 1
        ? [sectionSpec(template.kind, section)?.defaultTitle ?? '', holder.title]
        : [holder.title];
    let best: { h: OutlineHeading; s: number } | null = null;
    for (const name of names.map(normalizeTitle).filter(Boolean)) {
      for (const h of all) {
        const s = titleSimilarity(name, normalizeTitle(h.title));
        if (s >= TITLE_MATCH_THRESHOLD && (!best || s > best.s)) best = { h, s };
      }
      if (best) break;
    }
    if (best) matches.push({ section, heading: best.h, by: 'title', similarity: best.s, holder });
    else unmatched.push(section);
  }
  // one document heading wanted by sections under different template headings (「总体绩效目标实现情况」 and
  // 「分项绩效目标实现情况及指标分析」 are alike): the most similar keeps it, the others look again by content
  for (const m of [...matches]) {
    const rivals = matches.filter((o) => o.heading === m.heading && o.holder !== m.holder);
    if (rivals.some((o) => o.similarity > m.similarity)) {
      matches.splice(matches.indexOf(m), 1);
      unmatched.push(m.section);
    }
  }
  const claimed = new Set(matches.map((m) => m.heading));
  // a heading whose ancestor or descendant is claimed is inside another part: not a candidate
  const related = (h: OutlineHeading) =>
    [...claimed].some((c) => flattenHeadings(c.children).includes(h) || flattenHeadings(h.children).includes(c));
  for (const section of unmatched) {
    const words = SECTION_KEYWORDS[section] ?? [];
    let best: { h: OutlineHeading; hits: number } | null = null;
    for (const h of all) {
      if (claimed.has(h) || related(h)) continue;
      // a heading's own words only: a parent holding its children's text would outscore the child that has it
      const text = [h.title, h.body?.text ?? '', ...h.content.map((i) => blockText(doc, i))].join('\n');
      const hits = words.filter((w) => text.includes(w)).length;
      if (hits >= CONTENT_MIN_HITS && (!best || hits > best.hits)) best = { h, hits };
    }
    if (best) {
      matches.push({ section, heading: best.h, by: 'content', similarity: 0 });
      claimed.add(best.h);
    }
  }
  return matches;
}
