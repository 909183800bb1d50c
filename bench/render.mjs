// Document rendering: EvalFlow's DOCX and PDF of the 赵县总工会 sample (11 pages: headings, tables, the
// 绩效自评表, watermark, page numbers) next to a baseline measured in the same run — the bare library
// (docx / pdfmake with the same fonts) laying out the same text as plain paragraphs. Each measurement
// runs in a fresh process, so its peak memory is its own.
// Usage: npm run bench:render   (BENCH_DOCS: documents per measurement, default 20)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_DOCS || 20);
const env = {
  ...process.env,
  TS_NODE_PROJECT: 'tsconfig.base.json',
  TS_NODE_COMPILER_OPTIONS: JSON.stringify({
    module: 'commonjs',
    moduleResolution: 'node10',
    ignoreDeprecations: '6.0',
  }),
};

function measure(mode, format) {
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'bench/render-child.cjs',
      mode,
      format,
      String(N),
    ],
    { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

console.log(`rendering the sample, ${N} documents per measurement (after one warm-up document)\n`);
const rows = [];
for (const format of ['docx', 'pdf']) {
  const ours = measure('evalflow', format);
  const bare = measure('baseline', format);
  rows.push(ours, bare);
  console.log(
    `${format.toUpperCase()}: EvalFlow ${ours.p50} ms/doc (p90 ${ours.p90}), ${ours.perSecond} docs/s, first ${ours.firstMs} ms, ` +
      `peak RSS ${ours.peakRssMb} MB, ${ours.sizeKb} KB | bare ${format === 'pdf' ? 'pdfmake' : 'docx'} ${bare.p50} ms/doc, ` +
      `${bare.perSecond} docs/s, first ${bare.firstMs} ms, peak RSS ${bare.peakRssMb} MB, ${bare.sizeKb} KB | ` +
      `ratio ${(ours.perSecond / bare.perSecond).toFixed(2)}`,
  );
}
console.log('\n' + JSON.stringify(rows));
