import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BUILTIN_TEMPLATES, defaultBuiltin, type TemplateDefinition } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, insertReport, loginAll, startSeededApi, type Session } from './support/harness';

const HEBEI = BUILTIN_TEMPLATES[0];
const EIGHT_PART = BUILTIN_TEMPLATES[1];

/** A county's own form: 产出 40 and 效益 40 instead of 50 and 30, one rule off, one parameter set. */
function countyDefinition(name: string): TemplateDefinition {
  const def = structuredClone(HEBEI.definition);
  def.name = name;
  def.framework.level1[0].weight = '40';
  def.framework.level1[1].weight = '40';
  def.rules = {
    'scoreTable.full-marks-need-evidence': { enabled: false },
    'scoreTable.low-execution-explained': { enabled: true, params: { threshold: '85' } },
  };
  return def;
}

/** Templates per county and year through the real API and PostgreSQL: copy, edit, publish, pin, preview. */
describe('report templates (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let admin: Session;
  let editor: Session;
  let reviewer: Session;
  let foreignAdmin: Session;

  const call = (
    s: Session,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    ifMatch?: number,
  ) => as(app, s)({ method, url, payload, headers: ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` } });
  const copy = (name: string, sourceVersionId = HEBEI.id) =>
    call(admin, 'POST', '/api/templates', { sourceVersionId, name });
  const etagOf = (res: { headers: Record<string, unknown> }) => Number(String(res.headers['etag']).replace(/"/g, ''));
  const saveDraft = async (id: string, definition: unknown) => {
    const current = await call(admin, 'GET', `/api/templates/${id}`);
    return call(admin, 'PUT', `/api/templates/${id}/draft`, { definition }, etagOf(current));
  };
  const publish = async (id: string, fiscalYear: number) => {
    const current = await call(admin, 'GET', `/api/templates/${id}`);
    return call(admin, 'POST', `/api/templates/${id}/publish`, { fiscalYear }, etagOf(current));
  };
  const createOverall = (fiscalYear: number) =>
    call(editor, 'POST', '/api/reports', { fiscalYear, kind: 'department_overall' });
  const checksOf = async (id: string) => (await call(editor, 'GET', `/api/reports/${id}/checks`)).json();
  const writeScoreTable = async (id: string) => {
    const part = (await call(editor, 'GET', `/api/reports/${id}/parts/scoreTable`)).json();
    const res = await call(
      editor,
      'PUT',
      `/api/reports/${id}/parts/scoreTable`,
      ZHAOXIAN_UNION_2024.scoreTable,
      part.version,
    );
    expect(res.statusCode).toBe(200);
  };

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [admin, editor, reviewer, foreignAdmin] = await loginAll(app, [
      'zhaoxian.admin',
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'luancheng.admin',
    ]);
  });

  afterAll(async () => {
    await close?.();
  });

  it('lists the built-ins to every county user, read-only', async () => {
    const res = await call(reviewer, 'GET', '/api/templates');
    expect(res.statusCode).toBe(200);
    const builtins = res.json().filter((t: { builtin: boolean }) => t.builtin);
    expect(builtins.map((t: { id: string }) => t.id)).toEqual(BUILTIN_TEMPLATES.map((b) => b.templateId));
    const edit = await call(
      admin,
      'PUT',
      `/api/templates/${HEBEI.templateId}/draft`,
      { definition: HEBEI.definition },
      0,
    );
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('TEMPLATE_BUILTIN_READONLY');
  });

  it('copies a built-in as the county’s template, whose draft is the built-in under the new name', async () => {
    const res = await copy('赵县部门整体模板（复制）');
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ builtin: false, kind: 'department_overall', basedOn: HEBEI.id, latestVersion: null });
    expect(view.draftDefinition).toEqual({ ...HEBEI.definition, name: '赵县部门整体模板（复制）' });
    expect(etagOf(res)).toBe(1);
    // the other county does not see it
    expect((await call(foreignAdmin, 'GET', `/api/templates/${view.id}`)).statusCode).toBe(404);
  });

  it('keeps at most 50 templates a county: the 51st copy is refused', async () => {
    await db.owner((c) =>
      c.query(
        `INSERT INTO report_templates (tenant_id, kind, name)
         SELECT t.id, 'department_overall', '栾城区模板 ' || g FROM tenants t, generate_series(1, 50) g
          WHERE t.region_code = '130111'`,
      ),
    );
    const res = await call(foreignAdmin, 'POST', '/api/templates', { sourceVersionId: HEBEI.id, name: '第五十一个' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'TEMPLATE_LIMIT_REACHED', details: { max: 50 } });
  });

  describe('bad templates are refused with the field named, and nothing is written', () => {
    let id: string;
    beforeAll(async () => {
      id = (await copy('校验用模板')).json().id;
    });

    const refused = async (definition: unknown) => {
      const res = await saveDraft(id, definition);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('TEMPLATE_INVALID');
      return res.json().details.problems as Array<{ path: string; message: string }>;
    };

    it('weights that do not total 100', async () => {
      const def = structuredClone(HEBEI.definition);
      def.framework.level1[0].weight = '55';
      expect(await refused(def)).toEqual([
        {
          path: 'framework.level1',
          message:
            '各一级指标与预算执行率的分值合计 105 分（预算执行率 10 + 产出指标 55 + 效益指标 30 + 满意度指标 10），应为 100 分',
        },
      ]);
    });

    it('a part referenced twice, an unknown rule, a parameter out of range, a JSON number for a weight', async () => {
      const def = structuredClone(HEBEI.definition) as TemplateDefinition;
      def.outline[3].sections.push('budget');
      def.rules = {
        'no.such-rule': { enabled: true },
        'scoreTable.low-execution-explained': { enabled: true, params: { threshold: '120' } },
      };
      const problems = await refused(def);
      expect(problems.map((p) => p.path)).toEqual([
        'outline.3.sections.1',
        'rules.no.such-rule',
        'rules.scoreTable.low-execution-explained.params.threshold',
      ]);
      expect(problems[0].message).toContain('重复引用');
      const numeric = structuredClone(HEBEI.definition) as unknown as { framework: { executionWeight: unknown } };
      numeric.framework.executionWeight = 10;
      expect((await refused(numeric)).map((p) => p.path)).toEqual(['framework.executionWeight']);
    });

    it('a stale If-Match is 412, and the draft is as it was', async () => {
      const current = await call(admin, 'GET', `/api/templates/${id}`);
      const stale = await call(
        admin,
        'PUT',
        `/api/templates/${id}/draft`,
        { definition: HEBEI.definition },
        etagOf(current) + 5,
      );
      expect(stale.statusCode).toBe(412);
      const after = await call(admin, 'GET', `/api/templates/${id}`);
      expect(after.json().draftDefinition).toEqual(current.json().draftDefinition);
      expect(etagOf(after)).toBe(etagOf(current));
    });

    it('another kind’s definition, or a template without a heading, is refused', async () => {
      const project = await saveDraft(id, { ...BUILTIN_TEMPLATES[2].definition });
      expect(project.json().code).toBe('TEMPLATE_KIND_MISMATCH');
      expect((await refused({ ...HEBEI.definition, outline: [] })).map((p) => p.path)).toEqual(['outline']);
    });
  });

  describe('publishing for a year: new reports follow it, existing reports keep their version', () => {
    let templateId: string;
    let report2025: string;
    let before: string;

    it('a report created before any publication pins the kind’s default built-in', async () => {
      const culture = await idOf(
        db,
        `INSERT INTO departments (tenant_id, name, kind)
         SELECT tenant_id, '赵县文化馆', 'budget_department' FROM departments WHERE name = '赵县总工会' RETURNING id`,
      );
      before = await insertReport(db, culture, 2025);
      const view = (await call(reviewer, 'GET', `/api/reports/${before}`)).json();
      expect(view.template).toMatchObject({ versionId: HEBEI.id, builtin: true, version: 1 });
      expect(view.template.definition).toEqual(HEBEI.definition);
    });

    it('publishes the county’s draft for 2025 as version 1; the 2025 report already created keeps the built-in', async () => {
      templateId = (await copy('赵县2025年度模板')).json().id;
      expect((await saveDraft(templateId, countyDefinition('赵县2025年度模板'))).statusCode).toBe(200);
      const res = await publish(templateId, 2025);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        version: { version: 1 },
        publication: { fiscalYear: 2025, kind: 'department_overall', templateId, version: 1 },
        existingReports: 1,
      });
      const detail = (await call(admin, 'GET', `/api/templates/${templateId}`)).json();
      expect(detail.draftDefinition).toBeNull();
      expect(detail.latestDefinition).toEqual(countyDefinition('赵县2025年度模板'));
      expect((await call(reviewer, 'GET', `/api/reports/${before}`)).json().template.versionId).toBe(HEBEI.id);
    });

    it('a report created after it follows version 1: its checks use the county’s framework and rule settings', async () => {
      const res = await createOverall(2025);
      expect(res.statusCode).toBe(201);
      report2025 = res.json().id;
      expect(res.json().template).toMatchObject({ templateId, version: 1, builtin: false, name: '赵县2025年度模板' });
      await writeScoreTable(report2025);
      const checks = await checksOf(report2025);
      const rule = (ruleId: string) => checks.results.find((r: { ruleId: string }) => r.ruleId === ruleId);
      // the sample's 产出 50 and 效益 30 against the county's 40 and 40
      expect(rule('framework.level1-weights')).toMatchObject({
        severity: 'error',
        passed: false,
        findings: [
          expect.objectContaining({
            path: 'scoreTable.indicators',
            message: '产出指标的分值合计 50 分，本年度指标体系规定为 40 分',
          }),
          expect.objectContaining({
            path: 'scoreTable.indicators',
            message: '效益指标的分值合计 30 分，本年度指标体系规定为 40 分',
          }),
        ],
      });
      expect(rule('scoreTable.full-marks-need-evidence')).toBeUndefined();
      expect(rule('scoreTable.low-execution-explained').title).toBe('执行率低于规定比例时说明原因');
    });

    it('editing the template makes version 2; reports created under version 1 never change', async () => {
      const v1Report = (await call(editor, 'GET', `/api/reports?fiscalYear=2025&kind=department_overall`)).json()
        .items[0];
      const def = countyDefinition('赵县2025年度模板');
      def.framework.level1[0].weight = '50';
      def.framework.level1[1].weight = '30';
      expect((await saveDraft(templateId, def)).statusCode).toBe(200);
      const res = await publish(templateId, 2026);
      expect(res.json()).toMatchObject({
        version: { version: 2 },
        publication: { fiscalYear: 2026 },
        existingReports: 0,
      });
      const again = (await call(editor, 'GET', `/api/reports/${v1Report.id}`)).json();
      expect(again.template).toMatchObject({ templateId, version: 1 });
      expect(again.template.definition).toEqual(countyDefinition('赵县2025年度模板'));
      const checks = await checksOf(v1Report.id);
      expect(checks.results.find((r: { ruleId: string }) => r.ruleId === 'framework.level1-weights').passed).toBe(
        false,
      );
      // a 2026 report follows version 2, whose weights the sample meets
      const created = await createOverall(2026);
      expect(created.json().template).toMatchObject({ templateId, version: 2 });
      await writeScoreTable(created.json().id);
      const checks2026 = await checksOf(created.json().id);
      expect(checks2026.results.find((r: { ruleId: string }) => r.ruleId === 'framework.level1-weights').passed).toBe(
        true,
      );
      const versions = (await call(admin, 'GET', `/api/templates/${templateId}`)).json().versions;
      expect(versions.map((v: { version: number; reports: number }) => [v.version, v.reports])).toEqual([
        [2, 1],
        [1, 1],
      ]);
      expect((await call(reviewer, 'GET', `/api/reports/${before}`)).json().template.versionId).toBe(HEBEI.id);
    });

    it('a published version cannot be changed, not even by the database owner', async () => {
      await expect(
        db.owner((c) =>
          c.query(`UPDATE report_template_versions SET definition = '{}'::jsonb WHERE template_id = $1`, [templateId]),
        ),
      ).rejects.toThrow(/never changed/);
      await expect(
        db.owner((c) => c.query(`DELETE FROM report_template_versions WHERE id = $1`, [HEBEI.id])),
      ).rejects.toThrow(/never changed/);
    });

    it('a built-in is published for a year as it is; the year’s new reports follow it', async () => {
      const res = await call(
        admin,
        'POST',
        `/api/templates/${EIGHT_PART.templateId}/publish`,
        {
          fiscalYear: 2027,
          versionId: EIGHT_PART.id,
        },
        0,
      );
      expect(res.statusCode).toBe(200);
      const pubs = (await call(reviewer, 'GET', '/api/templates/publications?fiscalYear=2027')).json();
      expect(pubs).toEqual([
        expect.objectContaining({ fiscalYear: 2027, kind: 'department_overall', versionId: EIGHT_PART.id }),
      ]);
      const created = await createOverall(2027);
      expect(created.json().template.versionId).toBe(EIGHT_PART.id);
      // the new draft's title and 附件 label follow the template's pattern
      const header = (await call(editor, 'GET', `/api/reports/${created.json().id}/parts/header`)).json().content;
      expect(header).toMatchObject({ attachmentLabel: '附件2', title: '赵县总工会2027年度部门整体支出绩效自评报告' });
      // a publication is the county's own: the other county's 2027 reports follow the default
      expect((await call(foreignAdmin, 'GET', '/api/templates/publications?fiscalYear=2027')).json()).toEqual([]);
    });

    it('publishing without a draft is refused; a project report keeps following the national table', async () => {
      const res = await publish(templateId, 2025);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('TEMPLATE_NO_DRAFT');
      const project = await call(editor, 'POST', '/api/reports', {
        fiscalYear: 2025,
        kind: 'project',
        project: { code: '13013325T000000000001', name: '职工书屋' },
      });
      expect(project.json().template.versionId).toBe(defaultBuiltin('project').id);
    });
  });

  it('renders a preview of the sample under an unpublished definition; an invalid one is 400', async () => {
    const def = structuredClone(EIGHT_PART.definition);
    const res = await call(editor, 'POST', '/api/templates/preview', { definition: def });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    def.framework.executionWeight = '30';
    const bad = await call(editor, 'POST', '/api/templates/preview', { definition: def });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.problems[0].path).toBe('framework.level1');
  });
});
