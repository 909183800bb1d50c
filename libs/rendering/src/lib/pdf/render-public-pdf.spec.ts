import { disclosureNotice, publicReportContent, PUBLIC_WATERMARK } from '@evalflow/domain';
import { squash } from '@evalflow/samples/testing';
import { pdfPages } from '../../test/extract';
import { sampleInput } from '../../test/sample';
import { renderPdf } from './render-pdf';

/** The public version (随决算公开) of the sample: the disclosure line on every page, no people's names. */
describe('renderPdf: a public version', () => {
  let pages: string[];
  const notice = disclosureNotice('2025-08-01');

  beforeAll(async () => {
    const input = sampleInput();
    pages = pdfPages(
      await renderPdf({
        ...input,
        content: publicReportContent(input.content),
        watermark: PUBLIC_WATERMARK,
        approval: null,
        notice,
      }),
    );
  });

  it('prints 「公开版 · 随决算公开 · 2025年8月1日」 on every page, and the 公开版 watermark', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) expect(squash(page)).toContain(squash(notice));
    // the diagonal watermark is a second 公开版 on each page, beside the notice's
    for (const page of pages) expect(squash(page).split('公开版').length - 1).toBeGreaterThanOrEqual(2);
  });

  it('leaves out the evaluation team’s names and the approver, and keeps the facts', () => {
    const text = squash(pages.join(''));
    for (const name of ['杜力伟', '贾岩峰', '郭晓旗', '孟荣敏', '王建国']) expect(text).not.toContain(name);
    expect(text).toContain('党组书记');
    expect(text).toContain('178.646');
  });
});
