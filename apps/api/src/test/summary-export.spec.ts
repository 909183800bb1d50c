import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dec, REPORT_STATUS_LABELS, XLSX_CONTENT_TYPE, type ReportStatus } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { Workbook, type Worksheet } from 'exceljs';
import { SUMMARY_COLUMNS } from '../dashboard/summary-sheet';
import { as, idOf, loginAll, startSeededApi, type Session } from './support/harness';

interface SeededReport {
  id: string;
  department: string;
  kind: string;
  project_code: string | null;
  status: ReportStatus;
  total_score: string | null;
  execution_rate: string | null;
}

const HEADERS = SUMMARY_COLUMNS.map((c) => c.header);
const column = (header: string) => HEADERS.indexOf(header) + 1;

/** The 汇总表 (GET /api/dashboard/summary.xlsx) opened back with exceljs and compared with the seed and 县级概览. */
describe('汇总表 export (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let reviewer: Session;
  let editor: Session;
  let admin: Session;
  let foreignReviewer: Session;
  let zhaoxian: string;

  const download = (s: Session | null, query = '?fiscalYear=2024') =>
    as(app, s)({ method: 'GET', url: `/api/dashboard/summary.xlsx${query}` });
  const open = async (payload: Buffer): Promise<Worksheet> => {
    const workbook = new Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总表']);
    return workbook.worksheets[0];
  };
  const seeded = (tenantId: string, year: number) =>
    db.owner(
      async (c) =>
        (
          await c.query<SeededReport>(
            `SELECT r.id, d.name AS department, r.kind, r.project_code, r.status, r.total_score::text AS total_score,
                    r.execution_rate::text AS execution_rate
               FROM reports r JOIN departments d ON d.id = r.department_id
              WHERE r.tenant_id = $1 AND r.fiscal_year = $2`,
            [tenantId, year],
          )
        ).rows,
    );
  const cellText = (ws: Worksheet, row: number, header: string) => {
    const value = ws.getRow(row).getCell(column(header)).value;
    return value === null || value === undefined ? '' : String(value);
  };

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [reviewer, editor, admin, foreignReviewer] = await loginAll(app, [
      'zhaoxian.finance.reviewer',
      'zhaoxian.union.editor',
      'zhaoxian.admin',
      'luancheng.finance.reviewer',
    ]);
    zhaoxian = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
  });

  afterAll(async () => {
    await close?.();
  });

  it('holds every report of the county’s year, one row each, as the seed and 县级概览 have them', async () => {
    const res = await download(reviewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('赵县-2024-绩效自评汇总表.xlsx')}`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');

    const ws = await open(res.rawPayload);
    expect(ws.getCell('A1').value).toBe('赵县 2024 年度预算绩效自评汇总表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const reports = await seeded(zhaoxian, 2024);
    expect(ws.rowCount).toBe(2 + reports.length);
    const dashboard = (await as(app, reviewer)({ method: 'GET', url: '/api/dashboard?fiscalYear=2024' })).json();
    const seen = new Set<string>();
    for (let row = 3; row <= ws.rowCount; row += 1) {
      expect(ws.getRow(row).getCell(column('序号')).value).toBe(row - 2);
      const department = cellText(ws, row, '部门');
      const code = cellText(ws, row, '项目编码');
      const report = reports.find((r) => r.department === department && (r.project_code ?? '') === code);
      expect(report).toBeDefined();
      if (!report) continue;
      seen.add(report.id);
      expect(cellText(ws, row, '状态')).toBe(REPORT_STATUS_LABELS[report.status]);
      expect(cellText(ws, row, '报告类型')).toBe(report.kind === 'project' ? '项目支出' : '部门整体');
      // exact decimals written as numbers shown with the stored decimals
      for (const [header, stored] of [
        ['自评得分', report.total_score],
        ['执行率(%)', report.execution_rate],
      ] as const) {
        const cell = ws.getRow(row).getCell(column(header));
        if (stored === null) expect(cell.value).toBeNull();
        else {
          expect(cell.value).toBe(Number(stored));
          expect(cell.numFmt).toBe(`0.${'0'.repeat(stored.split('.')[1]?.length ?? 0)}`);
        }
      }
      // the light and flags of a department stand on its 部门整体 row, as 县级概览 shows them
      const view = dashboard.departments.find((d: { name: string }) => d.name === department);
      if (report.kind === 'department_overall') {
        expect(cellText(ws, row, '预警说明')).toBe(view.flags.map((f: { message: string }) => f.message).join('；'));
        expect(cellText(ws, row, '预警灯')).toBe(
          ({ red: '红', yellow: '黄', green: '绿' } as Record<string, string>)[view.light] ?? '—',
        );
      } else expect(cellText(ws, row, '预警灯')).toBe('—');
    }
    expect(seen.size).toBe(reports.length);
  });

  it('dates a submitted report by its first submission and an approved one by its approval', async () => {
    const ws = await open((await download(reviewer, '?fiscalYear=2023')).rawPayload);
    // the demo’s 2023 report: submitted 18 April 2024, approved 6 May 2024
    const submitted = ws.getRow(3).getCell(column('提交日期'));
    const approved = ws.getRow(3).getCell(column('审批日期'));
    expect(cellText(ws, 3, '状态')).toBe('已通过');
    expect((submitted.value as Date).toISOString().slice(0, 10)).toBe('2024-04-18');
    expect((approved.value as Date).toISOString().slice(0, 10)).toBe('2024-05-06');
    expect(submitted.numFmt).toBe('yyyy-mm-dd');
  });

  it('gives each county its own year, and a year without reports only its title and headers', async () => {
    const foreign = await open((await download(foreignReviewer)).rawPayload);
    expect(String(foreign.getCell('A1').value)).toMatch(/^栾城区 2024 年度/);
    const departments = new Set<string>();
    for (let row = 3; row <= foreign.rowCount; row += 1) departments.add(cellText(foreign, row, '部门'));
    const own = await seeded(zhaoxian, 2024);
    for (const r of own) expect(departments.has(r.department)).toBe(false);

    const empty = await open((await download(reviewer, '?fiscalYear=2020')).rawPayload);
    expect(empty.rowCount).toBe(2);
  });

  it('lists the finance bureau’s re-score, the final score and grade and the difference (自评 − 复核)', async () => {
    // the demo’s submitted 项目支出 table of 2024: one indicator re-scored a point and a quarter below its self-score
    const [submitted] = (await seeded(zhaoxian, 2024)).filter((r) => r.kind === 'project' && r.status === 'submitted');
    const url = `/api/reports/${submitted.id}/rescore`;
    const before = (await as(app, reviewer)({ method: 'GET', url })).json();
    const row = before.rows.find(
      (r: { weight: string | null; selfScore: string | null }) =>
        r.weight !== null && r.selfScore !== null && dec(r.selfScore).greaterThanOrEqualTo(2),
    );
    const reScore = dec(row.selfScore).minus('1.25').toFixed(2);
    const saved = await as(
      app,
      reviewer,
    )({
      method: 'PUT',
      url,
      headers: { 'if-match': '"0"' },
      payload: { rows: [{ row: row.row, score: reScore }] },
    });
    expect(saved.statusCode).toBe(200);
    const { totals } = saved.json();
    expect(totals.difference).toBe('1.25');

    const ws = await open((await download(reviewer)).rawPayload);
    let found = 0;
    for (let r = 3; r <= ws.rowCount; r += 1) {
      const cell = (header: string) => ws.getRow(r).getCell(column(header));
      if (
        cellText(ws, r, '项目编码') === (submitted.project_code ?? '') &&
        cellText(ws, r, '部门') === submitted.department
      ) {
        found += 1;
        expect(cell('复核得分').value).toBe(Number(totals.reScore));
        expect(cell('复核得分').numFmt).toBe('0.00');
        expect(cell('最终得分').value).toBe(Number(totals.final));
        expect(cellText(ws, r, '最终等级')).toBe(totals.finalGradeLabel);
        expect(cell('得分差(自评−复核)').value).toBe(1.25);
      } else {
        // not re-scored: the columns stay empty
        expect(cell('复核得分').value).toBeNull();
        expect(cellText(ws, r, '最终等级')).toBe('');
      }
    }
    expect(found).toBe(1);
  });

  it('is the finance bureau’s only, and refuses a bad year with a stable code', async () => {
    for (const session of [editor, admin]) {
      const res = await download(session);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await download(null)).statusCode).toBe(401);
    const bad = await download(reviewer, '?fiscalYear=二〇二四');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
