import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XLSX_CONTENT_TYPE, type LibraryEntryView } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { as, loginAll, startSeededApi, type Session } from './support/harness';

type Cell = string | number | null;
const HEADER = ['一级指标', '二级指标', '三级指标', '计量单位', '指标性质', '建议指标值', '佐证材料', '说明'];

/** A workbook of one sheet with these rows (row 1 first), as an upload would send it. */
async function xlsx(rows: Cell[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    if (row.length) sheet.getRow(i + 1).values = row;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(data: Buffer) {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** The county's 指标库 through the real API and PostgreSQL: list, search, edit, archive, export and import. */
describe('indicator library (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let admin: Session;
  let reviewer: Session;
  let approver: Session;
  let editor: Session;
  let head: Session;
  let foreignAdmin: Session;
  let foreignReviewer: Session;

  const call = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    ifMatch?: number | string,
  ) =>
    as(
      app,
      s,
    )({
      method,
      url,
      payload,
      headers: ifMatch === undefined ? {} : { 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch },
    });
  const upload = (s: Session, mode: string, body: Buffer | string, contentType = XLSX_CONTENT_TYPE) =>
    as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/indicator-library/import?mode=${mode}`,
      payload: body,
      headers: { 'content-type': contentType },
    });
  const list = async (s: Session, query = '') => {
    const res = await call(s, 'GET', `/api/indicator-library${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: LibraryEntryView[]; nextCursor: string | null };
  };
  /** The entry with this 三级指标 (and 二级指标, where two share the name), archived or not. */
  const byName = async (level3: string, level2?: string) =>
    (await list(admin, '?active=all&limit=100')).items.find(
      (e) => e.level3 === level3 && (level2 === undefined || e.level2 === level2),
    );
  const snapshot = () => db.owner(async (c) => (await c.query(`SELECT * FROM indicator_library ORDER BY id`)).rows);
  const auditActions = () =>
    db.owner(
      async (c) =>
        (await c.query(`SELECT action FROM audit_log WHERE action LIKE 'indicator_library.%' ORDER BY id`)).rows.map(
          (r: { action: string }) => r.action,
        ) as string[],
    );

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [admin, reviewer, approver, editor, head, foreignAdmin, foreignReviewer] = await loginAll(app, [
      'zhaoxian.admin',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'luancheng.admin',
      'luancheng.finance.reviewer',
    ]);
  });
  afterAll(async () => {
    await close?.();
  });

  describe('listing and search', () => {
    it('lists the county’s active entries in 一级, 二级, 三级 order; archived ones on request', async () => {
      const page = await list(editor, '?limit=100');
      expect(page.items).toHaveLength(21);
      expect(page.nextCursor).toBeNull();
      const keys = page.items.map((e) => [e.level1, e.level2, e.level3, e.id].join('\u0000'));
      expect(keys).toEqual([...keys].sort());
      expect(page.items[0]).toMatchObject({ level1: '产出指标', active: true, version: 1 });
      expect(Object.keys(page.items[0]).sort()).toEqual(
        [
          'id',
          'tenantId',
          'level1',
          'level2',
          'level3',
          'unit',
          'nature',
          'suggestedTarget',
          'suggestedEvidence',
          'note',
          'active',
          'version',
          'createdAt',
          'updatedAt',
        ].sort(),
      );
      expect((await list(editor, '?active=false')).items.map((e) => e.level3)).toEqual(['会员保险覆盖人数']);
      expect((await list(editor, '?active=all&limit=100')).items).toHaveLength(22);
    });

    it('pages with a cursor through the same order, without gaps or repeats', async () => {
      const all = (await list(reviewer, '?limit=100')).items.map((e) => e.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(reviewer, `?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toEqual(all);
      const bad = await call(reviewer, 'GET', '/api/indicator-library?cursor=bm90LWEtY3Vyc29y');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([expect.objectContaining({ field: 'cursor' })]);
      expect((await call(reviewer, 'GET', '/api/indicator-library?limit=101')).statusCode).toBe(400);
    });

    it('searches the names, unit and target literally, and filters by 一级指标 and 性质', async () => {
      const satisfaction = await list(editor, '?q=满意度');
      expect(satisfaction.items.map((e) => e.level3).sort()).toEqual([
        '受助职工满意度',
        '受益对象满意度',
        '职工满意度',
      ]);
      expect((await list(editor, '?q=%E8%B5%84%E9%87%91%E5%8F%91%E6%94%BE')).items.map((e) => e.level3)).toEqual([
        '困难职工及劳模帮扶救助资金发放',
        '资金发放准确率',
      ]);
      // LIKE's wildcards match themselves only: no entry has an underscore; "%" is a unit
      expect((await list(editor, '?q=_')).items).toEqual([]);
      const percent = await list(editor, '?q=%25&limit=100');
      expect(percent.items.length).toBeGreaterThan(0);
      expect(
        percent.items.every((e) => [e.level1, e.level2, e.level3, e.unit, e.suggestedTarget].join().includes('%')),
      ).toBe(true);
      expect((await list(editor, '?q=28.826')).items.map((e) => e.level3)).toEqual(['困难职工及劳模帮扶救助资金发放']);

      const benefits = await list(editor, `?level1=${encodeURIComponent('效益指标')}`);
      expect(benefits.items).toHaveLength(5);
      expect(benefits.items.every((e) => e.level1 === '效益指标')).toBe(true);
      const qualitative = await list(editor, '?nature=qualitative&limit=100');
      expect(qualitative.items.length).toBe(7);
      expect(qualitative.items.every((e) => e.nature === 'qualitative')).toBe(true);
      expect((await call(editor, 'GET', '/api/indicator-library?nature=%3E')).statusCode).toBe(400);
    });
  });

  describe('editing', () => {
    it('creates, reads, updates with If-Match, archives and restores an entry, and audits each change', async () => {
      const before = await auditActions();
      const created = await call(reviewer, 'POST', '/api/indicator-library', {
        level1: ' 产出指标 ',
        level2: '时效指标',
        level3: '补助资金按时发放率',
        unit: '%',
        nature: '=',
        suggestedTarget: '100',
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      const entry = created.json();
      expect(entry).toMatchObject({
        level1: '产出指标',
        level3: '补助资金按时发放率',
        suggestedEvidence: '',
        note: '',
        active: true,
        version: 1,
      });

      const got = await call(editor, 'GET', `/api/indicator-library/${entry.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.json()).toEqual(entry);

      const url = `/api/indicator-library/${entry.id}`;
      expect((await call(approver, 'PATCH', url, { note: '无' })).statusCode).toBe(428);
      const updated = await call(approver, 'PATCH', url, { suggestedTarget: '≥98', note: '按月统计' }, 1);
      expect(updated.statusCode).toBe(200);
      expect(updated.headers.etag).toBe('"2"');
      expect(updated.json()).toMatchObject({ suggestedTarget: '≥98', note: '按月统计', unit: '%', version: 2 });

      // someone else saved first: 412 with what would have been overwritten, nothing written
      const stale = await call(admin, 'PATCH', url, { unit: '％' }, 1);
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({
        code: 'VERSION_MISMATCH',
        details: { currentVersion: 2, current: { suggestedTarget: '≥98', version: 2 } },
      });
      // nothing to change: answered as is, version kept
      const same = await call(admin, 'PATCH', url, { note: ' 按月统计 ' }, 2);
      expect(same.json().version).toBe(2);
      // a name of spaces only is empty once trimmed
      const blank = await call(admin, 'PATCH', url, { level2: '   ' }, 2);
      expect(blank.statusCode).toBe(400);
      expect(blank.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'level2', message: '请填写二级指标' }],
      });

      const archived = await call(admin, 'POST', `${url}/archive`, undefined, 2);
      expect(archived.statusCode).toBe(200);
      expect(archived.json()).toMatchObject({ active: false, version: 3 });
      expect((await list(editor, '?q=补助资金按时发放率')).items).toEqual([]);
      expect((await list(editor, '?q=补助资金按时发放率&active=false')).items).toHaveLength(1);
      expect((await call(admin, 'POST', `${url}/restore`, undefined, 2)).statusCode).toBe(412);
      expect((await call(admin, 'POST', `${url}/restore`)).statusCode).toBe(428);
      const restored = await call(admin, 'POST', `${url}/restore`, undefined, 3);
      expect(restored.json()).toMatchObject({ active: true, version: 4 });

      expect((await auditActions()).slice(before.length)).toEqual([
        'indicator_library.created',
        'indicator_library.updated',
        'indicator_library.archived',
        'indicator_library.restored',
      ]);
      const [audit] = await db.owner(
        async (c) =>
          (
            await c.query(
              `SELECT actor_username, target_id, details FROM audit_log WHERE action = 'indicator_library.updated'`,
            )
          ).rows,
      );
      expect(audit).toMatchObject({
        actor_username: 'zhaoxian.finance.approver',
        target_id: entry.id,
        details: { changes: { suggestedTarget: { from: '100', to: '≥98' }, note: { from: '', to: '按月统计' } } },
      });
    });

    it('answers 409 with the existing entry when the names are taken, on create and on rename', async () => {
      const existing = await byName('资金发放准确率', '质量指标');
      const twin = await call(admin, 'POST', '/api/indicator-library', {
        level1: '产出指标',
        level2: '质量指标',
        level3: '资金发放准确率',
        nature: '>=',
      });
      expect(twin.statusCode).toBe(409);
      expect(twin.json()).toMatchObject({ code: 'LIBRARY_ENTRY_EXISTS', details: { existingId: existing?.id } });

      const other = await byName('政府采购执行率');
      const rename = await call(
        admin,
        'PATCH',
        `/api/indicator-library/${other?.id}`,
        { level3: '资金发放准确率' },
        other?.version,
      );
      expect(rename.statusCode).toBe(409);
      expect(rename.json()).toMatchObject({ code: 'LIBRARY_ENTRY_EXISTS', details: { existingId: existing?.id } });
      // another 二级指标 is another entry
      const elsewhere = await call(admin, 'POST', '/api/indicator-library', {
        level1: '产出指标',
        level2: '时效指标',
        level3: '资金发放准确率',
        nature: '=',
      });
      expect(elsewhere.statusCode).toBe(201);
    });

    it('refuses what the form would refuse', async () => {
      const res = await call(admin, 'POST', '/api/indicator-library', {
        level1: '产出指标',
        level2: '数量指标',
        level3: '甲'.repeat(201),
        nature: '约等于',
        weight: '10',
      });
      expect(res.statusCode).toBe(400);
      const fields = (res.json().details as Array<{ field: string }>).map((d) => d.field).sort();
      expect(fields).toEqual(['level3', 'nature', 'weight']);
    });

    it('lets department staff read the library but not change it (403)', async () => {
      const entry = await byName('职工满意度');
      for (const s of [editor, head]) {
        expect((await call(s, 'GET', `/api/indicator-library/${entry?.id}`)).statusCode).toBe(200);
        expect((await call(s, 'GET', '/api/indicator-library/export')).statusCode).toBe(200);
        const attempts = [
          call(s, 'POST', '/api/indicator-library', { level1: '甲', level2: '乙', level3: '丙', nature: '=' }),
          call(s, 'PATCH', `/api/indicator-library/${entry?.id}`, { note: '改' }, entry?.version),
          call(s, 'POST', `/api/indicator-library/${entry?.id}/archive`, undefined, entry?.version),
          call(s, 'POST', `/api/indicator-library/${entry?.id}/restore`, undefined, entry?.version),
          upload(s, 'preview', await xlsx([HEADER, ['产出指标', '数量指标', '新指标', '', '=', '', '', '']])),
        ];
        for (const res of await Promise.all(attempts)) {
          expect(res.statusCode).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
      }
      expect((await byName('职工满意度'))?.version).toBe(entry?.version);
    });

    it('hides one county’s entries from the other (404), whatever its role', async () => {
      const entry = await byName('受益对象满意度');
      const url = `/api/indicator-library/${entry?.id}`;
      expect((await list(foreignReviewer, '?active=all')).items).toEqual([]);
      for (const s of [foreignAdmin, foreignReviewer]) {
        expect((await call(s, 'GET', url)).json().code).toBe('LIBRARY_ENTRY_NOT_FOUND');
        expect((await call(s, 'GET', url)).statusCode).toBe(404);
        expect((await call(s, 'PATCH', url, { note: '改' }, entry?.version)).statusCode).toBe(404);
        expect((await call(s, 'POST', `${url}/archive`, undefined, entry?.version)).statusCode).toBe(404);
        expect((await call(s, 'POST', `${url}/restore`, undefined, entry?.version)).statusCode).toBe(404);
      }
      // the same names are free in the other county
      const own = await call(foreignAdmin, 'POST', '/api/indicator-library', {
        level1: entry?.level1,
        level2: entry?.level2,
        level3: entry?.level3,
        nature: '>=',
      });
      expect(own.statusCode).toBe(201);
      expect(own.json().id).not.toBe(entry?.id);
      expect((await call(admin, 'GET', `/api/indicator-library/${own.json().id}`)).statusCode).toBe(404);
      expect((await byName('受益对象满意度'))?.version).toBe(entry?.version);
      expect((await call(admin, 'GET', '/api/indicator-library/not-a-uuid')).statusCode).toBe(404);
    });
  });

  describe('export and import', () => {
    it('exports the active entries as a workbook, and importing it back changes nothing', async () => {
      const res = await call(editor, 'GET', '/api/indicator-library/export');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="indicator-library.xlsx"; filename*=UTF-8''${encodeURIComponent('赵县指标库.xlsx')}`,
      );
      const workbook = await readXlsx(res.rawPayload);
      const sheet = workbook.getWorksheet('指标库');
      expect(sheet).toBeDefined();
      expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADER]);
      expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet?.getColumn(3).width).toBe(36);
      const active = (await list(editor, '?limit=100')).items;
      expect(sheet?.actualRowCount).toBe(active.length + 1);
      const accuracy = active.findIndex((e) => e.level3 === '资金发放准确率' && e.level2 === '质量指标');
      expect(sheet?.getRow(accuracy + 2).values).toEqual([
        undefined,
        '产出指标',
        '质量指标',
        '资金发放准确率',
        '%',
        '=',
        '100',
        '银行代发明细',
        '准确发放金额 ÷ 应发放金额 × 100%',
      ]);

      const before = await snapshot();
      for (const mode of ['preview', 'apply']) {
        const imported = await upload(reviewer, mode, res.rawPayload);
        expect(imported.statusCode).toBe(200);
        const body = imported.json();
        expect(body.errors).toEqual([]);
        expect(body.counts).toEqual({ create: 0, update: 0, unchanged: active.length });
        expect(body.rows.map((r: { row: number }) => r.row)).toEqual(active.map((_, i) => i + 2));
      }
      expect(await snapshot()).toEqual(before);
    });

    it('previews each row’s action and problems by the sheet’s row numbers', async () => {
      const file = await xlsx([
        ['赵县指标库（修订）'],
        HEADER,
        ['产出指标', '数量指标', '培训职工人次', '人次', '≥', 500, '培训签到表', ''],
        ['产出指标', '质量指标', '资金发放准确率', '%', '＝', '99', '银行代发明细', '准确发放金额 ÷ 应发放金额 × 100%'],
        [],
        ['满意度指标', '服务对象满意度指标', '职工满意度', '%', '>=', '90', '满意度调查问卷', ''],
        ['产出指标', '数量指标', '会员保险覆盖人数', '人', '不低于', '5000', '参保名单', '已由「全县会员保险费」替代'],
        ['产出指标', '', '未填二级', '', '定量', '', '', ''],
        ['产出指标', '数量指标', '培训职工人次', '人次', '≥', '600', '', ''],
      ]);
      const before = await snapshot();
      const res = await upload(approver, 'preview', file);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.mode).toBe('preview');
      expect(body.rows.map((r: Record<string, unknown>) => [r.row, r.action, r.changes])).toEqual([
        [3, 'create', []],
        [4, 'update', ['suggestedTarget']],
        [6, 'unchanged', []],
        [7, 'update', ['active']],
      ]);
      expect(body.rows[0].entry).toEqual({
        level1: '产出指标',
        level2: '数量指标',
        level3: '培训职工人次',
        unit: '人次',
        nature: '>=',
        suggestedTarget: '500',
        suggestedEvidence: '培训签到表',
        note: '',
      });
      expect(body.errors).toEqual([
        { row: 8, column: '二级指标', message: '请填写二级指标' },
        { row: 8, column: '指标性质', message: '定量指标请写明方向：≥（不低于）、≤（不高于）或 =（等于）' },
        { row: 9, column: '三级指标', message: '与第 3 行重复：一级、二级、三级指标都相同' },
      ]);
      expect(body.counts).toEqual({ create: 1, update: 2, unchanged: 1 });
      expect(await snapshot()).toEqual(before);

      // apply: all or nothing
      const refused = await upload(approver, 'apply', file);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'LIBRARY_IMPORT_INVALID',
        message: expect.stringContaining('3 处错误'),
        details: { errors: body.errors },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('applies a clean file in one go: creates, updates, brings back archived entries, audits once', async () => {
      const accuracy = await byName('资金发放准确率', '质量指标');
      const satisfaction = await byName('职工满意度');
      const file = await xlsx(
        [
          HEADER,
          ['产出指标', '数量指标', '培训职工人次', '人次', '≥', 500, '培训签到表', ''],
          [
            '产出指标',
            '质量指标',
            '资金发放准确率',
            '%',
            '=',
            '99',
            '银行代发明细',
            '准确发放金额 ÷ 应发放金额 × 100%',
          ],
          ['满意度指标', '服务对象满意度指标', '职工满意度', '%', '>=', '90', '满意度调查问卷', ''],
          ['产出指标', '数量指标', '会员保险覆盖人数', '人', '>=', '5000', '参保名单', '已由「全县会员保险费」替代'],
        ],
        '指标库',
      );
      const before = await auditActions();
      const res = await upload(admin, 'apply', file);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ mode: 'apply', errors: [], counts: { create: 1, update: 2, unchanged: 1 } });
      expect((await auditActions()).slice(before.length)).toEqual(['indicator_library.imported']);

      expect(await byName('培训职工人次')).toMatchObject({
        suggestedTarget: '500',
        nature: '>=',
        active: true,
        version: 1,
      });
      expect(await byName('资金发放准确率', '质量指标')).toMatchObject({
        suggestedTarget: '99',
        version: (accuracy?.version ?? 0) + 1,
      });
      expect(await byName('职工满意度')).toEqual(satisfaction);
      expect(await byName('会员保险覆盖人数')).toMatchObject({ active: true, version: 3 });
      // the same file again: nothing left to do
      expect((await upload(admin, 'apply', file)).json().counts).toEqual({ create: 0, update: 0, unchanged: 4 });
    });

    it('refuses what is not a readable, bounded .xlsx with a clear 4xx', async () => {
      const expectError = async (res: Awaited<ReturnType<typeof upload>>, status: number, code: string) => {
        expect(res.statusCode).toBe(status);
        expect(res.json().code).toBe(code);
        expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
      };
      const before = await snapshot();
      await expectError(await upload(admin, 'apply', 'id,name\n1,甲'), 400, 'LIBRARY_FILE_INVALID');
      await expectError(await upload(admin, 'preview', Buffer.alloc(0)), 400, 'LIBRARY_FILE_INVALID');
      const notASpreadsheet = new JSZip();
      notASpreadsheet.file('readme.txt', '不是工作簿');
      await expectError(
        await upload(admin, 'preview', await notASpreadsheet.generateAsync({ type: 'nodebuffer' })),
        400,
        'LIBRARY_FILE_INVALID',
      );
      await expectError(await upload(admin, 'preview', 'a,b', 'text/csv'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const json = await call(admin, 'POST', '/api/indicator-library/import?mode=preview', { rows: [] });
      await expectError(json, 415, 'LIBRARY_FILE_TYPE');
      // a workbook body anywhere else is refused as before
      const elsewhere = await as(
        app,
        admin,
      )({
        method: 'POST',
        url: '/api/indicator-library',
        payload: await xlsx([HEADER]),
        headers: { 'content-type': XLSX_CONTENT_TYPE },
      });
      await expectError(elsewhere, 415, 'UNSUPPORTED_MEDIA_TYPE');
      await expectError(await upload(admin, 'later', await xlsx([HEADER])), 400, 'VALIDATION_FAILED');

      await expectError(
        await upload(admin, 'preview', Buffer.alloc(2 * 1024 * 1024 + 1)),
        413,
        'LIBRARY_FILE_TOO_LARGE',
      );
      const rows: Cell[][] = [HEADER];
      for (let i = 1; i <= 2001; i++) rows.push(['产出指标', '数量指标', `指标${i}`, '', '=', '', '', '']);
      const long = await upload(admin, 'apply', await xlsx(rows));
      await expectError(long, 413, 'LIBRARY_FILE_TOO_LARGE');
      expect(long.json().message).toContain('2000');
      // a few KB that would inflate to 40 MB
      const bomb = new JSZip();
      bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x20));
      const bombFile = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(bombFile.length).toBeLessThan(200 * 1024);
      await expectError(await upload(admin, 'preview', bombFile), 413, 'LIBRARY_FILE_TOO_LARGE');
      await expectError(await upload(admin, 'apply', await xlsx([HEADER])), 400, 'LIBRARY_IMPORT_INVALID');
      expect(await snapshot()).toEqual(before);
    });

    it('holds at most 5000 entries a county: a create or an import past it is refused whole (409)', async () => {
      const tenantId = await db.owner(
        async (c) => (await c.query(`SELECT id FROM tenants WHERE region_code = '130111'`)).rows[0].id as string,
      );
      await db.owner((c) =>
        c.query(
          `INSERT INTO indicator_library (tenant_id, level1, level2, level3, nature)
           SELECT $1, '产出指标', '数量指标', '批量指标' || g, '>=' FROM generate_series(1, 4999 - (
             SELECT count(*) FROM indicator_library WHERE tenant_id = $1)) g`,
          [tenantId],
        ),
      );
      const entry = { level1: '产出指标', level2: '质量指标', level3: '第五千条', unit: '%', nature: '>=' };
      expect((await call(foreignAdmin, 'POST', '/api/indicator-library', entry)).statusCode).toBe(201);
      const full = await call(foreignAdmin, 'POST', '/api/indicator-library', { ...entry, level3: '第五千零一条' });
      expect(full.statusCode).toBe(409);
      expect(full.json().code).toBe('LIBRARY_FULL');
      const rows: Cell[][] = [HEADER, ['效益指标', '社会效益指标', '新指标', '%', '>=', '', '', '']];
      const imported = await upload(foreignAdmin, 'apply', await xlsx(rows));
      expect(imported.statusCode).toBe(409);
      expect(imported.json()).toMatchObject({ code: 'LIBRARY_FULL', details: { max: 5000, held: 5000, added: 1 } });
      const count = await db.owner(
        async (c) =>
          (await c.query(`SELECT count(*)::int AS n FROM indicator_library WHERE tenant_id = $1`, [tenantId])).rows[0]
            .n,
      );
      expect(count).toBe(5000);
    });
  });
});
