// The web app: its bundle (raw and gzip bytes of every built asset) and, in headless Debian Chromium,
// the report editor's time to interactive on the 赵县总工会 2024 draft and the latency of one keystroke
// to the live total — next to a baseline measured in the same run: the login page's time to
// interactive (the same bundle boot and session check, then a two-field form).
// Usage: npm run bench:web   (builds api, cli and web first; BENCH_RUNS: page loads each, default 10)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchDatabase, call, startApi } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'dist/apps/web');
const RUNS = Number(process.env.BENCH_RUNS || 10);
const USER = { username: 'zhaoxian.union.editor', password: 'evalflow-demo' };
const TOTAL_INPUT = '项目支出 年初预算数';
const LINE_INPUT = '项目预算明细第2行 年初预算数';
const FIGURE = '项目预算明细合计';
const TYPED = '83';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const msText = (value) => `${value.toFixed(0).padStart(6)} ms`;

// ---------------------------------------------------------------------------------------------- bundle

function bundle() {
  const dir = join(WEB, 'assets');
  const files = readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((name) => {
      const data = readFileSync(join(dir, name));
      return { name, raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const initial = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1];
    if (tag.startsWith('<link') && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const ref = /\b(?:src|href)="\/?assets\/([^"]+)"/.exec(tag)?.[1];
    if (ref) initial.add(ref);
  }
  return { files, initial };
}

function printBundle({ files, initial }) {
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  console.log(`web bundle: dist/apps/web/assets, ${files.length} files (gzip level 9; * = loaded by index.html)\n`);
  console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
  for (const f of files) {
    console.log(
      `${(initial.has(f.name) ? '* ' : '  ') + f.name.padEnd(42)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)}`,
    );
  }
  const first = files.filter((f) => initial.has(f.name));
  const largest = files[0];
  console.log('');
  console.log(
    `total          ${kb(sum(files, 'gzip')).padStart(10)} gzip  (${kb(sum(files, 'raw'))} raw, ${files.length} files)`,
  );
  console.log(
    `initial load   ${kb(sum(first, 'gzip')).padStart(10)} gzip  (${kb(sum(first, 'raw'))} raw, ${first.length} files: script, modulepreload and stylesheet tags of index.html)`,
  );
  console.log(`largest chunk  ${kb(largest.gzip).padStart(10)} gzip  (${kb(largest.raw)} raw, ${largest.name})`);
}

// --------------------------------------------------------------------------------------------- browser

/** Runs in every page before its own scripts: long tasks as they happen. */
function collectLongTasks() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser
  }
}

/**
 * In the page: the first animation frame in which the target is ready, in ms since the navigation
 * started (performance.now() counts from the document's time origin), with the long tasks until then.
 * Visible and enabled as Playwright means them: a non-empty box, not visibility:hidden; not disabled.
 */
function readyWhen(page, target) {
  return page.waitForFunction(
    (target) => {
      const control = (label) => {
        let el = document.querySelector(`input[aria-label="${CSS.escape(label)}"]`);
        if (!el) {
          const tag = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === label);
          el = tag?.htmlFor ? document.getElementById(tag.htmlFor) : null;
        }
        return el;
      };
      const usable = (el) => {
        if (!el) return false;
        const box = el.getBoundingClientRect();
        return (
          box.width > 0 &&
          box.height > 0 &&
          getComputedStyle(el).visibility !== 'hidden' &&
          !el.disabled &&
          !el.readOnly &&
          !el.closest('fieldset[disabled]') &&
          el.getAttribute('aria-disabled') !== 'true'
        );
      };
      // login: the 用户名 input; editor: its input and the figure showing text
      if (!usable(control(target.input))) return false;
      if (target.figure && !document.querySelector(`[data-figure="${target.figure}"]`)?.textContent?.trim()) {
        return false;
      }
      const at = performance.now();
      const tasks = (window.__benchLongTasks ?? []).filter((t) => t.start < at);
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        at,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
        longTasks: tasks.length,
        longTaskMs: tasks.reduce((n, t) => n + t.duration, 0),
        blockingMs: tasks.reduce((n, t) => n + Math.max(0, t.duration - 50), 0),
      };
    },
    target,
    { polling: 'raf', timeout: 30000 },
  );
}

/** A new tab with the HTTP cache off (CDP Network.setCacheDisabled): every asset comes from the API. */
async function coldPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const assets = [];
  page.on('request', (r) => {
    const m = /\/assets\/([^?#]+)$/.exec(new URL(r.url()).pathname);
    if (m) assets.push(m[1]);
  });
  return { page, assets };
}

async function measureLogin(context, base) {
  const { page, assets } = await coldPage(context);
  try {
    await page.goto(`${base}/login`, { waitUntil: 'commit' });
    const ready = await (await readyWhen(page, { input: '用户名' })).jsonValue();
    return { ...ready, assets };
  } finally {
    await page.close();
  }
}

/**
 * The editor: time to interactive, then one edit — '83' filled into line 2's amount — timed in the
 * page from its input event to the total's text changing (DOM) and to the next animation frame. The
 * tab is closed before the autosave's 1.5 s debounce runs out, so the report stays as seeded; should
 * line 2 already hold 83 (a save got through), 84 is typed instead.
 */
async function measureEditor(context, base, reportId, check) {
  const { page, assets } = await coldPage(context);
  try {
    await page.goto(`${base}/reports/${reportId}`, { waitUntil: 'commit' });
    const ready = await (await readyWhen(page, { input: TOTAL_INPUT, figure: FIGURE })).jsonValue();
    if (check) {
      // the in-page test above finds what Playwright's role locators find
      const total = page.getByRole('textbox', { name: TOTAL_INPUT, exact: true });
      if (!(await total.isVisible()) || !(await total.isEnabled())) throw new Error(`textbox ${TOTAL_INPUT} not ready`);
    }
    const line = page.getByRole('textbox', { name: LINE_INPUT, exact: true });
    const typed = (await line.inputValue()).replace(/[,\s]/g, '') === TYPED ? '84' : TYPED;
    await page.evaluate((figure) => {
      const text = () => document.querySelector(`[data-figure="${figure}"]`)?.textContent;
      const k = (window.__benchKey = { before: text() });
      document.addEventListener('input', () => (k.input ??= performance.now()), { capture: true });
      const observer = new MutationObserver(() => {
        if (k.dom || text() === k.before) return;
        k.dom = performance.now();
        k.after = text();
        observer.disconnect();
        requestAnimationFrame(() => (k.frame = performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, FIGURE);
    await line.fill(typed);
    const key = await (
      await page.waitForFunction(() => window.__benchKey.frame && window.__benchKey, null, { timeout: 10000 })
    ).jsonValue();
    return { ...ready, assets, typed, key };
  } finally {
    await page.close();
  }
}

async function signIn(context, base) {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(USER.username);
  await page.getByLabel('密码').fill(USER.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
  await page.close();
}

// ----------------------------------------------------------------------------------------------- stats

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1];

/** Pads to a column on a terminal, where a CJK character takes two cells. */
const padCells = (text, cells) =>
  text + ' '.repeat(Math.max(0, cells - [...text].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0)));

function statRow(label, xs) {
  return `${padCells(label, 56)} median ${msText(median(xs))}   p90 ${msText(p90(xs))}`;
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const built = bundle();
  printBundle(built);

  const db = await benchDatabase();
  let api;
  let browser;
  try {
    api = await startApi(db.env);
    const { accessToken: token } = await call(api.base, 'POST', '/api/auth/login', null, USER);
    const { items } = await call(api.base, 'GET', '/api/reports?limit=100', token);
    const report = items.find((r) => r.fiscalYear === 2024 && r.kind === 'department_overall' && r.status === 'draft');
    if (!report) throw new Error(`no 2024 draft for ${USER.username}: ${JSON.stringify(items)}`);
    const budgetBefore = await call(api.base, 'GET', `/api/reports/${report.id}/parts/budget`, token);

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const options = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
    const editorContext = await browser.newContext(options); // signed in once; its refresh cookie opens each tab
    const loginContext = await browser.newContext(options); // never signed in
    for (const context of [editorContext, loginContext]) {
      context.setDefaultTimeout(30000);
      await context.addInitScript(collectLongTasks);
    }
    await signIn(editorContext, api.base);

    console.log(
      `\npage loads: headless Chromium ${browser.version()}, 1366×768, ${RUNS} runs each after one warm-up, login and editor alternating;`,
    );
    console.log(
      'each load a new tab with the HTTP cache disabled (CDP Network.setCacheDisabled), the editor tab in the',
    );
    console.log('signed-in context (its session restored from the refresh cookie, as on any page load)');
    console.log(`editor: /reports/${report.id} (${report.fiscalYear}, ${report.status}), as ${USER.username}\n`);

    await measureLogin(loginContext, api.base);
    await measureEditor(editorContext, api.base, report.id, true);
    const login = [];
    const editor = [];
    for (let i = 0; i < RUNS; i++) {
      login.push(await measureLogin(loginContext, api.base));
      editor.push(await measureEditor(editorContext, api.base, report.id, false));
    }

    const tti = (runs) => runs.map((r) => r.at);
    const rows = [
      ['login page: 用户名 input visible and enabled', tti(login)],
      [`editor: ${TOTAL_INPUT} ready and ${FIGURE} shown`, tti(editor)],
      ['  (DOMContentLoaded, login)', login.map((r) => r.domContentLoaded)],
      ['  (DOMContentLoaded, editor)', editor.map((r) => r.domContentLoaded)],
      ['keystroke → live total (DOM text changed)', editor.map((r) => r.key.dom - r.key.input)],
      ['keystroke → live total (next animation frame)', editor.map((r) => r.key.frame - r.key.input)],
      ['long tasks until interactive, login (sum)', login.map((r) => r.longTaskMs)],
      ['long tasks until interactive, editor (sum)', editor.map((r) => r.longTaskMs)],
      ['  blocking time (Σ task − 50 ms), login', login.map((r) => r.blockingMs)],
      ['  blocking time (Σ task − 50 ms), editor', editor.map((r) => r.blockingMs)],
    ];
    for (const [label, xs] of rows) console.log(statRow(label, xs));
    console.log(
      `  long tasks per load: login median ${median(login.map((r) => r.longTasks))}, editor median ${median(editor.map((r) => r.longTasks))}`,
    );

    const gzipOf = new Map(built.files.map((f) => [f.name, f.gzip]));
    const fetched = (run) => {
      const names = [...new Set(run.assets)];
      return `${names.length} asset files, ${kb(names.reduce((n, f) => n + (gzipOf.get(f) ?? 0), 0))} gzip`;
    };
    console.log(`\nassets fetched by a tab: login ${fetched(login[0])}; editor ${fetched(editor[0])}`);
    const sample = editor[0].key;
    console.log(`keystroke: '${editor[0].typed}' into ${LINE_INPUT}; ${FIGURE} ${sample.before} → ${sample.after}`);
    console.log(
      `\nratio: editor ÷ login time to interactive (medians) = ${(median(tti(editor)) / median(tti(login))).toFixed(2)}`,
    );

    const budgetAfter = await call(api.base, 'GET', `/api/reports/${report.id}/parts/budget`, token);
    if (budgetAfter.version !== budgetBefore.version) {
      console.log(
        `(note: the budget part was saved during the runs: version ${budgetBefore.version} → ${budgetAfter.version})`,
      );
    }
  } finally {
    await browser?.close();
    await api?.stop();
    await db.drop();
  }
}

await main();
