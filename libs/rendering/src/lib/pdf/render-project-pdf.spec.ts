import { luanchengUnionSports2024, zhaoxianCityRelief2024 } from '@evalflow/samples';
import { squash } from '@evalflow/samples/testing';
import { pdfBody, pdfFonts, pdfInfo, pdfLines, pdfPages, pdfWords } from '../../test/extract';
import { PROVINCIAL_CODE, provincialFacts, provincialInput, projectInput } from '../../test/projects';
import { APPROVAL_DATE, notInOrder } from '../../test/sample';
import { buildReportDocument } from '../model/build';
import { blockTexts } from '../model/document';
import { renderPdf, uncoveredCharacters } from './render-pdf';

const mm = (value: number) => value * (72 / 25.4);

describe('renderPdf: the 项目支出绩效自评表', () => {
  let approved: Buffer;
  let draft: Buffer;
  let submitted: Buffer;
  let text: string;

  beforeAll(async () => {
    approved = await renderPdf(provincialInput());
    draft = await renderPdf(provincialInput({ watermark: '草稿', approval: null }));
    submitted = await renderPdf(provincialInput({ watermark: '送审稿', approval: null }));
    text = squash(pdfBody(pdfPages(approved)));
  });

  it('is one A4 portrait page for the provincial fund’s table, titled after the project', () => {
    const info = pdfInfo(approved);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect(info['Page rot']).toBe('0');
    expect(info.Title).toBe('赵县总工会2024年度2024年困难职工及劳模帮扶救助专项资金（省级）项目支出绩效自评表');
    expect(info.Subject).toBe('项目支出绩效自评表');
    // a draft and a submitted revision (no approval block) fit it too
    expect(pdfInfo(draft).Pages).toBe('1');
    expect(pdfInfo(submitted).Pages).toBe('1');
  });

  it('keeps everything inside the text block of GB/T 9704 (28 mm / 26 mm sides, 37 mm top, 35 mm foot)', () => {
    const { pages, lines } = pdfLines(approved);
    const { width, height } = pages[0];
    const content = lines.filter((l) => !/^\s*-\s*\d+\s*-\s*$/.test(l.text));
    expect(Math.min(...content.map((l) => l.xMin))).toBeGreaterThanOrEqual(mm(28) - 1);
    expect(Math.max(...content.map((l) => l.xMax))).toBeLessThanOrEqual(width - mm(26) + 1);
    expect(Math.min(...content.map((l) => l.yMin))).toBeGreaterThanOrEqual(mm(37) - 1);
    expect(Math.max(...content.map((l) => l.yMax))).toBeLessThanOrEqual(height - mm(35));
  });

  it('pdftotext finds every fact of the table in reading order, and not the 项目编码', () => {
    expect(notInOrder(text, provincialFacts())).toEqual([]);
    expect(text).not.toContain(PROVINCIAL_CODE);
  });

  it('extracts to the same text as the blocks both formats render (nothing lost, nothing garbled)', () => {
    const blocks = buildReportDocument(provincialInput()).blocks;
    expect(text).toBe(squash(blocks.flatMap(blockTexts).join('')));
    expect(text).not.toMatch(/[\uFFFD\u25A1]/);
    expect(uncoveredCharacters(provincialInput())).toEqual([]);
  });

  it('sets the table in 五号 (10.5 pt) and the lines under it in 小四 (12 pt)', () => {
    const words = pdfWords(approved);
    const characterWidth = (text: string) => {
      const word = words.find((w) => w.text === text);
      if (!word) throw new Error(`no word ${text}`);
      return (word.xMax - word.xMin) / [...text].length;
    };
    for (const cell of ['年度资金总额', '预期目标', '一级指标', '评价等级'])
      expect(characterWidth(cell)).toBeCloseTo(10.5, 1);
    expect(characterWidth('填表人：孟荣敏')).toBeCloseTo(12, 1);
  });

  it('embeds its fonts, subset: 小标宋 for the title, 黑体 for the heads, 仿宋 for the values', () => {
    const fonts = pdfFonts(approved);
    expect(fonts.every((f) => f.embedded && f.subset && f.unicode)).toBe(true);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansCJKsc-Regular',
      'NotoSerifCJKsc-Bold',
      'UMingCN',
    ]);
  });

  it('marks a draft 草稿 and a submitted revision 送审稿; only an approved one has the approval block', () => {
    const draftText = squash(pdfPages(draft).join(''));
    const submittedText = squash(pdfPages(submitted).join(''));
    expect(draftText).toContain('草稿');
    expect(submittedText).toContain('送审稿');
    expect(text).not.toMatch(/草稿|送审稿/);
    expect(text.endsWith(`审核结论：审核通过审核人：王建国审核日期：${APPROVAL_DATE}`)).toBe(true);
    for (const other of [draftText, submittedText]) expect(other).not.toContain('审核');
  });

  it('renders the other sample tables, a draft with a missing value among them, on one page each', async () => {
    const city = await renderPdf(projectInput(zhaoxianCityRelief2024(), { watermark: '草稿', approval: null }));
    const luancheng = await renderPdf(
      projectInput(luanchengUnionSports2024(), { departmentName: '栾城区总工会', watermark: '送审稿', approval: null }),
    );
    expect(pdfInfo(city).Pages).toBe('1');
    expect(pdfInfo(luancheng).Pages).toBe('1');
    expect(
      notInOrder(squash(pdfBody(pdfPages(city))), ['效益指标社会效益指标困难劳模生活得到改善明显改善30', '总分100']),
    ).toEqual([]);
    expect(
      notInOrder(squash(pdfBody(pdfPages(luancheng))), [
        '项目名称职工文体活动经费',
        '年度资金总额6.56.56.21095.38%9.54',
        '总分10095.04',
        '评价等级优秀',
        '填报日期：2025年4月20日',
      ]),
    ).toEqual([]);
  });
});
