import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XLSX_CONTENT_TYPE } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { as, idOf, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

/** A 绩效自评表 out to Excel and back into a draft, through the real API and PostgreSQL. */
describe('绩效自评表 in Excel (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let reviewer: Session;
  let foreignEditor: Session;
  let overall: string;
  let draftProject: string;
  let submittedProject: string;

  const exportSheet = (s: Session, id: string) =>
    as(app, s)({ method: 'GET', url: `/api/reports/${id}/score-sheet/xlsx` });
  const upload = (s: Session, id: string, mode: string, file: Buffer, ifMatch?: number | string) =>
    as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${id}/score-sheet/import?mode=${mode}`,
      payload: file,
      headers: {
        'content-type': XLSX_CONTENT_TYPE,
        ...(ifMatch === undefined ? {} : { 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch }),
      },
    });
  const open = async (payload: Buffer) => {
    const workbook = new Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    return workbook;
  };
  const part = async (id: string, name: string) =>
    (await as(app, editor)({ method: 'GET', url: `/api/reports/${id}/parts/${name}` })).json();
  /** The row and column of the first cell showing `text` at or below `from`. */
  const find = (ws: Worksheet, text: string, from = 1): [number, number] => {
    for (let r = from; r <= ws.rowCount; r++)
      for (let c = 1; c <= 12; c++) if (String(ws.getRow(r).getCell(c).value ?? '') === text) return [r, c];
    throw new Error(`no ${text}`);
  };
  const reportVersion = (id: string) =>
    db.owner(async (c) => (await c.query(`SELECT version FROM reports WHERE id = $1`, [id])).rows[0].version as number);

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, reviewer, foreignEditor] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'luancheng.union.editor',
    ]);
    overall = await unionReport2024(db);
    const unionProject = (status: string) =>
      idOf(
        db,
        `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
          WHERE d.name = '赵县总工会' AND r.kind = 'project' AND r.status = $1 LIMIT 1`,
        [status],
      );
    draftProject = await unionProject('draft');
    submittedProject = await unionProject('submitted');
  });

  afterAll(async () => {
    await close?.();
  });

  it('exports a report’s table in the form’s layout, money and scores as numbers with their decimals', async () => {
    const res = await exportSheet(editor, overall);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('赵县总工会-2024-部门整体-绩效自评表.xlsx'),
    );
    const ws = (await open(res.rawPayload)).getWorksheet('绩效自评表') as Worksheet;
    expect(ws.getCell('A1').text).toBe('部门整体支出绩效自评表');
    expect(ws.getCell('A2').text).toBe('（2024年度）');
    const table = (await part(overall, 'scoreTable')).content;
    const [totalRow, label] = find(ws, '年度资金总额');
    const executed = ws.getRow(totalRow).getCell(label + 4);
    expect(executed.value).toBe(Number(table.funding.total.executed));
    const [head] = find(ws, '一级指标');
    expect(find(ws, table.indicators[0].level3, head)[0]).toBe(head + 1);
    // the finance bureau exports any report of the county; another county's is not there
    expect((await exportSheet(reviewer, overall)).statusCode).toBe(200);
    expect((await exportSheet(foreignEditor, overall)).statusCode).toBe(404);
  });

  it('reads its own export back without a change, for both kinds', async () => {
    for (const id of [overall, draftProject]) {
      const file = (await exportSheet(editor, id)).rawPayload;
      const res = await upload(editor, id, 'preview', file);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ ok: true, errors: [], reportVersion: await reportVersion(id) });
      expect(body.parts.filter((p: { changed: boolean }) => p.changed)).toEqual([]);
    }
  });

  it('applies an edited sheet whole, with the version the preview answered', async () => {
    const workbook = await open((await exportSheet(editor, draftProject)).rawPayload);
    const ws = workbook.getWorksheet('绩效自评表') as Worksheet;
    const [head, weightColumn] = find(ws, '分值', find(ws, '一级指标')[0]);
    ws.getRow(head + 1).getCell(weightColumn + 1).value = 7.5; // 得分 of the first indicator
    ws.getRow(head + 1).getCell(weightColumn - 1).value = '已完成（导入）'; // 实际完成值
    const [goalsHead, expectedColumn] = find(ws, '预期目标');
    ws.getRow(goalsHead + 1).getCell(expectedColumn).value = '导入的预期目标';
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = (await upload(editor, draftProject, 'preview', file)).json();
    expect(preview.ok).toBe(true);
    expect(preview.parts).toEqual(
      expect.arrayContaining([
        { part: 'scoreTable', changed: true },
        { part: 'objectives', changed: true },
        { part: 'conclusion', changed: false },
      ]),
    );
    // nothing is written by a preview
    expect((await part(draftProject, 'scoreTable')).content.indicators[0].score).not.toBe('7.5');

    expect((await upload(editor, draftProject, 'apply', file)).statusCode).toBe(428);
    const stale = await upload(editor, draftProject, 'apply', file, preview.reportVersion - 1);
    expect(stale.statusCode).toBe(412);
    const applied = await upload(editor, draftProject, 'apply', file, preview.reportVersion);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().reportVersion).toBe(preview.reportVersion + 1);
    const table = (await part(draftProject, 'scoreTable')).content;
    expect(table.indicators[0]).toMatchObject({ score: '7.5', actual: '已完成（导入）' });
    expect((await part(draftProject, 'objectives')).content.items[0].expected).toBe('导入的预期目标');
    const audit = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT details FROM audit_log WHERE action = 'report.score_sheet_imported' AND target_id = $1`,
            [draftProject],
          )
        ).rows,
    );
    expect(audit).toEqual([{ details: { parts: ['scoreTable', 'objectives'], indicators: table.indicators.length } }]);
  });

  it('lists every bad cell by row and column, and writes nothing', async () => {
    const workbook = await open((await exportSheet(editor, overall)).rawPayload);
    const ws = workbook.getWorksheet('绩效自评表') as Worksheet;
    const [totalRow, label] = find(ws, '年度资金总额');
    ws.getRow(totalRow).getCell(label + 4).value = '1,234.5万元';
    const [head] = find(ws, '一级指标');
    const [, scoreColumn] = find(ws, '得分', head);
    ws.getRow(head + 1).getCell(scoreColumn).value = '满分';
    ws.getRow(head + 2).getCell(4).value = null; // 三级指标
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await reportVersion(overall);

    const preview = (await upload(editor, overall, 'preview', file)).json();
    expect(preview.ok).toBe(false);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: totalRow,
          header: '全年执行数',
          message: expect.stringContaining('千位分隔符'),
        }),
        expect.objectContaining({ row: head + 1, header: '得分', message: expect.stringContaining('满分') }),
        expect.objectContaining({ row: head + 2, column: 'D', message: '请填写「三级指标」' }),
      ]),
    );
    const applied = await upload(editor, overall, 'apply', file, before);
    expect(applied.statusCode).toBe(400);
    expect(applied.json()).toMatchObject({ code: 'SCORE_SHEET_INVALID', details: { errors: preview.errors } });
    expect(await reportVersion(overall)).toBe(before);
  });

  it('refuses what is not a workbook, a file too large, a zip bomb, and a report no longer editable', async () => {
    const bad = await upload(editor, overall, 'preview', Buffer.from('不是工作簿'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SCORE_SHEET_FILE_INVALID');

    const big = await upload(editor, overall, 'preview', Buffer.alloc(2 * 1024 * 1024 + 1, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('SCORE_SHEET_FILE_TOO_LARGE');

    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x20));
    const bombFile = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const exploded = await upload(editor, overall, 'preview', bombFile);
    expect(exploded.statusCode).toBe(413);
    expect(exploded.json().code).toBe('SCORE_SHEET_FILE_TOO_LARGE');

    const file = (await exportSheet(editor, submittedProject)).rawPayload;
    const frozen = await upload(editor, submittedProject, 'preview', file);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('REPORT_NOT_EDITABLE');
    // the finance bureau never writes a department's table
    expect((await upload(reviewer, overall, 'preview', file)).statusCode).toBe(403);
  });
});
