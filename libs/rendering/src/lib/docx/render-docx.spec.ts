import { docxParts, wordText, type DocxParts } from '../../test/extract';
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
import { renderDocx } from './render-docx';

describe('renderDocx: the sample as a DOCX', () => {
  let approved: DocxParts;
  let draft: DocxParts;
  let submitted: DocxParts;
  let approvedText: string;
  const progress: number[] = [];

  beforeAll(async () => {
    const buffer = await renderDocx(sampleInput(), { onProgress: (p) => progress.push(p) });
    // a DOCX is a zip: 「PK」
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    approved = await docxParts(buffer);
    draft = await docxParts(await renderDocx(draftInput()));
    submitted = await docxParts(await renderDocx(submittedInput()));
    approvedText = wordText(approved.document);
  });

  it.each(Object.entries(sampleFacts()))('document.xml has the sample’s %s in order', (_, facts) => {
    expect(notInOrder(normalise(approvedText), facts)).toEqual([]);
  });

  it('document.xml has every number of the sample in order', () => {
    expect(numbersNotInOrder(approvedText)).toEqual([]);
  });

  it('has the 附件 label, the title block and the tables as the sample lays them out', () => {
    const lines = approvedText.split('\n');
    expect(lines.slice(0, 3)).toEqual(['附件4', '赵县总工会部门', '2024年度整体支出绩效自评报告']);
    expect(approved.document.match(/<w:tbl>/g)).toHaveLength(5); // organisation, budget, team, funding, indicators
    // table heads repeat on each page; rows do not split
    expect(approved.document).toContain('<w:tblHeader/>');
    expect(approved.document).toContain('<w:cantSplit/>');
    // merged 一级指标 cells
    expect(approved.document).toContain('<w:vMerge w:val="restart"/>');
  });

  it('is A4 with the margins, line pitch and type sizes of GB/T 9704', () => {
    expect(approved.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(approved.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(approved.document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    // 28.95 pt exactly, first lines indented two characters
    expect(approved.document).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(approved.document).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    const runFont = (name: string, size: number) =>
      new RegExp(
        `<w:rFonts w:ascii="${name}"[^>]*w:eastAsia="${name}"[^>]*/>(?:<w:spacing[^>]*/>)?<w:sz w:val="${size}"/>`,
      );
    expect(approved.document).toMatch(runFont('方正小标宋简体', 44)); // 二号 title
    expect(approved.document).toMatch(runFont('仿宋_GB2312', 32)); // 三号 body
    expect(approved.document).toMatch(runFont('黑体', 32)); // 三号 一、
    expect(approved.document).toMatch(runFont('楷体_GB2312', 32)); // 三号 （一）
    expect(approved.document).toContain('<w:lang w:eastAsia="zh-CN"/>');
  });

  it('numbers pages 「- 1 -」 in 四号: odd pages to the right, even pages to the left', () => {
    expect(approved.settings).toContain('<w:evenAndOddHeaders/>');
    const [odd, even] = approved.footers;
    for (const footer of [odd, even]) {
      expect(wordText(footer)).toBe('-  -');
      expect(footer).toMatch(
        /<w:t xml:space="preserve">- <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> -<\/w:t>/,
      );
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
  });

  it('marks a draft 草稿 and a submitted revision 送审稿 with a Word watermark on every page; an approved one has none', () => {
    const watermarks = (parts: DocxParts) =>
      parts.headers.map((h) => /<v:textpath [^>]*string="([^"]*)"/.exec(h)?.[1] ?? null);
    expect(watermarks(draft)).toEqual(['草稿', '草稿', '草稿', '草稿']);
    expect(watermarks(submitted)).toEqual(['送审稿', '送审稿', '送审稿', '送审稿']);
    expect(approved.headers).toEqual([]);
    expect(wordText(draft.document)).not.toContain('草稿');
  });

  it('adds the approval block to an approved revision only', () => {
    expect(approvedText).toContain(`审核结论：审核通过\n审核人：王建国\n审核日期：${APPROVAL_DATE}`);
    expect(wordText(draft.document)).not.toContain('审核人');
    expect(wordText(submitted.document)).not.toContain('审核人');
  });

  it("prints the approver's 审批意见, when one was written, above the approval block", async () => {
    const opinion = '同意。请于年底前补齐佐证材料并归档。';
    const withOpinion = await docxParts(await renderDocx(sampleInput({ approval: { ...APPROVAL, opinion } })));
    expect(wordText(withOpinion.document)).toContain(`审批意见：${opinion}\n审核结论：审核通过\n审核人：王建国`);
    expect(approvedText).not.toContain('审批意见');
  });

  it('reports its progress up to 100', () => {
    expect(progress[progress.length - 1]).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe('renderDocx: a report of schema v2 stating more than the sample', () => {
  it('writes the staff categories, the year’s 收入 and 支出, and a 执行数 column with exact 合计', async () => {
    const document = (await docxParts(await renderDocx(richOverallInput()))).document;
    expect(
      notInOrder(normalise(wordText(document)), [
        RICH_STAFFING,
        '（二）部门收支预决算情况',
        RICH_MONEY,
        RICH_PROJECT_SENTENCE_END,
        RICH_TABLE.head,
        RICH_TABLE.line,
        RICH_TABLE.total,
      ]),
    ).toEqual([]);
    // the budget table (the second) has five columns
    const budgetTable = (document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) as RegExpMatchArray)[1];
    expect(budgetTable.match(/<w:gridCol /g)).toHaveLength(5);
  });
});
