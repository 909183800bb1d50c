import type { OverallReportContent } from '@evalflow/domain';
import type { OutlineHeading } from '../headings';
import type { Builder } from './builder';
import {
  readDepartmentLabel,
  readDepartmentLine,
  readTitleName,
  splitTitleLine,
  type NameFound,
} from './department-name';
import type { SectionMatch } from './heading-match';
import {
  projectBudget,
  projectSpent,
  readAssetSentence,
  readCompletion,
  readConclusion,
  readLineList,
  readPolicySentence,
  readHeadcountSentence,
  readStaffSentence,
  splitInlineList,
  yearEnd,
} from './prose';
import { placeTable } from './place-tables';

/** The narrative text fields of a 部门整体 report and their schema limits. */
const TEXT_FIELDS: Record<string, { path: string; max: number }> = {
  'selfEvaluation.organization': { path: 'selfEvaluation.organization', max: 4000 },
  'selfEvaluation.methodAndProcess': { path: 'selfEvaluation.methodAndProcess', max: 8000 },
  'results.overall': { path: 'results.overall', max: 8000 },
  'problems.problems': { path: 'problems.problems', max: 8000 },
  'problems.measures': { path: 'problems.measures', max: 8000 },
};
const LIST_MARKER = /^\s*[（(]?\s*\d{1,2}\s*[)）.．、]\s*/;

export interface SectionBlocks {
  match: SectionMatch;
  /** paragraphs and tables under the heading, in order; the heading's own-line body first as a pseudo-paragraph */
  paragraphs: Array<{ block: number; text: string; start: number }>;
  tables: number[];
  /** another section of the template was matched to the same heading (no sub-heading splits them) */
  shared: boolean;
}

/** The blocks a matched heading holds: its body, its content, and that of its children no other section claimed. */
export function sectionBlocks(b: Builder, match: SectionMatch, claimed: Set<OutlineHeading>): SectionBlocks {
  const out: SectionBlocks = { match, paragraphs: [], tables: [], shared: false };
  const walk = (h: OutlineHeading, top: boolean) => {
    b.used.add(h.block);
    // a sub-heading no section claimed is part of this section's text, its title line included
    const line = b.doc.blocks[h.block];
    if (!top && line.kind === 'paragraph') out.paragraphs.push({ block: h.block, text: line.text, start: 0 });
    else if (h.body) out.paragraphs.push({ block: h.block, text: h.body.text, start: h.body.start });
    for (const i of h.content) {
      const block = b.doc.blocks[i];
      if (block.kind === 'table') out.tables.push(i);
      else out.paragraphs.push({ block: i, text: block.text, start: 0 });
    }
    for (const c of h.children) if (!claimed.has(c)) walk(c, false);
  };
  walk(match.heading, true);
  return out;
}

/** Cuts a text to the schema's limit; the cut is listed, never silent. */
export function fitText(b: Builder, text: string, max: number, block: number, label: string): string {
  if (text.length <= max) return text;
  b.unplaced.push({ block, excerpt: text.slice(max, max + 60), reason: `「${label}」超过 ${max} 字，超出部分未导入` });
  return text.slice(0, max);
}

/** a title, perhaps as a file's name (「…自评报告.pdf」) */
const TITLE = /^.{0,30}?\d{4}年度?.{0,40}(自评报告|评价报告)(\.(pdf|docx?|wps))?$/i;
const FILE_EXTENSION = /\.(pdf|docx?|wps)\s*$/i;

/**
 * The preamble: 附件 label, title, the policy sentence, and the department's name as the document writes it
 * (above the title, before its year, or after a 部门名称 label), each from its line. A name other than the
 * department's own is taken as written and listed, so that the clerk sees it.
 */
function fillHeader(b: Builder, preamble: number[]): void {
  const header = (b.content as OverallReportContent).header;
  const own = header.departmentName;
  // the first name the cover gives is the header's; a later line naming it again is used, not listed
  const names: Array<{ value: string; block: number }> = [];
  const name = (block: number, found: NameFound) => {
    b.used.add(block);
    if (names.push({ value: found.value, block }) > 1) return;
    b.set('header.departmentName', found.value, b.paragraphSpan(block, found.start, found.end));
  };
  const isTitle = (i: number) => {
    const next = b.doc.blocks[i];
    return next?.kind === 'paragraph' && TITLE.test(b.text(next.text));
  };
  for (const i of preamble) {
    const block = b.doc.blocks[i];
    if (block.kind !== 'paragraph') continue;
    const text = b.text(block.text);
    const line = isTitle(i + 1) ? readDepartmentLine(block.text) : null;
    const label = readDepartmentLabel(block.text);
    if (/^附件\s*\d+$/.test(text)) b.set('header.attachmentLabel', text.replace(/\s+/g, ''), b.paragraphSpan(i));
    else if (TITLE.test(text)) {
      const split = splitTitleLine(block.text, own);
      if (!split?.named) {
        b.leave(i, '未能确定的标题');
        continue;
      }
      const inTitle = split.department ? null : readTitleName(block.text);
      if (split.department) name(i, split.department);
      else if (inTitle) name(i, inTitle);
      const title = block.text.slice(split.titleStart).replace(FILE_EXTENSION, '');
      b.set('header.title', b.text(title), b.paragraphSpan(i, split.titleStart));
    } else if (line) name(i, line);
    else if (label) name(i, label);
    else if (text.replace(/部门$/, '') === own) b.used.add(i);
    else {
      const policy = readPolicySentence(text);
      if (policy.title) {
        const span = b.paragraphSpan(i);
        b.set('header.policyIssuer', policy.issuer ?? '', span);
        b.set('header.policyTitle', policy.title, span);
        if (policy.number) b.set('header.policyNumber', policy.number, span);
        if (policy.principles) b.set('header.principles', policy.principles, span);
      }
    }
  }
  const read = names[0];
  if (read && own && read.value !== own)
    b.unplaced.push({
      block: read.block,
      excerpt: read.value,
      reason: `文件中的部门名称（${read.value}）与本部门名称（${own}）不同，已按文件填写，请核对`,
    });
}

function fillBasicInfo(b: Builder, sections: SectionBlocks[]): void {
  for (const s of sections.filter((x) => x.match.section === 'basicInfo.functions')) {
    // a paragraph stating the headcount (「单位机构设置、部门职能情况」 often opens with it) is no function
    const items = s.paragraphs
      .map((p) => ({ p, t: b.text(p.text) }))
      .filter((x) => x.t && !readHeadcountSentence(x.t) && !readStaffSentence(x.t)?.category);
    items.slice(0, 50).forEach(({ p, t }, n) => {
      b.set(
        `basicInfo.functions.${n}`,
        fitText(b, t, 4000, p.block, '部门职能'),
        b.paragraphSpan(p.block),
        s.match.by === 'content',
      );
    });
  }
  const paragraphs = sections.filter((x) => x.match.section !== 'basicInfo.functions').flatMap((x) => x.paragraphs);
  for (const p of paragraphs) {
    const staff = readStaffSentence(p.text);
    if (staff?.category) {
      b.set(
        'basicInfo.staffing.categories',
        [{ category: staff.category, authorized: null, actual: staff.actual.value }],
        null,
      );
      b.set(
        'basicInfo.staffing.categories.0.actual',
        staff.actual.value,
        b.paragraphSpan(p.block, staff.actual.start, staff.actual.end),
      );
      b.set('basicInfo.staffing.categories.0.category', staff.category, b.paragraphSpan(p.block));
      if (staff.asOf) b.set('basicInfo.staffing.asOf', staff.asOf, b.paragraphSpan(p.block));
      // last year's headcount is worked out from the stated change: inferred
      if (staff.previous !== null)
        b.set('basicInfo.staffing.previousHeadcount', staff.previous, b.paragraphSpan(p.block), true);
    }
    const total = readAssetSentence(p.text, '资产总额');
    const debt = readAssetSentence(p.text, '负债总额');
    const net = readAssetSentence(p.text, '净资产');
    if (total?.amount && debt?.amount && net?.amount) {
      const at = (f: { start: number; end: number }) => b.paragraphSpan(p.block, f.start, f.end);
      b.set(
        'basicInfo.assets.current',
        { totalAssets: total.amount.value, totalLiabilities: debt.amount.value, netAssets: net.amount.value },
        null,
      );
      b.set('basicInfo.assets.current.totalAssets', total.amount.value, at(total.amount));
      b.set('basicInfo.assets.current.totalLiabilities', debt.amount.value, at(debt.amount));
      b.set('basicInfo.assets.current.netAssets', net.amount.value, at(net.amount));
      if (total.basis) b.set('basicInfo.assets.valuationBasis', total.basis, b.paragraphSpan(p.block));
      const asOf = yearEnd(p.text);
      if (asOf) b.set('basicInfo.assets.asOf', asOf, b.paragraphSpan(p.block));
      for (const [key, f] of [
        ['totalAssets', total],
        ['totalLiabilities', debt],
        ['netAssets', net],
      ] as const)
        if (f.yoy) b.set(`basicInfo.assets.yoy.${key}`, f.yoy.value, at(f.yoy));
    }
  }
}

/**
 * 「实有编制数 63 人,2021 年末在职人数 57 人」: one unnamed category's 编制数 and 实有人数, when no table or 实有X人员
 * sentence gave the staffing. Any paragraph may state it (the functions' section, or a PDF's text all one paragraph).
 */
function fillHeadcount(b: Builder, sections: SectionBlocks[]): void {
  const content = b.content as OverallReportContent;
  if (content.basicInfo.staffing.categories.length) return;
  const inSections = sections.flatMap((s) => s.paragraphs);
  const rest = b.doc.blocks.flatMap((block, i) =>
    block.kind === 'paragraph' && !inSections.some((p) => p.block === i)
      ? [{ block: i, text: block.text, start: 0 }]
      : [],
  );
  for (const p of [...inSections, ...rest]) {
    const found = readHeadcountSentence(p.text);
    if (!found) continue;
    content.basicInfo.staffing.categories = [{ category: '', authorized: null, actual: null }];
    for (const field of ['authorized', 'actual'] as const) {
      const f = found[field];
      b.set(
        `basicInfo.staffing.categories.0.${field}`,
        f.value,
        b.paragraphSpan(p.block, p.start + f.start, p.start + f.end),
      );
    }
    return;
  }
}

function fillBudget(b: Builder, sections: SectionBlocks[], linesFromTable: boolean): void {
  for (const p of sections.flatMap((s) => s.paragraphs)) {
    const budget = projectBudget(p.text);
    const spent = projectSpent(p.text);
    if (budget)
      b.set('budget.expenditure.project.budget', budget.value, b.paragraphSpan(p.block, budget.start, budget.end));
    if (spent)
      b.set('budget.expenditure.project.actual', spent.value, b.paragraphSpan(p.block, spent.start, spent.end));
    if (linesFromTable) continue;
    const lines = readLineList(p.text);
    if (!lines.length) continue;
    const list = (b.content as OverallReportContent).budget.lines;
    for (const l of lines) {
      const n = list.length;
      list.push({ name: l.name, amount: l.amount, spent: null, documentNumber: l.documentNumber });
      const span = b.paragraphSpan(p.block, l.start, l.end);
      // listed in a sentence, not a table: the split into lines is the importer's reading
      for (const f of ['name', 'amount', ...(l.documentNumber ? ['documentNumber'] : [])])
        b.set(`budget.lines.${n}.${f}`, list[n][f as 'name'], span, true);
    }
  }
}

function fillItems(b: Builder, s: SectionBlocks, kind: 'goals' | 'results'): void {
  const content = b.content as OverallReportContent;
  for (const p of s.paragraphs) {
    // under a heading shared with a narrative section only the numbered paragraphs are items
    if (s.shared && !LIST_MARKER.test(p.text)) continue;
    for (const piece of splitInlineList(p.text)) {
      const text = b.text(piece.replace(LIST_MARKER, ''));
      if (!text) continue;
      if (kind === 'goals') {
        const n = content.goals.items.length;
        if (n >= 100) break;
        content.goals.items.push({ text: fitText(b, text, 4000, p.block, '绩效目标') });
        b.set(`goals.items.${n}.text`, content.goals.items[n].text, b.paragraphSpan(p.block), s.match.by === 'content');
      } else {
        const n = content.results.items.length;
        if (n >= 100) break;
        const done = readCompletion(text);
        content.results.items.push({
          text: fitText(b, done.text, 4000, p.block, '分项绩效目标'),
          completionRate: done.rate?.value ?? null,
          explanation: '',
        });
        b.set(
          `results.items.${n}.text`,
          content.results.items[n].text,
          b.paragraphSpan(p.block),
          s.match.by === 'content',
        );
        if (done.rate) b.set(`results.items.${n}.completionRate`, done.rate.value, b.paragraphSpan(p.block), true);
      }
    }
  }
}

function fillConclusion(b: Builder, s: SectionBlocks): void {
  const conclusion = (b.content as OverallReportContent).conclusion;
  // the 自评表's 总分 and 等级 are read from its cells; a sentence that says otherwise is listed, not taken
  const fromTable = (path: string) => (b.sources[path]?.cell ? conclusion[path.split('.')[1] as 'grade'] : null);
  const tableScore = fromTable('conclusion.totalScore');
  const tableGrade = fromTable('conclusion.grade');
  for (const p of s.paragraphs) {
    const c = readConclusion(p.text);
    if (!c.score && !c.grade) continue;
    if (c.score && tableScore !== null && tableScore !== c.score.value)
      b.unplaced.push({
        block: p.block,
        excerpt: p.text.slice(c.score.start, c.score.end + 1),
        reason: `文中总得分（${c.score.value}分）与自评表总分（${tableScore}分）不一致，已按自评表填写`,
      });
    else if (c.score)
      b.set(
        'conclusion.totalScore',
        c.score.value,
        b.paragraphSpan(p.block, p.start + c.score.start, p.start + c.score.end),
      );
    if (c.grade && tableGrade !== null && tableGrade !== c.grade)
      b.unplaced.push({
        block: p.block,
        excerpt: p.text.slice(0, 60),
        reason: '文中评价等级与自评表不一致，已按自评表填写',
      });
    else if (c.grade) b.set('conclusion.grade', c.grade, b.paragraphSpan(p.block));
    if (c.basis) b.set('conclusion.basis', fitText(b, c.basis, 500, p.block, '评价依据'), b.paragraphSpan(p.block));
    return;
  }
}

/** Fills a 部门整体 report's parts from the matched sections and the tables recognised anywhere. */
export function fillOverall(b: Builder, preamble: number[], sections: SectionBlocks[]): void {
  const content = b.content as OverallReportContent;
  fillHeader(b, preamble);
  const of = (prefix: string) =>
    sections.filter((s) => s.match.section === prefix || s.match.section.startsWith(`${prefix}.`));
  const teamBlocks = new Set(of('team').flatMap((s) => s.tables));
  let linesFromTable = false;
  for (const block of b.doc.blocks) {
    if (block.kind !== 'table' || b.used.has(block.index)) continue;
    linesFromTable = placeTable(b, content, block, teamBlocks.has(block.index)) === 'lines' || linesFromTable;
  }
  fillBasicInfo(b, of('basicInfo'));
  fillHeadcount(b, sections);
  fillBudget(b, of('budget'), linesFromTable);
  for (const s of of('goals')) fillItems(b, s, 'goals');
  for (const s of of('results').filter((x) => x.match.section === 'results.items')) fillItems(b, s, 'results');
  for (const s of of('conclusion')) fillConclusion(b, s);
  const taken = new Set(
    Object.values(b.sources)
      .filter((x) => !x.cell)
      .map((x) => `${x.block}:0`),
  );
  for (const [section, { path, max }] of Object.entries(TEXT_FIELDS)) {
    for (const s of sections.filter((x) => x.match.section === section)) {
      // a paragraph another field took (an item, or the text of a section sharing this heading) is not repeated
      const paragraphs = s.paragraphs.filter((p) => b.text(p.text) && !taken.has(`${p.block}:${p.start}`));
      if (!paragraphs.length) continue;
      const text = paragraphs.map((p) => b.text(p.text)).join('\n');
      b.set(
        path,
        fitText(b, text, max, paragraphs[0].block, s.match.heading.title),
        b.paragraphSpan(paragraphs[0].block, paragraphs[0].start),
        // one heading holding two texts: all of it is in the first, the split is the clerk's
        s.match.by === 'content' || s.shared,
      );
      for (const p of paragraphs) {
        b.used.add(p.block);
        taken.add(`${p.block}:${p.start}`);
      }
    }
  }
}
