import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILTIN_TEMPLATES, emptyReportContent, type ReportContent, type ScoreTablePart } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { readDocx } from './docx/read-docx';
import { ImportRefused } from './import-refused';
import { importDocument, NOT_YET_PLACED, precheckImportFile } from './import-document';
import { readTxt } from './txt';

const template = BUILTIN_TEMPLATES[0].definition;
const context = () => ({
  fiscalYear: 2024,
  departmentName: '赵县总工会',
  current: emptyReportContent({ departmentName: '赵县总工会', fiscalYear: 2024 }) as ReportContent,
});

describe('importDocument (the 绩效自评表 filled, everything else listed)', () => {
  it('fills the sample’s table and 总分 from its DOCX, keeps the other parts, and lists every other block', async () => {
    const doc = await readDocx(await readFile(join(__dirname, '../test/fixtures/zhaoxian-union-2024.docx')));
    const base = context();
    const result = importDocument(doc, 'department_overall', template, base);
    const table = (result.content as { scoreTable: ScoreTablePart }).scoreTable;
    expect(table.indicators.map((i) => i.score)).toEqual(ZHAOXIAN_UNION_2024.scoreTable.indicators.map((i) => i.score));
    expect((result.content as { conclusion: { totalScore: string } }).conclusion.totalScore).toBe(
      ZHAOXIAN_UNION_2024.conclusion.totalScore,
    );
    expect(result.filledParts).toEqual(['scoreTable', 'conclusion']);
    // the parts it does not map yet stay as the draft has them
    expect((result.content as { header: unknown }).header).toEqual((base.current as { header: unknown }).header);
    expect(result.sources['scoreTable.indicators.0.score']?.cell).toBeDefined();
    // every non-empty block outside the table is listed, none dropped
    const listed = new Set(result.unplaced.map((u) => u.block));
    for (const block of doc.blocks) {
      const text = block.kind === 'paragraph' ? block.text.trim() : 'table';
      if (text && !Object.values(result.sources).some((s) => s.block === block.index))
        expect(listed.has(block.index)).toBe(true);
    }
    expect(result.unplaced.every((u) => u.reason === NOT_YET_PLACED && u.excerpt.length <= 61)).toBe(true);
  });

  it('gives the draft back unchanged, every paragraph listed, when the document has no 绩效自评表', () => {
    const { document } = readTxt('一、部门基本情况\n\n赵县总工会是全县职工的群众组织。\n');
    const base = context();
    const result = importDocument(document, 'department_overall', template, base);
    expect(result.content).toBe(base.current);
    expect(result.filledParts).toEqual([]);
    expect(result.unplaced.map((u) => u.excerpt)).toEqual(['一、部门基本情况', '赵县总工会是全县职工的群众组织。']);
  });
});

describe('precheckImportFile', () => {
  it.each([
    ['IMPORT_NOT_DOCX', 'docx', Buffer.from('not a zip')],
    ['IMPORT_FILE_TOO_LARGE', 'docx', Buffer.alloc(2 * 1024 * 1024 + 1)],
    ['IMPORT_EMPTY', 'txt', Buffer.alloc(0)],
  ] as const)('refuses with %s (a %s)', async (code, format, data) => {
    await expect(precheckImportFile(format, data)).rejects.toMatchObject({ code });
    await expect(precheckImportFile(format, data)).rejects.toBeInstanceOf(ImportRefused);
  });

  it('accepts the sample’s DOCX without inflating it', async () => {
    await expect(
      precheckImportFile('docx', await readFile(join(__dirname, '../test/fixtures/zhaoxian-union-2024.docx'))),
    ).resolves.toBeUndefined();
  });
});
