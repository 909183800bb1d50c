import { CopyTable } from './copy-text';
import { countyName, departmentName, PROJECT_NAMES } from './scale-names';

/** A report of the demo whose content every generated report of its kind copies (names and year replaced). */
export interface ContentTemplate {
  kind: 'department_overall' | 'project';
  schemaVersion: number;
  templateVersionId: string;
  fiscalYear: number;
  departmentName: string;
  /** part name → content as JSON text */
  parts: Array<[string, string]>;
  /** the frozen revision's content, as JSON text */
  revision: string;
}

export interface ScaleShape {
  departments: number;
  projectsPerDepartment: number;
  /** oldest first; the last is the year still under way (every status), the earlier ones mostly approved */
  fiscalYears: number[];
}

/** The tables a county is copied into, in the order their foreign keys need. */
export function scaleTables() {
  return {
    tenants: new CopyTable('tenants', ['id', 'name', 'region_code', 'city', 'province']),
    settings: new CopyTable('tenant_settings', ['tenant_id', 'grade_bands']),
    deadlines: new CopyTable('report_deadlines', ['tenant_id', 'fiscal_year', 'due_on']),
    departments: new CopyTable('departments', ['id', 'tenant_id', 'name', 'kind', 'budget_code']),
    users: new CopyTable('users', ['id', 'tenant_id', 'department_id', 'username', 'display_name', 'password_hash']),
    roles: new CopyTable('user_roles', ['user_id', 'role', 'tenant_id']),
    reports: new CopyTable('reports', [
      'id',
      'tenant_id',
      'department_id',
      'fiscal_year',
      'kind',
      'status',
      'schema_version',
      'version',
      'total_score',
      'grade',
      'execution_rate',
      'created_by',
      'created_at',
      'updated_by',
      'updated_at',
      'project_code',
      'project_name',
      'template_version_id',
    ]),
    parts: new CopyTable('report_parts', ['report_id', 'tenant_id', 'part', 'content', 'updated_by', 'updated_at']),
    revisions: new CopyTable('report_revisions', [
      'id',
      'tenant_id',
      'report_id',
      'number',
      'schema_version',
      'content',
      'report_version',
      'created_by',
      'created_at',
    ]),
    transitions: new CopyTable('report_transitions', [
      'tenant_id',
      'report_id',
      'action',
      'from_status',
      'to_status',
      'reason',
      'revision_id',
      'actor_user_id',
      'actor_name',
      'occurred_at',
    ]),
    audit: new CopyTable('audit_log', [
      'tenant_id',
      'occurred_at',
      'actor_user_id',
      'actor_username',
      'action',
      'target_type',
      'target_id',
      'details',
    ]),
  };
}
export type ScaleTables = ReturnType<typeof scaleTables>;

type Status = 'draft' | 'submitted' | 'in_review' | 'returned' | 'approved';

/** A deterministic spread in [0, 1) from integers, so a county always comes out the same. */
function spread(...n: number[]): number {
  let h = 2166136261;
  for (const v of n) h = Math.imul(h ^ (v + 0x9e3779b9), 16777619) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

/** The year under way in every state; earlier years as a finished year looks: approved, a few left behind. */
function statusOf(current: boolean, r: number): Status {
  if (!current) return r < 0.94 ? 'approved' : r < 0.97 ? 'returned' : 'in_review';
  return r < 0.3 ? 'draft' : r < 0.5 ? 'submitted' : r < 0.65 ? 'in_review' : r < 0.75 ? 'returned' : 'approved';
}

const GRADES: Array<[number, string]> = [
  [90, 'excellent'],
  [80, 'good'],
  [60, 'fair'],
  [0, 'poor'],
];
const gradeOf = (score: number) => GRADES.find(([min]) => score >= min)?.[1] ?? 'poor';

const at = (year: number, dayOfSpring: number, hour: number) =>
  new Date(Date.UTC(year + 1, 2, 1, hour - 8) + dayOfSpring * 86_400_000).toISOString();

interface Person {
  id: string;
  username: string;
  name: string;
}

/**
 * One county's rows: its settings and deadlines, a finance bureau (administrator, reviewer, approver) and
 * `departments` budget departments with an editor each, and per department and year one 部门整体 report and
 * `projectsPerDepartment` 项目支出 tables — content copied from the templates, each submission frozen as a
 * revision, each transition in the history and the audit trail (whose hash chain the database's trigger keeps).
 */
export function generateCounty(
  t: ScaleTables,
  index: number,
  shape: ScaleShape,
  templates: { overall: ContentTemplate; project: ContentTemplate },
  gradeBands: string,
  passwordHash: string,
  newId: () => string,
): void {
  const tenantId = newId();
  const { name, city, province } = countyName(index);
  const regionCode = String(900000 + index).padStart(6, '0');
  const prefix = `s${String(index).padStart(5, '0')}`;
  t.tenants.add([tenantId, name, regionCode, city, province]);
  t.settings.add([tenantId, gradeBands]);
  for (const year of shape.fiscalYears) t.deadlines.add([tenantId, year, `${year + 1}-05-31`]);

  const financeId = newId();
  t.departments.add([financeId, tenantId, `${name}财政局`, 'finance_bureau', null]);
  const person = (role: string, label: string, departmentId: string | null): Person => {
    const p = { id: newId(), username: `${prefix}.${role}`, name: `${name}${label}` };
    t.users.add([p.id, tenantId, departmentId, p.username, p.name, passwordHash]);
    return p;
  };
  const admin = person('admin', '管理员', null);
  t.roles.add([admin.id, 'tenant_admin', tenantId]);
  const reviewer = person('reviewer', '财政局审核人', financeId);
  t.roles.add([reviewer.id, 'finance_reviewer', tenantId]);
  const approver = person('approver', '财政局审批人', financeId);
  t.roles.add([approver.id, 'finance_approver', tenantId]);

  for (let d = 0; d < shape.departments; d++) {
    const departmentId = newId();
    const deptName = `${name.slice(0, -1)}${departmentName(d)}`;
    t.departments.add([
      departmentId,
      tenantId,
      deptName,
      'budget_department',
      `${regionCode}${String(d + 1).padStart(3, '0')}`,
    ]);
    const editor = person(`d${String(d + 1).padStart(3, '0')}.editor`, `${departmentName(d)}填报人`, departmentId);
    t.roles.add([editor.id, 'dept_editor', tenantId]);
    const people = { editor, reviewer, approver };
    shape.fiscalYears.forEach((year, y) => {
      const current = y === shape.fiscalYears.length - 1;
      for (let k = 0; k <= shape.projectsPerDepartment; k++) {
        const template = k === 0 ? templates.overall : templates.project;
        const project =
          k === 0
            ? null
            : {
                code: `${regionCode}${String(year).slice(2)}T${String(d * 10 + k).padStart(12, '0')}`,
                name: `${year}年${PROJECT_NAMES[(d + k) % PROJECT_NAMES.length]}`,
              };
        addReport(
          t,
          { tenantId, departmentId, deptName, year, current, seed: [index, d, y, k], project },
          template,
          people,
          newId,
        );
      }
    });
  }
}

function addReport(
  t: ScaleTables,
  r: {
    tenantId: string;
    departmentId: string;
    deptName: string;
    year: number;
    current: boolean;
    seed: number[];
    project: { code: string; name: string } | null;
  },
  template: ContentTemplate,
  people: { editor: Person; reviewer: Person; approver: Person },
  newId: () => string,
): void {
  const reportId = newId();
  const status = statusOf(r.current, spread(...r.seed));
  const score = Math.round((62 + spread(...r.seed, 1) * 37.75) * 4) / 4;
  const scored = status !== 'draft' || spread(...r.seed, 2) < 0.6;
  const rate = (70 + Math.round(spread(...r.seed, 3) * 610) / 20).toFixed(2);
  const resubmitted = status === 'approved' && spread(...r.seed, 4) < 0.1;
  const day = Math.floor(spread(...r.seed, 5) * 60);
  const { editor, reviewer, approver } = people;
  const fill = (json: string) =>
    json.split(template.departmentName).join(r.deptName).split(`${template.fiscalYear}年`).join(`${r.year}年`);
  const edits = 3 + Math.floor(spread(...r.seed, 6) * 20);
  t.reports.add([
    reportId,
    r.tenantId,
    r.departmentId,
    r.year,
    template.kind,
    status,
    template.schemaVersion,
    edits,
    scored ? score.toFixed(2) : null,
    scored ? gradeOf(score) : null,
    rate,
    editor.id,
    at(r.year, day - 20, 9),
    editor.id,
    at(r.year, day, 10),
    r.project?.code ?? null,
    r.project?.name ?? null,
    template.templateVersionId,
  ]);
  for (const [part, content] of template.parts) {
    t.parts.add([reportId, r.tenantId, part, fill(content), editor.id, at(r.year, day, 10)]);
  }
  if (status === 'draft') return;

  let revision = 0;
  let hour = 11;
  const step = (action: string, from: Status, to: Status, actor: Person, reason: string | null = null) => {
    let revisionId: string | null = null;
    if (action === 'submit') {
      revisionId = newId();
      revision++;
      t.revisions.add([
        revisionId,
        r.tenantId,
        reportId,
        revision,
        template.schemaVersion,
        fill(template.revision),
        edits,
        editor.id,
        at(r.year, day, hour),
      ]);
    }
    const when = at(r.year, day + hour - 11, hour);
    t.transitions.add([r.tenantId, reportId, action, from, to, reason, revisionId, actor.id, actor.name, when]);
    const details = JSON.stringify({ from, to, reason, revision: revisionId ? revision : null, openComments: [] });
    t.audit.add([r.tenantId, when, actor.id, actor.username, `report.${action}`, 'report', reportId, details]);
    hour++;
  };
  const RETURN_REASON = '绩效指标佐证材料不全，请补充后重新提交';
  step('submit', 'draft', 'submitted', editor);
  if (status === 'submitted') return;
  step('start_review', 'submitted', 'in_review', reviewer);
  if (resubmitted) {
    step('return', 'in_review', 'returned', reviewer, RETURN_REASON);
    step('submit', 'returned', 'submitted', editor);
    step('start_review', 'submitted', 'in_review', reviewer);
  }
  if (status === 'returned') step('return', 'in_review', 'returned', reviewer, RETURN_REASON);
  else if (status === 'approved') step('approve', 'in_review', 'approved', approver);
}
