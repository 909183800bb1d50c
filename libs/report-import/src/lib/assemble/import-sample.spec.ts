import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTemplate, emptyReportContent, validateContent, validatePart, partsOf } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { readDocx } from '../docx/read-docx';
import { readTxt } from '../txt';
import type { SourceDocument } from '../source-document';
import type { ImportResult } from '../import-result';
import { agreement, leaves } from './agreement.spec-helper';
import { importReport } from './import-report';

const docxFixture = join(__dirname, '../../test/fixtures/zhaoxian-union-2024.docx');
const txtFixture = join(__dirname, '../../../test/fixtures/zhaoxian-union-2024.txt');
const importSample = (document: SourceDocument) =>
  importReport({
    document,
    kind: 'department_overall',
    template: defaultTemplate('department_overall'),
    fiscalYear: 2024,
    departmentName: '赵县总工会',
  });

/** Every value the import changed from the empty draft has a source (its own path's, or its row's). */
function unsourced(result: ImportResult): string[] {
  const empty = leaves(emptyReportContent({ departmentName: '赵县总工会', fiscalYear: 2024 }));
  const sourced = Object.keys(result.sources);
  return [...leaves(result.content)]
    .filter(([path, value]) => value !== null && value !== '' && empty.get(path) !== value)
    .filter(([path]) => !sourced.some((s) => path === s || path.startsWith(`${s}.`)))
    .map(([path]) => path);
}

/** Each source names text that stands where it says in the document. */
function misplacedSources(result: ImportResult, doc: SourceDocument): string[] {
  return Object.entries(result.sources)
    .filter(([, span]) => {
      const block = doc.blocks[span.block];
      const text =
        block?.kind === 'paragraph'
          ? block.text
          : block?.kind === 'table' && span.cell
            ? (block.rows[span.cell.row]?.[span.cell.column]?.text ?? '')
            : null;
      return text === null || text.slice(span.start, span.end) !== span.text;
    })
    .map(([path]) => path);
}

function expectDraftable(result: ImportResult) {
  expect(validateContent(result.content)).toMatchObject({ ok: true });
  const content = result.content as unknown as Record<string, unknown>;
  for (const part of partsOf('department_overall'))
    expect(validatePart('department_overall', part, content[part]).ok).toBe(true);
}

describe('importing the sample', () => {
  it('EvalFlow’s own DOCX of the sample gives back every fact it prints, each with its source', async () => {
    const doc = await readDocx(readFileSync(docxFixture));
    const result = importSample(doc);
    expectDraftable(result);
    const a = agreement(ZHAOXIAN_UNION_2024, result.content);
    // measured: 253 of the sample's 263 fields; the other 10 are not in the DOCX at all — last year's assets
    // (the text gives only the change, 1.9 %) and the indicators' 佐证 (EvalFlow's table has no such column)
    const notPrinted = [
      'basicInfo.assets.previous.totalAssets',
      'basicInfo.assets.previous.totalLiabilities',
      'basicInfo.assets.previous.netAssets',
      ...[0, 1, 2, 3, 4, 5, 8].map((n) => `scoreTable.indicators.${n}.evidence`),
    ];
    expect(a.differ.filter((d) => !notPrinted.some((p) => d.startsWith(`${p}:`)))).toEqual([]);
    expect(a.right).toBe(253);
    expect(a.total).toBe(263);
    // precision: every value filled is right
    expect(a.filledRight).toBe(a.filled);
    expect(unsourced(result)).toEqual([]);
    expect(misplacedSources(result, doc)).toEqual([]);
    // the department's name read from the line above the title, 「部门」 left out
    expect(result.sources['header.departmentName']).toEqual({ block: 1, start: 0, end: 5, text: '赵县总工会' });
    expect(result.filledParts).toEqual(partsOf('department_overall'));
    // what the report holds outside the schema is listed, not dropped
    expect(result.unplaced.map((u) => u.excerpt)).toEqual([
      '人员情况：包括当年变动情况及原因。',
      '审核结论：审核通过',
      '审核人：王建国',
      '审核日期：2025年5月6日',
    ]);
    expect(result.unplaced.every((u) => u.reason === '未归入任何部分的文字')).toBe(true);
    // read from a sentence or worked out, not read from a cell: flagged
    expect(result.inferred).toEqual(
      expect.arrayContaining([
        'basicInfo.staffing.previousHeadcount',
        'results.items.0.completionRate',
        'scoreTable.indicators.0.nature',
      ]),
    );
    expect(result.inferred).not.toContain('budget.lines.0.amount');
  });

  it('the sample as text copied from its PDF gives back the facts its text holds', () => {
    const { document } = readTxt(readFileSync(txtFixture));
    const result = importSample(document);
    expectDraftable(result);
    // the text has no 绩效自评表: measured on the rest
    const { scoreTable: _truthTable, ...truth } = ZHAOXIAN_UNION_2024;
    const { scoreTable: _table, ...content } = result.content as typeof ZHAOXIAN_UNION_2024;
    const a = agreement(truth, content);
    // measured: 145 of 148; last year's assets are not in the text (only the change, 1.9 %). The space between
    // two words (「七一颂党恩 礼赞新赵州」) is kept while those a PDF copy puts beside Chinese text go
    expect(a.differ.map((d) => d.split(':')[0]).sort()).toEqual([
      'basicInfo.assets.previous.netAssets',
      'basicInfo.assets.previous.totalAssets',
      'basicInfo.assets.previous.totalLiabilities',
    ]);
    expect({ right: a.right, total: a.total }).toEqual({ right: 145, total: 148 });
    expect((result.content as typeof ZHAOXIAN_UNION_2024).results.overall).toBe(ZHAOXIAN_UNION_2024.results.overall);
    expect(a.filled).toBe(a.filledRight);
    // the project lines come from the sentence that lists them (no table in the text): inferred
    expect((result.content as typeof ZHAOXIAN_UNION_2024).budget.lines).toEqual(ZHAOXIAN_UNION_2024.budget.lines);
    expect(result.inferred).toContain('budget.lines.7.documentNumber');
    // the team's table lost its header in the PDF copy: placed by position under the team's heading, inferred
    expect(result.inferred).toContain('team.members.0.name');
    expect(unsourced(result)).toEqual([]);
    expect(misplacedSources(result, document)).toEqual([]);
    expect(result.sources['header.departmentName']).toMatchObject({ start: 0, end: 5, text: '赵县总工会' });
  });
});
