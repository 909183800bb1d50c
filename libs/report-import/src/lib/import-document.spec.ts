import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUILTIN_TEMPLATES,
  emptyProjectContent,
  emptyReportContent,
  REPORT_IMPORT_FILE_TYPES,
  REPORT_IMPORT_MAX_BYTES,
  type ReportContent,
  type ScoreTablePart,
} from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { readDocx } from './docx/read-docx';
import { ImportRefused } from './import-refused';
import { IMPORT_MEDIA_TYPES, importDocument, precheckImportFile } from './import-document';
import { readTxt } from './txt';

const template = BUILTIN_TEMPLATES[0].definition;
const context = () => ({
  fiscalYear: 2024,
  departmentName: '赵县总工会',
  current: emptyReportContent({ departmentName: '赵县总工会', fiscalYear: 2024 }) as ReportContent,
});

describe('importDocument (the whole document mapped by importReport)', () => {
  it('fills the sample’s parts from its DOCX — the 绩效自评表, 总分 and the narrative — each with its source', async () => {
    const doc = await readDocx(await readFile(join(__dirname, '../test/fixtures/zhaoxian-union-2024.docx')));
    const result = importDocument(doc, 'department_overall', template, context());
    const table = (result.content as { scoreTable: ScoreTablePart }).scoreTable;
    expect(table.indicators.map((i) => i.score)).toEqual(ZHAOXIAN_UNION_2024.scoreTable.indicators.map((i) => i.score));
    expect((result.content as { conclusion: { totalScore: string } }).conclusion.totalScore).toBe(
      ZHAOXIAN_UNION_2024.conclusion.totalScore,
    );
    expect(result.filledParts).toEqual(expect.arrayContaining(['scoreTable', 'conclusion', 'basicInfo']));
    expect((result.content as typeof ZHAOXIAN_UNION_2024).basicInfo.orgUnits).toEqual(
      ZHAOXIAN_UNION_2024.basicInfo.orgUnits,
    );
    expect(result.sources['scoreTable.indicators.0.score']?.cell).toBeDefined();
    // every source names text that stands in the document at that place
    for (const span of Object.values(result.sources)) expect(doc.blocks[span.block]).toBeDefined();
  });

  it('lists what it cannot place, and keeps a project table’s own code and name', () => {
    const { document } = readTxt('附表：其他情况\n\n甲\t乙\t丙\n1\t2\t3\n4\t5\t6\n');
    const project = emptyProjectContent({
      departmentName: '赵县总工会',
      project: { code: '13013324T000000000098', name: '困难职工帮扶' },
    });
    const result = importDocument(
      document,
      'project',
      (BUILTIN_TEMPLATES.find((t) => t.definition.kind === 'project') ?? BUILTIN_TEMPLATES[0]).definition,
      {
        fiscalYear: 2024,
        departmentName: '赵县总工会',
        current: project as ReportContent,
      },
    );
    expect((result.content as typeof project).projectInfo).toMatchObject({
      code: '13013324T000000000098',
      name: '困难职工帮扶',
    });
    expect(result.unplaced.length).toBeGreaterThan(0);
    expect(result.unplaced.every((u) => u.reason.length > 0)).toBe(true);
  });
});

describe('precheckImportFile', () => {
  it.each([
    ['IMPORT_NOT_DOCX', 'docx', Buffer.from('not a zip')],
    ['IMPORT_FILE_TOO_LARGE', 'docx', Buffer.alloc(REPORT_IMPORT_MAX_BYTES + 1)],
    ['IMPORT_FILE_TOO_LARGE', 'txt', Buffer.alloc(REPORT_IMPORT_MAX_BYTES + 1, 0x61)],
    ['IMPORT_EMPTY', 'txt', Buffer.alloc(0)],
  ] as const)('refuses with %s (a %s)', async (code, format, data) => {
    await expect(precheckImportFile(format, data)).rejects.toMatchObject({ code });
    await expect(precheckImportFile(format, data)).rejects.toBeInstanceOf(ImportRefused);
  });

  it('takes the media types the web app sends, by extension (domain REPORT_IMPORT_FILE_TYPES)', () => {
    expect(Object.keys(IMPORT_MEDIA_TYPES).sort()).toEqual(Object.values(REPORT_IMPORT_FILE_TYPES).sort());
  });

  it('accepts the sample’s DOCX without inflating it', async () => {
    await expect(
      precheckImportFile('docx', await readFile(join(__dirname, '../test/fixtures/zhaoxian-union-2024.docx'))),
    ).resolves.toBeUndefined();
  });
});
