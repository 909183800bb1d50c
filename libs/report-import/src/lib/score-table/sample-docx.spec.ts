import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { readDocx } from '../docx/read-docx';
import { readScoreTables } from './read-score-tables';

/** EvalFlow's own DOCX of the sample, read back: its 绩效自评表 gives the sample's money rows and scores. */
describe('the sample’s 绩效自评表 from EvalFlow’s DOCX', () => {
  it('reads every money figure and every indicator’s 分值 and 得分 exactly, with their cells', async () => {
    const doc = await readDocx(await readFile(join(__dirname, '../../test/fixtures/zhaoxian-union-2024.docx')));
    const read = readScoreTables(doc, 'department_overall');
    if (read && !read.ok) expect(read.errors).toEqual([]);
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    const { funding, indicators } = ZHAOXIAN_UNION_2024.scoreTable;
    for (const key of ['total', 'currentYearAppropriation', 'carryover', 'other'] as const) {
      expect(read.value.scoreTable.funding[key]).toEqual(funding[key]);
    }
    expect(read.value.scoreTable.funding).toMatchObject({
      weight: funding.weight,
      executionRate: funding.executionRate,
      score: funding.score,
    });
    expect(read.value.scoreTable.indicators.map((i) => [i.level1, i.level2, i.level3, i.weight, i.score])).toEqual(
      indicators.map((i) => [i.level1, i.level2, i.level3, i.weight, i.score]),
    );
    expect(read.value.totalScore).toBe(ZHAOXIAN_UNION_2024.conclusion.totalScore);
    // every value read points at a cell of the document whose text holds it
    for (const span of Object.values(read.sources)) expect(doc.blocks[span.block]?.kind).toBe('table');
  });
});
