// The county of bench/peak.mjs, made through the real API: its administrator, finance bureau and reviewers,
// budget departments each with an editor and a 部门整体 report of the year filled in from the demo's complete
// sample (the 赵县总工会 2024 report, its name swapped), and a deadline today.
import { call, firstSignIn } from './lib.mjs';

/** Today in China Standard Time, YYYY-MM-DD (deadlines are China dates). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** Last year's reports, due today (a year's deadline lies in that year or the next). */
export const YEAR = Number(chinaToday().slice(0, 4)) - 1;
export const PASSWORD = 'Bench#Peak2025';
const PLATFORM = { username: 'platform.admin', password: 'evalflow-demo' };
const SAMPLE_EDITOR = { username: 'zhaoxian.union.editor', password: 'evalflow-demo' };
const SAMPLE_NAME = '赵县总工会';

/** Runs `work` over `items`, at most `limit` at a time (argon2 hashing makes user setup CPU-bound). */
export async function inPool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** The demo's complete 部门整体 report of 2024, part by part: what every department's draft is filled with. */
async function sampleParts(base) {
  const token = (await call(base, 'POST', '/api/auth/login', null, SAMPLE_EDITOR)).accessToken;
  const page = await call(base, 'GET', `/api/reports?fiscalYear=2024&kind=department_overall`, token);
  const report = await call(base, 'GET', `/api/reports/${page.items[0].id}`, token);
  return Object.fromEntries(Object.entries(report.parts).map(([part, view]) => [part, view.content]));
}

/**
 * The county and its people. `departments` budget departments (each an editor and a filled draft), `reviewers`
 * finance reviewers. Answers the sessions and reports; every report is checked to have no blocking error.
 */
export async function createCounty(base, { departments, reviewers }) {
  const sample = await sampleParts(base);
  const platform = (await call(base, 'POST', '/api/auth/login', null, PLATFORM)).accessToken;
  const county = { name: '峰值县', regionCode: '139998', city: '基准市', province: '河北省' };
  const tenant = await call(base, 'POST', '/api/tenants', platform, county);
  const admin = { username: 'peak.admin', password: PASSWORD };
  await call(base, 'POST', `/api/tenants/${tenant.id}/admins`, platform, { ...admin, displayName: '峰值县管理员' });
  const adminToken = await firstSignIn(base, admin);
  const dueOn = chinaToday();
  await setDeadline(base, adminToken, dueOn);
  const finance = await call(base, 'POST', '/api/departments', adminToken, {
    name: '峰值县财政局',
    kind: 'finance_bureau',
  });
  const reviewerSessions = await inPool([...Array(reviewers).keys()], 2, async (i) => {
    const user = { username: `peak.reviewer${i + 1}`, password: PASSWORD };
    await call(base, 'POST', '/api/users', adminToken, {
      ...user,
      displayName: `峰值县审核人${i + 1}`,
      departmentId: finance.id,
      roles: ['finance_reviewer'],
    });
    const token = await firstSignIn(base, user);
    return { ...user, token };
  });
  const editors = await inPool([...Array(departments).keys()], 2, async (i) => {
    const name = `峰值县第${String(i + 1).padStart(3, '0')}局`;
    const department = await call(base, 'POST', '/api/departments', adminToken, { name, kind: 'budget_department' });
    const user = { username: `peak.editor${i + 1}`, password: PASSWORD };
    await call(base, 'POST', '/api/users', adminToken, {
      ...user,
      displayName: `${name}编制人`,
      departmentId: department.id,
      roles: ['dept_editor'],
    });
    const token = await firstSignIn(base, user);
    return { name, token, ...(await fillReport(base, token, name, sample)) };
  });
  const checks = await call(base, 'GET', `/api/reports/${editors[0].reportId}/checks`, editors[0].token);
  const failing = checks.results.filter((r) => r.severity === 'error' && !r.passed).map((r) => r.ruleId);
  if (failing.length) throw new Error(`the filled report would not be submittable: ${failing.join(', ')}`);
  return { tenantId: tenant.id, dueOn, editors, reviewers: reviewerSessions };
}

async function setDeadline(base, token, dueOn) {
  const response = await fetch(`${base}/api/settings/deadlines/${YEAR}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '"0"' },
    // today's deadline (the run's reports are all due now) is one the API asks to confirm
    body: JSON.stringify({ dueOn, confirmed: true }),
  });
  if (!response.ok) throw new Error(`PUT deadline answered ${response.status}: ${await response.text()}`);
}

/** A new draft of the year, every part written from the sample as this department would have written it. */
async function fillReport(base, token, name, sample) {
  const report = await call(base, 'POST', '/api/reports', token, { fiscalYear: YEAR });
  const versions = {};
  let reportVersion = report.version;
  for (const [part, sampleContent] of Object.entries(sample)) {
    const content = JSON.parse(JSON.stringify(sampleContent).replaceAll(SAMPLE_NAME, name));
    const written = await put(base, token, report.id, part, report.parts[part].version, content);
    versions[part] = written.version;
    reportVersion = written.reportVersion;
  }
  return { reportId: report.id, versions, reportVersion, problems: sample.problems };
}

/** PUT of one part with If-Match; answers the status and, on 200, the new versions. */
export async function putPart(base, token, reportId, part, version, content) {
  const response = await fetch(`${base}/api/reports/${reportId}/parts/${part}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${version}"` },
    body: typeof content === 'string' ? content : JSON.stringify(content),
  });
  const text = await response.text();
  return { status: response.status, body: response.ok ? JSON.parse(text) : text };
}

async function put(base, token, reportId, part, version, content) {
  const { status, body } = await putPart(base, token, reportId, part, version, content);
  if (status !== 200) throw new Error(`PUT ${part} answered ${status}: ${String(body).slice(0, 300)}`);
  return body;
}
