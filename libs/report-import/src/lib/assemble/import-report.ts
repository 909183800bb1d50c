import {
  emptyProjectContent,
  emptyReportContent,
  partsOf,
  validatePart,
  type ReportContent,
  type ReportPart,
} from '@evalflow/domain';
import { buildOutline, type OutlineHeading } from '../headings';
import type { ImportInput, ImportResult } from '../import-result';
import { readScoreTables } from '../score-table';
import { Builder } from './builder';
import { flattenHeadings, matchSections } from './heading-match';
import { splitIndicatorValues } from './indicators';
import { fillProjectProse } from './project-prose';
import { fillDepartmentFromTables, fillGradeFromTables, fillProjectLabels } from './labelled-cells';
import type { SourceTable } from '../source-document';
import { fillOverall, sectionBlocks } from './overall';
import { leaveUnreadRows } from './place-tables';

/** A caption: a short line without a full stop just before a table (「项目预算明细」「（2024年度）」). */
const isCaption = (text: string) => text.trim().length <= 30 && !/[。；]/.test(text);

function emptyContent(input: ImportInput): ReportContent {
  if (input.kind === 'project')
    return emptyProjectContent({
      departmentName: input.departmentName,
      project: input.project ?? { code: '', name: '' },
    });
  return emptyReportContent({
    departmentName: input.departmentName,
    fiscalYear: input.fiscalYear,
    document: {
      attachmentLabel: '',
      titlePattern: input.template.kind === 'department_overall' ? input.template.document.titlePattern : '',
    },
  });
}

/** The 绩效自评表 (both kinds): money rows, indicators, 总分, and a project table's 年度总体目标. */
function fillScoreTable(b: Builder, kind: ImportInput['kind']): SourceTable[] {
  const read = readScoreTables(b.doc, kind);
  if (!read) return [];
  if (!read.ok) {
    const first = read.errors[0];
    for (const t of read.tables)
      b.leave(
        t,
        `绩效自评表未能读出：${first ? `${first.header ? `${first.header}：` : ''}${first.message}` : '格式不符'}`,
      );
    for (const t of read.tables) b.used.add(t);
    return [];
  }
  const content = b.content as ReportContent & { conclusion: { totalScore: string | null } };
  content.scoreTable = read.value.scoreTable;
  if (read.value.objectives && content.kind === 'project') content.objectives = read.value.objectives;
  if (read.value.totalScore) content.conclusion.totalScore = read.value.totalScore;
  for (const [path, span] of Object.entries(read.sources)) b.set(path, readPath(content, path), span);
  content.scoreTable.indicators.forEach((row, n) => {
    const target = b.sources[`scoreTable.indicators.${n}.target`];
    // with no 指标性质 column the nature is judged from the target's text (a sign, a number, words)
    if (target && !b.sources[`scoreTable.indicators.${n}.nature`])
      b.set(`scoreTable.indicators.${n}.nature`, row.nature, target, true);
    const split = splitIndicatorValues(row);
    if (!split) return;
    content.scoreTable.indicators[n] = split.indicator;
    // the unit is read from the value's own cell; a nature with no sign written is the importer's reading
    if (target) b.set(`scoreTable.indicators.${n}.unit`, split.indicator.unit, target);
    if (target) b.set(`scoreTable.indicators.${n}.nature`, split.indicator.nature, target, split.natureAssumed);
  });
  for (const t of read.tables) b.used.add(t);
  const tables = read.tables.map((i) => b.doc.blocks[i]).filter((t): t is SourceTable => t.kind === 'table');
  for (const t of tables) leaveUnreadRows(b, t);
  fillGradeFromTables(b, tables);
  if (kind === 'project') fillProjectLabels(b, tables);
  return tables;
}

function readPath(content: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, k) => (at as Record<string, unknown> | undefined)?.[k], content);
}

/**
 * A parsed document as a report's content of the chosen kind and template: the document's headings matched
 * to the template's sections (by title, else by content — then inferred), narrative and tables placed with
 * their sources, the 绩效自评表 read, and every block left over listed as unplaced. A part that would not pass
 * its schema is left empty and listed, so a draft can always be written from the result.
 */
export function importReport(input: ImportInput): ImportResult {
  const initial = emptyContent(input);
  const b = new Builder(input.document, structuredClone(initial));
  const outline = buildOutline(input.document);
  const sheet = fillScoreTable(b, input.kind);
  const matches = matchSections(input.document, outline.headings, input.template);
  const claimed = new Set<OutlineHeading>(matches.map((m) => m.heading));
  const sections = matches.map((m) => ({
    ...sectionBlocks(b, m, claimed),
    shared: matches.some((o) => o !== m && o.heading === m.heading),
  }));
  if (input.kind === 'department_overall') {
    fillOverall(b, outline.preamble, sections);
    fillDepartmentFromTables(b, sheet);
  }
  if (input.kind === 'project') fillProjectProse(b);
  for (const m of matches) if (m.by === 'content') b.inferred.add(m.section);

  // headings of no section are structure; text under them and anything unread is listed
  for (const h of flattenHeadings(outline.headings)) if (!claimed.has(h) && h.children.length) b.used.add(h.block);
  for (const block of input.document.blocks) {
    if (b.used.has(block.index)) continue;
    const next = input.document.blocks.slice(block.index + 1, block.index + 4);
    if (
      block.kind === 'paragraph' &&
      isCaption(block.text) &&
      next.some((n) => n.kind === 'table' && b.used.has(n.index))
    ) {
      b.used.add(block.index);
      continue;
    }
    b.leave(block.index, block.kind === 'table' ? '未识别的表格' : '未归入任何部分的文字');
  }
  const filledParts = checkParts(b, input.kind, initial);
  return {
    content: b.content,
    sources: b.sources,
    inferred: [...b.inferred].sort(),
    unplaced: b.unplaced.sort((x, y) => x.block - y.block),
    filledParts,
  };
}

const at = (root: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), root);

/** A problem's field that nothing was read into: no source, its value still the empty draft's. */
function isUntouched(path: string, b: Builder, content: unknown, empty: unknown): boolean {
  if (Object.keys(b.sources).some((p) => p === path || p.startsWith(`${path}.`))) return false;
  return JSON.stringify(at(content, path)) === JSON.stringify(at(empty, path));
}

/** Each part against its schema; one that fails is emptied (its values listed) rather than written half-valid. */
function checkParts(b: Builder, kind: ImportInput['kind'], initial: ReportContent): string[] {
  const empty = initial as unknown as Record<string, unknown>;
  const content = b.content as unknown as Record<string, unknown>;
  const filled: string[] = [];
  for (const part of partsOf(kind) as readonly ReportPart[]) {
    const paths = Object.keys(b.sources).filter((p) => p === part || p.startsWith(`${part}.`));
    const checked = validatePart(kind, part, content[part]);
    // a field the import left as the empty draft has it (a project's code a file does not print) is the
    // clerk's to fill: it does not void what was read beside it, it is listed
    const problems = checked.ok ? [] : checked.problems.filter((x) => !isUntouched(x.path, b, content, empty));
    if (!checked.ok && paths.length && !problems.length)
      for (const x of checked.problems)
        b.unplaced.push({
          block: b.sources[paths[0]].block,
          excerpt: x.path,
          reason: `文件中未读到该项（${x.message}），请补填`,
        });
    if (problems.length && paths.length) {
      const problem = problems[0];
      const block = paths.length ? b.sources[paths[0]].block : 0;
      b.unplaced.push({
        block,
        excerpt: problem?.path ?? part,
        reason: `该部分读出的内容不符合格式（${problem?.message ?? ''}），未导入`,
      });
      content[part] = structuredClone(empty[part]);
      for (const p of paths) delete b.sources[p];
      for (const p of [...b.inferred]) if (p === part || p.startsWith(`${part}.`)) b.inferred.delete(p);
      continue;
    }
    if (paths.length) filled.push(part);
  }
  return filled;
}
