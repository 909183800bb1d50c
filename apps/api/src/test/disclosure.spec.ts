import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { disclosureDay, disclosureNotice } from '@evalflow/domain';
import {
  claimDocument,
  completeDocument,
  dataSourceOptions,
  documentContent,
  enterTenant,
  loadPinnedTemplate,
} from '@evalflow/persistence';
import { renderPdf } from '@evalflow/rendering';
import { LocalDirectoryStorage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { as, idOf, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

const ZHAOXIAN = '130133';
const LUANCHENG = '130111';
const COMMENT_TEXT = '内部意见：请核实第三季度慰问金发放台账';
const CONTACT = { name: '张晓明', phone: '0311-84912345', mobile: '13831112222', mail: 'zhangxm@zxgh.gov.cn' };

/**
 * 随决算公开 through the real API and PostgreSQL: publishing, the register, withdrawal and reopening; and
 * the public routes, which answer only publications that stand — everything else of the fixture is 404.
 */
describe('public disclosure (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let storageDir: string;
  let editor: Session;
  let reviewer: Session;
  let approver: Session;
  let foreign: Session;
  /** 赵县总工会 2024 (published) and 2023 (approved, published then withdrawn) */
  let report2024: string;
  let report2023: string;
  let published: { id: string; documentId: string };
  let withdrawn: string;
  let foreignPublication: string;

  const call = (s: Session | null, method: string, path: string, payload?: object, headers?: Record<string, string>) =>
    as(app, s)({ method: method as 'GET', url: `/api${path}`, payload, headers });
  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const act = async (s: Session, id: string, action: string, reason?: string) =>
    call(s, 'POST', `/reports/${id}/transitions`, {
      action,
      expectedVersion: (await call(s, 'GET', `/reports/${id}`)).json().version,
      ...(reason ? { reason } : {}),
    });
  const pub = (path: string) => call(null, 'GET', `/public/counties${path}`);
  const pdfText = (pdf: Buffer) => {
    const file = join(storageDir, `${randomUUID()}.pdf`);
    return writeFile(file, pdf).then(() =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    );
  };

  /** What the worker does with a queued document (claim, lay out by the pinned template, store, complete). */
  async function renderAsWorker(documentId: string) {
    const ds = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'render-fixture' }));
    await ds.initialize();
    try {
      const [{ tenant_id: tenantId }] = await owner(`SELECT tenant_id FROM documents WHERE id = $1`, [documentId]);
      const source = await ds.transaction(async (em) => claimDocument(await enterTenant(em, tenantId), documentId));
      if (!source || source.done) throw new Error('nothing to render');
      const template = await ds.transaction(async (em) =>
        loadPinnedTemplate(await enterTenant(em, tenantId), source.templateVersionId),
      );
      const pdf = await renderPdf({
        content: documentContent(source),
        template: template.definition,
        fiscalYear: source.fiscalYear,
        departmentName: source.departmentName,
        gradeBands: template.definition.gradeBands ?? source.gradeBands,
        watermark: source.watermark,
        approval: source.approval,
        notice: source.pageNotice,
      });
      const key = `tenants/${tenantId}/reports/${source.reportId}/${documentId}.pdf`;
      await new LocalDirectoryStorage(storageDir).put(key, pdf);
      await ds.transaction(async (em) =>
        completeDocument(await enterTenant(em, tenantId), {
          documentId,
          storageKey: key,
          sha256: 'b'.repeat(64),
          sizeBytes: pdf.length,
        }),
      );
    } finally {
      await ds.destroy();
    }
  }

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-disclosure-'));
    ({ db, app, close } = await startSeededApi({ STORAGE_DIR: storageDir, RATE_LIMIT_PUBLIC_PER_MINUTE: '400' }));
    [editor, reviewer, approver, foreign] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'luancheng.finance.approver',
    ]);
    report2024 = await unionReport2024(db);
    report2023 = await idOf(
      db,
      `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE d.name = '赵县总工会' AND r.fiscal_year = 2023 AND r.kind = 'department_overall'`,
    );
    // contact data in the prose, an internal comment, then submitted and approved
    const part = (await call(editor, 'GET', `/reports/${report2024}/parts/selfEvaluation`)).json();
    const organization = `${part.content.organization}联系人：${CONTACT.name}，联系电话：${CONTACT.phone}，手机 ${CONTACT.mobile}，邮箱 ${CONTACT.mail}。`;
    const saved = await call(
      editor,
      'PUT',
      `/reports/${report2024}/parts/selfEvaluation`,
      { ...part.content, organization },
      { 'if-match': `"${part.version}"` },
    );
    expect(saved.statusCode).toBe(200);
    expect((await act(editor, report2024, 'submit')).statusCode).toBe(200);
    const comment = await call(reviewer, 'POST', `/reports/${report2024}/comments`, {
      part: 'budget',
      body: COMMENT_TEXT,
    });
    expect(comment.statusCode).toBe(201);
    expect((await act(approver, report2024, 'approve')).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('only the finance approver publishes, only an approved report; another county’s report is not found', async () => {
    const drafts = await idOf(
      db,
      `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE d.name = '赵县总工会' AND r.kind = 'project' AND r.status = 'draft' LIMIT 1`,
    );
    expect((await call(approver, 'POST', `/reports/${drafts}/publication`)).json()).toMatchObject({
      code: 'PUBLICATION_REPORT_NOT_APPROVED',
    });
    expect((await call(reviewer, 'POST', `/reports/${report2024}/publication`)).statusCode).toBe(403);
    expect((await call(editor, 'POST', `/reports/${report2024}/publication`)).statusCode).toBe(403);
    expect((await call(foreign, 'POST', `/reports/${report2024}/publication`)).json()).toMatchObject({
      code: 'REPORT_NOT_FOUND',
    });
  });

  it('publishes once: a second publish answers the same publication, one public document, one render job', async () => {
    const first = await call(approver, 'POST', `/reports/${report2024}/publication`);
    expect(first.statusCode).toBe(201);
    const day = disclosureDay(new Date());
    expect(first.json()).toMatchObject({
      reportId: report2024,
      revision: 1,
      publishedOn: day,
      publishedByName: approver.me.user.displayName,
      withdrawnAt: null,
      reportName: '赵县总工会2024年度整体支出绩效自评报告',
    });
    const again = await call(approver, 'POST', `/reports/${report2024}/publication`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    published = { id: first.json().id, documentId: first.json().documentId };
    const docs = await owner(`SELECT edition, watermark, page_notice, revision_id FROM documents WHERE id = $1`, [
      published.documentId,
    ]);
    expect(docs).toEqual([
      {
        edition: `r1-public-${day.replace(/-/g, '')}`,
        watermark: '公开版',
        page_notice: disclosureNotice(day),
        revision_id: null,
      },
    ]);
    const jobs = await owner(`SELECT job_id FROM outbox WHERE job_id LIKE $1`, [`render.${report2024}.r1-public-%`]);
    expect(jobs).toEqual([{ job_id: `render.${report2024}.r1-public-${day.replace(/-/g, '')}.pdf.t2` }]);
    // the stored snapshot is already the public version: nothing internal is in the row
    const [{ snapshot }] = await owner(`SELECT content_snapshot::text AS snapshot FROM documents WHERE id = $1`, [
      published.documentId,
    ]);
    for (const secret of [CONTACT.name, CONTACT.phone, CONTACT.mobile, CONTACT.mail, '杜力伟']) {
      expect(snapshot).not.toContain(secret);
    }
    const audit = await owner(`SELECT action, details FROM audit_log WHERE action = 'publication.publish'`);
    expect(audit).toEqual([
      { action: 'publication.publish', details: expect.objectContaining({ publicationId: published.id }) },
    ]);
  });

  it('publishing again while its public PDF has failed renders it anew under the next job id', async () => {
    await owner(`UPDATE documents SET status = 'failed', error = '生成失败：测试' WHERE id = $1`, [
      published.documentId,
    ]);
    const again = await call(approver, 'POST', `/reports/${report2024}/publication`);
    expect(again.json()).toMatchObject({
      id: published.id,
      documentId: published.documentId,
      documentStatus: 'queued',
    });
    const jobs = await owner(`SELECT job_id FROM outbox WHERE job_id LIKE $1 ORDER BY id`, [
      `render.${report2024}.r1-public-%`,
    ]);
    expect(jobs.map((j: { job_id: string }) => j.job_id.replace(/public-\d+/, 'public-D'))).toEqual([
      `render.${report2024}.r1-public-D.pdf.t2`,
      `render.${report2024}.r1-public-D.pdf.t2.g1`,
    ]);
  });

  it('lists nothing while the public PDF is being rendered, then the publication', async () => {
    expect((await pub(`/${ZHAOXIAN}/publications`)).json().publications).toEqual([]);
    await renderAsWorker(published.documentId);
    const list = await pub(`/${ZHAOXIAN}/publications`);
    expect(list.statusCode).toBe(200);
    // browsers ask again on every visit (a reload after a withdrawal must not list it); shared caches keep a minute
    expect(list.headers['cache-control']).toBe('public, max-age=0, s-maxage=60');
    expect(list.json()).toEqual({
      code: ZHAOXIAN,
      name: '赵县',
      publications: [
        {
          id: published.id,
          departmentName: '赵县总工会',
          fiscalYear: 2024,
          kind: 'department_overall',
          reportName: '赵县总工会2024年度整体支出绩效自评报告',
          publishedOn: disclosureDay(new Date()),
          sizeBytes: expect.any(Number),
          pdfUrl: `/api/public/counties/${ZHAOXIAN}/publications/${published.id}/pdf`,
        },
      ],
    });
  }, 120_000);

  it('serves the public PDF without a session: watermark and date on it, no comment, no contact data, no names', async () => {
    const res = await pub(`/${ZHAOXIAN}/publications/${published.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="evalflow-public-${published.id}.pdf"; filename*=UTF-8''${encodeURIComponent(
        '赵县总工会2024年度整体支出绩效自评报告（公开版）.pdf',
      )}`,
    );
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain(disclosureNotice(disclosureDay(new Date())).replace(/\s+/g, ''));
    expect(text).toContain('联系人：（已隐去）');
    for (const secret of [
      COMMENT_TEXT,
      CONTACT.name,
      CONTACT.phone,
      CONTACT.mobile,
      CONTACT.mail,
      '杜力伟',
      '孟荣敏',
    ]) {
      expect(text).not.toContain(secret.replace(/\s+/g, ''));
    }
    expect(text).not.toContain(approver.me.user.displayName);
  });

  it('withdrawal needs a reason, takes the publication off the public page at once, and is audited', async () => {
    const second = await call(approver, 'POST', `/reports/${report2023}/publication`);
    expect(second.statusCode).toBe(201);
    withdrawn = second.json().id;
    await renderAsWorker(second.json().documentId);
    expect((await pub(`/${ZHAOXIAN}/publications`)).json().publications).toHaveLength(2);
    expect((await pub(`/${ZHAOXIAN}/publications/${withdrawn}/pdf`)).statusCode).toBe(200);

    expect((await call(approver, 'POST', `/publications/${withdrawn}/withdrawal`, { reason: '  ' })).json().code).toBe(
      'PUBLICATION_REASON_REQUIRED',
    );
    expect((await call(reviewer, 'POST', `/publications/${withdrawn}/withdrawal`, { reason: '错误' })).statusCode).toBe(
      403,
    );
    const done = await call(approver, 'POST', `/publications/${withdrawn}/withdrawal`, {
      reason: '数据有误，更正后重新公开',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      withdrawalReason: '数据有误，更正后重新公开',
      withdrawnByName: approver.me.user.displayName,
    });
    expect(
      (await call(approver, 'POST', `/publications/${withdrawn}/withdrawal`, { reason: '再次' })).json().code,
    ).toBe('PUBLICATION_ALREADY_WITHDRAWN');
    expect((await pub(`/${ZHAOXIAN}/publications/${withdrawn}/pdf`)).json().code).toBe('PUBLIC_DOCUMENT_NOT_FOUND');
    const register = (await call(reviewer, 'GET', '/publications?includeWithdrawn=true')).json();
    expect(register.map((p: { id: string }) => p.id).sort()).toEqual([published.id, withdrawn].sort());
    expect((await call(reviewer, 'GET', '/publications')).json().map((p: { id: string }) => p.id)).toEqual([
      published.id,
    ]);
    expect((await call(editor, 'GET', '/publications')).statusCode).toBe(403);
    const audit = await owner(`SELECT details FROM audit_log WHERE action = 'publication.withdraw'`);
    expect(audit).toEqual([
      { details: expect.objectContaining({ publicationId: withdrawn, reason: '数据有误，更正后重新公开' }) },
    ]);
  }, 120_000);

  it('nothing unpublished or internal is reachable from the public routes', async () => {
    // another county's publication, made as the owner: public in 栾城区, not in 赵县
    const [lc] = await owner(
      `SELECT r.tenant_id, r.id AS report_id, v.id AS revision_id, u.id AS user_id
         FROM reports r JOIN report_revisions v ON v.report_id = r.id
         JOIN users u ON u.tenant_id = r.tenant_id AND u.username = 'luancheng.finance.approver'
        WHERE r.tenant_id = (SELECT id FROM tenants WHERE region_code = $1) LIMIT 1`,
      [LUANCHENG],
    );
    const key = `tenants/${lc.tenant_id}/public-fixture.pdf`;
    await new LocalDirectoryStorage(storageDir).put(key, Buffer.from('%PDF-1.7\n% 栾城区\n'));
    const [doc] = await owner(
      `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark,
                              status, storage_key, sha256, size_bytes)
       VALUES ($1, $2, 'r1-public-20250801', '{}'::jsonb, 'pdf', 2, '公开版', 'done', $3, repeat('c', 64), 17)
       RETURNING id`,
      [lc.tenant_id, lc.report_id, key],
    );
    [{ id: foreignPublication }] = await owner(
      `INSERT INTO publications (tenant_id, report_id, revision_id, revision, document_id, published_on, published_by,
                                 published_by_name)
       VALUES ($1, $2, $3, 1, $4, '2025-08-01', $5, '栾城区财政局领导') RETURNING id`,
      [lc.tenant_id, lc.report_id, lc.revision_id, doc.id, lc.user_id],
    );
    expect((await pub(`/${LUANCHENG}/publications/${foreignPublication}/pdf`)).statusCode).toBe(200);

    const every = async (sql: string) => (await owner(sql)).map((r: { id: string }) => r.id);
    const candidates = [
      ...(await every(`SELECT id FROM reports`)),
      ...(await every(`SELECT id FROM report_revisions`)),
      // every document, internal ones of the published report included, and the public ones by document id
      ...(await every(`SELECT id FROM documents`)),
      ...(await every(`SELECT id FROM comment_threads`)),
      withdrawn,
      foreignPublication,
      randomUUID(),
      randomUUID().toUpperCase(),
    ];
    // the internal documents of the published report (送审稿, the approved edition) are among them
    const internal = await owner(
      `SELECT id FROM documents WHERE report_id = $1 AND watermark IS DISTINCT FROM '公开版'`,
      [report2024],
    );
    expect(internal.length).toBeGreaterThanOrEqual(4);
    expect(candidates).toEqual(expect.arrayContaining(internal.map((d: { id: string }) => d.id)));
    expect(candidates.length).toBeGreaterThan(20);
    for (const id of candidates) {
      const res = await pub(`/${ZHAOXIAN}/publications/${id}/pdf`);
      if (id === published.id) continue;
      expect([id, res.statusCode, res.json().code]).toEqual([id, 404, 'PUBLIC_DOCUMENT_NOT_FOUND']);
    }
    const tricks = [
      `/${ZHAOXIAN}/publications/..%2F..%2Freports/pdf`,
      `/${ZHAOXIAN}/publications/${published.id}%2F..%2F${withdrawn}/pdf`,
      `/${ZHAOXIAN}/publications/${published.id}'%20OR%20'1'='1/pdf`,
      `/${ZHAOXIAN}/publications/%00/pdf`,
      `/${ZHAOXIAN}/publications/${published.documentId}/pdf`,
      `/13013/publications/${published.id}/pdf`,
      `/130133%20/publications/${published.id}/pdf`,
      `/${LUANCHENG}/publications/${published.id}/pdf`,
      `/999999/publications/${published.id}/pdf`,
      `/zhaoxian/publications`,
      `/..%2F${ZHAOXIAN}/publications`,
    ];
    for (const path of tricks) {
      const res = await pub(path);
      expect([path, res.statusCode]).toEqual([path, 404]);
      expect(['PUBLIC_DOCUMENT_NOT_FOUND', 'PUBLIC_COUNTY_NOT_FOUND', 'ROUTE_NOT_FOUND']).toContain(res.json().code);
    }
    // the listing: exactly what stands in the county
    expect((await pub(`/${ZHAOXIAN}/publications`)).json().publications.map((p: { id: string }) => p.id)).toEqual([
      published.id,
    ]);
    expect((await pub(`/${LUANCHENG}/publications`)).json().publications.map((p: { id: string }) => p.id)).toEqual([
      foreignPublication,
    ]);
    // a suspended county has no public page
    await owner(`UPDATE tenants SET status = 'suspended' WHERE region_code = $1`, [LUANCHENG]);
    expect((await pub(`/${LUANCHENG}/publications`)).json().code).toBe('PUBLIC_COUNTY_NOT_FOUND');
    await owner(`UPDATE tenants SET status = 'active' WHERE region_code = $1`, [LUANCHENG]);
  }, 120_000);

  it('the public page is rate-limited per address, signed in or not (429 with Retry-After)', async () => {
    const from = (remoteAddress: string, s: Session | null = null) =>
      as(app, s)({ method: 'GET', url: `/api/public/counties/${ZHAOXIAN}/publications`, remoteAddress });
    for (let i = 0; i < 400; i++) expect((await from('198.51.100.7')).statusCode).toBe(200);
    const refused = await from('198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', details: { limitPerMinute: 400 } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // a session does not buy a bucket of its own; another address has its own
    expect((await from('198.51.100.7', reviewer)).statusCode).toBe(429);
    expect((await from('198.51.100.8')).statusCode).toBe(200);
  }, 60_000);

  it('reopening a published report withdraws its publication at once (audited as automatic)', async () => {
    expect((await act(approver, report2024, 'reopen', '发现数据错误，需要修改')).statusCode).toBe(200);
    expect((await pub(`/${ZHAOXIAN}/publications`)).json().publications).toEqual([]);
    expect((await pub(`/${ZHAOXIAN}/publications/${published.id}/pdf`)).statusCode).toBe(404);
    const [row] = await owner(`SELECT withdrawal_reason FROM publications WHERE id = $1`, [published.id]);
    expect(row.withdrawal_reason).toBe('报告已重新打开，自动撤销公开');
    const audit = await owner(
      `SELECT details FROM audit_log WHERE action = 'publication.withdraw' AND details->>'publicationId' = $1`,
      [published.id],
    );
    expect(audit).toEqual([{ details: expect.objectContaining({ automatic: true }) }]);
  });
});
