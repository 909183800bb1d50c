import { squash } from '@evalflow/samples/testing';
import { PAGE_FOOTER_LINE, pdfBody, pdfFonts, pdfInfo, pdfLines, pdfPages } from '../../test/extract';
import {
  RICH_MONEY,
  RICH_PROJECT_SENTENCE_END,
  RICH_STAFFING,
  RICH_TABLE,
  richOverallInput,
} from '../../test/rich-overall';
import {
  APPROVAL,
  APPROVAL_DATE,
  draftInput,
  normalise,
  notInOrder,
  numbersNotInOrder,
  sampleFacts,
  sampleInput,
  submittedInput,
} from '../../test/sample';
import { findFonts } from '../fonts';
import { buildReportDocument } from '../model/build';
import { blockTexts } from '../model/document';
import { renderPdf, uncoveredCharacters } from './render-pdf';

describe('renderPdf: the sample as a PDF', () => {
  let approved: Buffer;
  let draft: Buffer;
  let submitted: Buffer;
  let approvedPages: string[];
  const progress: number[] = [];

  beforeAll(async () => {
    approved = await renderPdf(sampleInput(), { onProgress: (p) => progress.push(p) });
    draft = await renderPdf(draftInput());
    submitted = await renderPdf(submittedInput());
    approvedPages = pdfPages(approved);
  });

  it('is a PDF of A4 pages with the report’s title', () => {
    expect(approved.subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(approved);
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect(info.Title).toBe('赵县总工会2024年度整体支出绩效自评报告');
    expect(Number(info.Pages)).toBe(approvedPages.length);
    expect(approvedPages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(Object.entries(sampleFacts()))('pdftotext finds the sample’s %s in order', (_, facts) => {
    expect(notInOrder(normalise(pdfBody(approvedPages)), facts)).toEqual([]);
  });

  it('pdftotext finds every number of the sample in order', () => {
    expect(numbersNotInOrder(pdfBody(approvedPages))).toEqual([]);
  });

  it('extracts to the same text as the blocks both formats render (nothing lost, nothing garbled)', () => {
    const blocks = buildReportDocument(sampleInput()).blocks;
    // a table broken across pages repeats its head rows: read each head once
    let extracted = squash(pdfBody(approvedPages));
    for (const block of blocks) {
      if (block.kind !== 'table') continue;
      const { rows, headerRows } = block.table;
      const head = squash(
        blockTexts({ kind: 'table', table: { ...block.table, rows: rows.slice(0, headerRows) } }).join(''),
      );
      const end = extracted.indexOf(head) + head.length;
      extracted = extracted.slice(0, end) + extracted.slice(end).split(head).join('');
    }
    expect(extracted).toBe(squash(blocks.flatMap(blockTexts).join('')));
    expect(pdfBody(approvedPages)).not.toMatch(/[\uFFFD\u25A1]/);
  });

  it('embeds its CJK fonts, subset, with Unicode maps: a 小标宋, 仿宋, 黑体 and 楷体 stand-in', () => {
    const fonts = pdfFonts(approved);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const font of fonts) {
      expect({ font: font.name, embedded: font.embedded, subset: font.subset, unicode: font.unicode }).toEqual({
        font: font.name,
        embedded: true,
        subset: true,
        unicode: true,
      });
      expect(font.type).toMatch(/^CID (Type 0C|TrueType)$/);
    }
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort();
    expect(names).toEqual(['NotoSansCJKsc-Regular', 'NotoSerifCJKsc-Bold', 'UKaiCN', 'UMingCN']);
  });

  it('has a glyph for every character of the report in its fonts', () => {
    expect(uncoveredCharacters(sampleInput())).toEqual([]);
  });

  it('numbers every page 「- n -」 at its foot: odd pages to the right, even pages to the left', () => {
    approvedPages.forEach((page, i) => {
      const footers = page.split('\n').filter((line) => PAGE_FOOTER_LINE.test(line));
      expect(footers).toEqual([`- ${i + 1} -`]);
    });
    const { pages, lines } = pdfLines(approved);
    for (const n of [1, 2]) {
      const footer = lines.find((l) => l.page === n && PAGE_FOOTER_LINE.test(l.text)) as (typeof lines)[number];
      const { width, height } = pages[n - 1];
      // 7 mm below the text block (which ends 35 mm above the page's foot)
      expect(footer.yMin).toBeGreaterThan(height - 35 * (72 / 25.4));
      if (n % 2 === 1) expect(footer.xMin).toBeGreaterThan(width / 2);
      else expect(footer.xMax).toBeLessThan(width / 2);
    }
  });

  it('lays the text block out after GB/T 9704: 28 mm / 26 mm sides, 37 mm top, a 28.95 pt line pitch, 2-character indents', () => {
    const mm = (value: number) => value * (72 / 25.4);
    const { pages, lines } = pdfLines(approved);
    const first = lines.filter((l) => l.page === 1);
    expect(first[0]).toMatchObject({ text: '附件4' });
    expect(first[0].xMin).toBeCloseTo(mm(28), 0);
    expect(first[0].yMin).toBeCloseTo(mm(37), 0);
    // the opening paragraph: first line indented two characters, full lines justified to the right edge
    const opening = first.slice(3, 7);
    expect(opening[0].xMin - mm(28)).toBeCloseTo(31.5, 0);
    expect(opening[1].xMin).toBeCloseTo(mm(28), 0);
    expect(opening[1].xMax).toBeCloseTo(pages[0].width - mm(26), 0);
    for (let i = 1; i < opening.length; i++) expect(opening[i].yMin - opening[i - 1].yMin).toBeCloseTo(28.95, 1);
    // 28 characters a full line
    expect([...opening[1].text.replace(/\s/g, '')].length).toBeGreaterThanOrEqual(27);
  });

  it('marks a draft 草稿 and a submitted revision 送审稿 on every page; an approved one has neither', () => {
    const draftPages = pdfPages(draft).map(squash);
    const submittedPages = pdfPages(submitted).map(squash);
    expect(draftPages.every((page) => page.includes('草稿'))).toBe(true);
    expect(submittedPages.every((page) => page.includes('送审稿'))).toBe(true);
    expect(approvedPages.map(squash).some((page) => page.includes('草稿') || page.includes('送审稿'))).toBe(false);
  });

  it('adds the approval block (approver, date) to an approved revision only', () => {
    expect(squash(pdfBody(approvedPages))).toContain(`审核结论：审核通过审核人：王建国审核日期：${APPROVAL_DATE}`);
    expect(squash(pdfBody(pdfPages(draft)))).not.toContain('审核人');
    expect(squash(pdfBody(pdfPages(submitted)))).not.toContain('审核人');
  });

  it("prints the approver's 审批意见, when one was written, above the approval block", async () => {
    const opinion = '同意。请于年底前补齐佐证材料并归档。';
    const withOpinion = pdfPages(await renderPdf(sampleInput({ approval: { ...APPROVAL, opinion } })));
    expect(squash(pdfBody(withOpinion))).toContain(
      `审批意见：${squash(opinion)}审核结论：审核通过审核人：王建国审核日期：${APPROVAL_DATE}`,
    );
    expect(squash(pdfBody(approvedPages))).not.toContain('审批意见');
  });

  it('reports its progress, rising, up to 100', () => {
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(new Set(progress).size).toBe(progress.length);
  });
});

describe('renderPdf: fonts', () => {
  it('sets a character the body face lacks in a fallback face, and lists one no face has', async () => {
    const fonts = findFonts();
    const input = sampleInput();
    // 𠮷 (U+20BB7, a form of 吉 found in names) is in Noto CJK only; 𪛖 (U+2A6D6) is in no font here
    input.content.team.members[0].name = '𠮷田';
    input.content.team.members[1].name = '张𪛖';
    const pdf = await renderPdf(input, { fonts });
    const names = pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('NotoSerifCJKsc-Regular');
    expect(squash(pdfBody(pdfPages(pdf)))).toContain('𠮷田');
    expect(uncoveredCharacters(input, { fonts })).toEqual(['𪛖']);
  });

  it('renders documents concurrently and again, each with its own embedded subsets', async () => {
    const [a, b] = await Promise.all([renderPdf(sampleInput()), renderPdf(draftInput())]);
    const again = await renderPdf(sampleInput());
    for (const pdf of [a, b, again]) expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    expect(squash(pdfBody(pdfPages(again)))).toBe(squash(pdfBody(pdfPages(a))));
  });

  it('names the file and face it cannot use', async () => {
    const fonts = findFonts();
    await expect(
      renderPdf(sampleInput(), { fonts: { ...fonts, kai: { path: '/nonexistent/kai.ttc' } } }),
    ).rejects.toThrow('Cannot read the font file /nonexistent/kai.ttc');
    await expect(
      renderPdf(sampleInput(), { fonts: { ...fonts, kai: { path: fonts.kai.path, face: 'NoSuchFace' } } }),
    ).rejects.toThrow(`the face NoSuchFace of the font file ${fonts.kai.path}`);
  });
});

describe('renderPdf: a report of schema v2 stating more than the sample', () => {
  it('prints the staff categories, the year’s 收入 and 支出, and the lines’ 执行数 with exact 合计', async () => {
    const text = normalise(pdfBody(pdfPages(await renderPdf(richOverallInput()))));
    expect(
      notInOrder(text, [
        RICH_STAFFING,
        '（二）部门收支预决算情况',
        RICH_MONEY,
        RICH_PROJECT_SENTENCE_END,
        RICH_TABLE.head,
        RICH_TABLE.line,
        RICH_TABLE.total,
      ]),
    ).toEqual([]);
  });
});
