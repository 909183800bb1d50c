// Import accuracy: every document of the corpus in test/fixtures/import (public 绩效自评 reports, the sample's
// text and EvalFlow's own DOCX of it) is read and imported, and what the importer filled is compared with the
// facts written by hand in the JSON beside it. Per document and in total: precision (right / filled among the
// expected paths — a wrong value counts against it, an empty one does not), recall (right / expected), the
// share of filled fields that keep a source span, and the time per document, beside the time of reading alone.
// The public reports are totalled twice: in sample ("real reports", those the importer's rules were developed
// against) and held out (JSON `heldOut: true`, facts written before the importer ran on them: the honest figure).
// The importer is importReport from libs/report-import when it exists; else the 绩效自评表 reader
// (readScoreTables) alone, which fills only scoreTable.*, objectives and conclusion.totalScore — the output says which.
// Usage: npm run bench:import   (BENCH_RUNS: timed runs per document, default 20; the median is printed)
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS || 20);
const WARMUP = 2;
const SHOW = Number(process.env.BENCH_SHOW || 5);
const BENCH_DEPARTMENT = '基准导入单位';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'test/fixtures/import');

const require = createRequire(import.meta.url);
process.env.TS_NODE_PROJECT = join(ROOT, 'tsconfig.base.json');
require('ts-node').register({
  transpileOnly: true,
  project: join(ROOT, 'tsconfig.base.json'),
  compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({
  baseUrl: ROOT,
  paths: JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths,
});
const lib = require(join(ROOT, 'libs/report-import/src/index.ts'));
const domain = require(join(ROOT, 'libs/domain/src/index.ts'));

const HAS_IMPORTER = typeof lib.importReport === 'function';

/** A value as compared: decimal strings without trailing zeros (251.890 is 251.89), text trimmed. */
function canon(v) {
  if (typeof v === 'number') return v;
  const t = String(v).trim();
  return /^-?\d+\.\d+$/.test(t) ? t.replace(/\.?0+$/, '') : t;
}

/** Every filled leaf of a content by its path (scoreTable.indicators.0.weight); null, '' and [] are empty. */
function flatten(value, prefix = '', out = {}) {
  if (value === null || value === undefined || value === '') return out;
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  else if (typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = value;
  return out;
}

/** The header comment line a corpus .txt starts with (its source) is not part of the report. */
function documentText(buffer) {
  const text = buffer.toString('utf8');
  return text.startsWith('#') ? text.slice(text.indexOf('\n') + 1) : text;
}

async function read(file, data) {
  return file.endsWith('.docx') ? lib.readDocx(data) : lib.readTxt(documentText(data)).document;
}

/** The importer: importReport, or readScoreTables alone as a content-shaped partial with its sources. */
async function runImport(entry, document) {
  if (HAS_IMPORTER) {
    const result = await lib.importReport({
      document,
      kind: entry.kind,
      template: domain.defaultTemplate(entry.kind),
      fiscalYear: entry.fiscalYear,
      // not the facts' name: a name read from the document must not be confused with one handed in
      departmentName: BENCH_DEPARTMENT,
    });
    return { content: result.content, sources: result.sources };
  }
  const read = lib.readScoreTables(document, entry.kind);
  if (!read) return { content: {}, sources: {}, note: 'no 绩效自评表 table found' };
  if (!read.ok)
    return {
      content: {},
      sources: {},
      note: `绩效自评表 refused: ${read.errors.length} problems (${read.errors[0]?.message ?? ''})`,
    };
  const { scoreTable, objectives, totalScore } = read.value;
  return { content: { scoreTable, objectives, conclusion: { totalScore } }, sources: read.sources };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed(fn) {
  const times = [];
  let last;
  for (let i = 0; i < WARMUP; i++) await fn();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  return { value: last, ms: median(times) };
}

/**
 * What the importer fills from a document with nothing in it (the empty report's defaults: a title pattern,
 * a weight of 10…), by kind and year: a value equal to it with no source was not read, so it counts
 * neither way.
 */
const defaultsOf = new Map();
async function defaults(entry) {
  const key = `${entry.kind}/${entry.fiscalYear}`;
  if (!defaultsOf.has(key)) {
    const blank = await runImport(entry, lib.readTxt('（空）').document);
    defaultsOf.set(key, flatten(blank.content));
  }
  return defaultsOf.get(key);
}

function score(entry, content, sources, blank) {
  const filled = flatten(content);
  delete filled.kind;
  delete filled.schemaVersion;
  for (const [path, value] of Object.entries(filled))
    if (!sources[path] && path in blank && canon(blank[path]) === canon(value)) delete filled[path];
  // the department's name is given to the importer (the report's own), not read: it counts neither way
  for (const [path, value] of Object.entries(filled)) if (value === BENCH_DEPARTMENT) delete filled[path];
  let right = 0;
  let wrong = 0;
  const misses = [];
  const missing = [];
  for (const [path, want] of Object.entries(entry.facts)) {
    if (!(path in filled)) {
      missing.push(path);
      continue;
    }
    if (canon(filled[path]) === canon(want)) right++;
    else {
      wrong++;
      misses.push(`${path}: ${JSON.stringify(filled[path])} ≠ ${JSON.stringify(want)}`);
    }
  }
  const filledPaths = Object.keys(filled);
  const withSource = filledPaths.filter((p) => sources[p]).length;
  const extra = filledPaths.filter((p) => !(p in entry.facts)).length;
  return {
    expected: Object.keys(entry.facts).length,
    right,
    wrong,
    filled: filledPaths.length,
    withSource,
    extra,
    misses,
    missing,
  };
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

const entries = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ slug: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(CORPUS, f), 'utf8')) }));

console.log(
  HAS_IMPORTER
    ? 'importer: importReport (libs/report-import)'
    : 'importer: importReport is not in libs/report-import yet — measuring readScoreTables alone (fills scoreTable.*, objectives, conclusion.totalScore only)',
);
console.log(`${entries.length} documents, median of ${RUNS} runs each\n`);

const rows = [];
const total = { expected: 0, right: 0, wrong: 0, filled: 0, withSource: 0, extra: 0, readMs: 0, importMs: 0 };
for (const entry of entries) {
  const data = readFileSync(join(ROOT, entry.document));
  const reading = await timed(() => read(entry.document, data));
  let result;
  let importMs = NaN;
  try {
    const run = await timed(async () => runImport(entry, await read(entry.document, data)));
    result = score(entry, run.value.content, run.value.sources, await defaults(entry));
    if (run.value.note) result.misses.unshift(run.value.note);
    importMs = run.ms;
  } catch (error) {
    result = { expected: Object.keys(entry.facts).length, right: 0, wrong: 0, filled: 0, withSource: 0, extra: 0 };
    result.misses = [`import failed: ${error?.code ?? ''} ${error?.message ?? error}`];
    result.missing = [];
  }
  for (const k of ['expected', 'right', 'wrong', 'filled', 'withSource', 'extra']) total[k] += result[k];
  total.readMs += reading.ms;
  total.importMs += Number.isNaN(importMs) ? 0 : importMs;
  rows.push({ entry, result, readMs: reading.ms, importMs });
}

const header = [
  'document',
  'kind',
  'prov',
  'facts',
  'right',
  'wrong',
  'precision',
  'recall',
  'sourced',
  'other',
  'read ms',
  'read+import ms',
];
const line = (cells) => cells.map((c, i) => String(c).padEnd(i === 0 ? 40 : 10)).join(' ');
console.log(line(header));
for (const { entry, result: r, readMs, importMs } of rows) {
  console.log(
    line([
      entry.heldOut ? `${entry.slug} *` : entry.slug,
      entry.kind === 'project' ? 'project' : 'overall',
      entry.province.replace(/省$/, ''),
      r.expected,
      r.right,
      r.wrong,
      pct(r.right, r.right + r.wrong),
      pct(r.right, r.expected),
      pct(r.withSource, r.filled),
      r.extra,
      readMs.toFixed(2),
      Number.isNaN(importMs) ? 'failed' : importMs.toFixed(2),
    ]),
  );
}
const sum = (rs, k) => rs.reduce((a, r) => a + r.result[k], 0);
const subtotal = (label, rs) =>
  line([
    label,
    '',
    '',
    sum(rs, 'expected'),
    sum(rs, 'right'),
    sum(rs, 'wrong'),
    pct(sum(rs, 'right'), sum(rs, 'right') + sum(rs, 'wrong')),
    pct(sum(rs, 'right'), sum(rs, 'expected')),
    pct(sum(rs, 'withSource'), sum(rs, 'filled')),
    sum(rs, 'extra'),
    '',
    '',
  ]);
// in sample: the public reports the importer's rules were developed against; held out: public reports added
// after, with facts written before the importer ever ran on them — the out-of-sample figure
const publicReports = rows.filter((r) => !r.entry.slug.startsWith('zhaoxian-union'));
console.log(
  subtotal(
    'real reports',
    publicReports.filter((r) => !r.entry.heldOut),
  ),
);
const heldOut = publicReports.filter((r) => r.entry.heldOut);
if (heldOut.length) console.log(subtotal('held-out reports', heldOut));
console.log(
  line([
    'all',
    '',
    '',
    total.expected,
    total.right,
    total.wrong,
    pct(total.right, total.right + total.wrong),
    pct(total.right, total.expected),
    pct(total.withSource, total.filled),
    total.extra,
    (total.readMs / rows.length).toFixed(2),
    (total.importMs / rows.length).toFixed(2),
  ]),
);
console.log('\nprecision = right / (right + wrong) among the expected paths; recall = right / facts;');
console.log(
  'sourced = filled fields with a source span / all filled fields; other = filled fields the facts do not list.',
);
console.log(
  '* held out: not used to develop the importer; "real reports" is the in-sample total, "held-out reports" the out-of-sample one.',
);
console.log('goals (issue 17): round trip of the sample 100% of facts; real reports ≥ 90% precision.');

const shown = rows.filter((r) => r.result.misses.length);
if (shown.length) console.log(`\nnotes and wrong values (first ${SHOW} a document; BENCH_SHOW for more):`);
for (const { entry, result } of shown) {
  console.log(`  ${entry.slug}`);
  for (const m of result.misses.slice(0, SHOW)) console.log(`    ${m}`);
}

// the expected paths the importer left empty: what recall lost, beside what precision lost above
const unfilled = rows.filter((r) => r.result.missing.length);
if (unfilled.length) console.log(`\nmissing expected paths (first ${SHOW} a document; BENCH_SHOW for more):`);
for (const { entry, result } of unfilled) {
  const more = result.missing.length > SHOW ? ` (${result.missing.length - SHOW} more)` : '';
  console.log(`  ${entry.slug}: ${result.missing.length} missing${more}`);
  for (const p of result.missing.slice(0, SHOW)) console.log(`    ${p}`);
}
