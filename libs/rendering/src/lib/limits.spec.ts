import { DOCUMENT_FAILURE_CODES } from '@evalflow/domain';
import { DEFAULT_RENDER_LIMITS, estimatePages, RenderLimitExceeded, renderDocument } from '../index';
import { pdfInfo } from '../test/extract';
import { sampleInput } from '../test/sample';
import { buildReportDocument } from './model/build';

/** A draft at the schema's maxima: 50 functions of 4,000 characters (some 330 pages of them alone). */
function filledToTheMaxima() {
  const input = sampleInput({ watermark: '草稿', approval: null });
  input.content.basicInfo.functions = Array.from({ length: 50 }, (_, i) => `${i + 1}.${'职'.repeat(3990)}`);
  return input;
}

describe('the limits of a document', () => {
  let samplePages: number;

  beforeAll(async () => {
    samplePages = Number(pdfInfo(await renderDocument('pdf', sampleInput())).Pages);
  }, 60000);

  it('estimates pages before laying anything out, at most as many as laid out', () => {
    const estimate = estimatePages(buildReportDocument(sampleInput()));
    expect(samplePages).toBe(11);
    expect(estimate).toBeLessThanOrEqual(samplePages);
    expect(estimate).toBeGreaterThanOrEqual(Math.ceil(samplePages * 0.6));
    expect(estimatePages(buildReportDocument(filledToTheMaxima()))).toBeGreaterThan(DEFAULT_RENDER_LIMITS.maxPages);
  });

  it.each(['pdf', 'docx'] as const)(
    'refuses a %s filled to the schema’s maxima before laying it out: 「文档超过 300 页」',
    async (format) => {
      const error = await renderDocument(format, filledToTheMaxima()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RenderLimitExceeded);
      expect(error).toMatchObject({
        limit: 'pages',
        bound: 300,
        code: 'DOCUMENT_TOO_MANY_PAGES',
        message: '文档超过 300 页，请精简内容后重试',
      });
    },
  );

  it('counts the PDF’s pages as they are laid out: its own count passes, one fewer stops the layout', async () => {
    const exact = await renderDocument('pdf', sampleInput(), { limits: { maxPages: samplePages } });
    expect(Number(pdfInfo(exact).Pages)).toBe(samplePages);
    // the estimate (below the count) lets it through; the layout stops at the first page over
    await expect(renderDocument('pdf', sampleInput(), { limits: { maxPages: samplePages - 1 } })).rejects.toMatchObject(
      { limit: 'pages', message: `文档超过 ${samplePages - 1} 页，请精简内容后重试` },
    );
  }, 60000);

  it.each(['pdf', 'docx'] as const)(
    'refuses a %s over its bytes: 「文档超过 10 KB」',
    async (format) => {
      await expect(renderDocument(format, sampleInput(), { limits: { maxBytes: 10 * 1024 } })).rejects.toMatchObject({
        limit: 'bytes',
        code: 'DOCUMENT_TOO_LARGE',
        message: '文档超过 10 KB，请精简内容后重试',
      });
    },
    60000,
  );

  it('names each limit by a code of the domain’s catalogue, with a Chinese message', () => {
    const cases = [
      [new RenderLimitExceeded('pages', 300), 'DOCUMENT_TOO_MANY_PAGES', '文档超过 300 页，请精简内容后重试'],
      [new RenderLimitExceeded('bytes', 50 * 1024 * 1024), 'DOCUMENT_TOO_LARGE', '文档超过 50 MB，请精简内容后重试'],
      [
        new RenderLimitExceeded('time', 120_000),
        'DOCUMENT_RENDER_TIMEOUT',
        '文档生成超时（120 秒），请稍后重试或精简内容',
      ],
      [
        new RenderLimitExceeded('memory', 512),
        'DOCUMENT_RENDER_OUT_OF_MEMORY',
        '文档生成所需内存超过上限，请精简内容后重试',
      ],
    ] as const;
    for (const [error, code, message] of cases) {
      expect(error.code).toBe(code);
      expect(DOCUMENT_FAILURE_CODES).toContain(code);
      expect(error.message).toBe(message);
    }
  });
});
