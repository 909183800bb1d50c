// One measurement in a fresh process (so peak memory is this renderer's alone): renders the sample
// N times with EvalFlow's renderer or with the bare library, and prints one JSON line.
// Run by bench/render.mjs: node -r ts-node/register/transpile-only -r tsconfig-paths/register render-child.cjs <mode> <format> <n>
const { performance } = require('node:perf_hooks');
const { DEFAULT_GRADE_BANDS, defaultTemplate } = require('@evalflow/domain');
const { renderDocument, findFonts } = require('@evalflow/rendering');
const { ZHAOXIAN_UNION_2024 } = require('@evalflow/samples');

const [mode, format, count] = process.argv.slice(2);
const N = Number(count);
const input = {
  content: ZHAOXIAN_UNION_2024,
  fiscalYear: 2024,
  departmentName: '赵县总工会',
  gradeBands: DEFAULT_GRADE_BANDS,
  watermark: '草稿',
  approval: null,
  template: defaultTemplate('department_overall'),
};

/** Every text of the report, in order: what the bare library lays out as plain paragraphs. */
function texts(value, out = []) {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => texts(v, out));
  return out;
}

function bareDocx() {
  const { Document, Packer, Paragraph, TextRun } = require('docx');
  const paragraphs = texts(ZHAOXIAN_UNION_2024);
  return () =>
    Packer.toBuffer(
      new Document({
        sections: [
          {
            children: paragraphs.map(
              (t) => new Paragraph({ children: [new TextRun({ text: t, font: '仿宋_GB2312', size: 32 })] }),
            ),
          },
        ],
      }),
    );
}

function barePdf() {
  const pdfmake = require('pdfmake');
  const fonts = findFonts();
  const face = (f) => [f.path, f.face];
  pdfmake.setFonts({ Body: { normal: face(fonts.body), bold: face(fonts.heading) } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy?.(() => true);
  const paragraphs = texts(ZHAOXIAN_UNION_2024);
  return () =>
    pdfmake
      .createPdf({
        pageSize: 'A4',
        defaultStyle: { font: 'Body', fontSize: 16 },
        content: paragraphs.map((t) => ({ text: t, margin: [0, 0, 0, 6] })),
      })
      .getBuffer();
}

async function main() {
  const render = mode === 'evalflow' ? () => renderDocument(format, input) : format === 'docx' ? bareDocx() : barePdf();
  const t0 = performance.now();
  const first = await render();
  const firstMs = performance.now() - t0;
  const times = [];
  const started = performance.now();
  let size = first.length;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    size = (await render()).length;
    times.push(performance.now() - t);
  }
  const totalS = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  process.stdout.write(
    JSON.stringify({
      mode,
      format,
      firstMs: Math.round(firstMs),
      p50: Math.round(pick(0.5)),
      p90: Math.round(pick(0.9)),
      perSecond: Number((N / totalS).toFixed(1)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      sizeKb: Math.round(size / 1024),
    }) + '\n',
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
