import { defaultTemplate, type OutlineNode } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024, zhaoxianProvincialRelief2024 } from '@evalflow/samples';
import { squash } from '@evalflow/samples/testing';
import { TemplatePreviewRefused, TEMPLATE_PREVIEW_LIMITS, renderTemplatePreview } from '../index';
import { docxParts, pdfBody, pdfPages, wordText, type DocxParts } from '../test/extract';
import { normalise, notInOrder } from '../test/sample';
import {
  COUNTY_PROJECT,
  countyProjectInput,
  EIGHT_PART,
  EIGHT_PART_HEADINGS,
  EIGHT_PART_OMITTING,
  EIGHT_PART_ORDER,
  eightPartInput,
} from '../test/templates';
import { renderDocx } from './docx/render-docx';
import { renderPdf } from './pdf/render-pdf';

const omitted = [
  '资产情况',
  normalise(ZHAOXIAN_UNION_2024.goals.items[0].text).slice(0, 20),
  '改进措施或建议',
  '第八部分',
];

describe('a 部门整体 report under the eight-part built-in, as a PDF', () => {
  let text: string;
  let omittingText: string;

  beforeAll(async () => {
    text = normalise(pdfBody(pdfPages(await renderPdf(eightPartInput()))));
    omittingText = normalise(pdfBody(pdfPages(await renderPdf(eightPartInput({ template: EIGHT_PART_OMITTING })))));
  });

  it('pdftotext finds 第一部分…第八部分 with （一） below, in order', () => {
    expect(notInOrder(text, EIGHT_PART_HEADINGS)).toEqual([]);
  });

  it('pdftotext finds each section under its heading, the goals before the money, the 自评表 last', () => {
    expect(notInOrder(text, EIGHT_PART_ORDER.map(normalise))).toEqual([]);
  });

  it('has nothing of what a template omits', () => {
    expect(
      notInOrder(omittingText, ['第一部分部门概况', '第二部分部门收支及预算执行情况', '第七部分评价工作组']),
    ).toEqual([]);
    for (const gone of omitted) expect(omittingText).not.toContain(gone);
    expect(omittingText).toContain('部门整体支出绩效自评表');
  });
});

describe('a 部门整体 report under the eight-part built-in, as a DOCX', () => {
  let approved: DocxParts;
  let text: string;
  let omittingText: string;

  beforeAll(async () => {
    approved = await docxParts(await renderDocx(eightPartInput()));
    text = normalise(wordText(approved.document));
    omittingText = normalise(
      wordText((await docxParts(await renderDocx(eightPartInput({ template: EIGHT_PART_OMITTING })))).document),
    );
  });

  it('document.xml has 第一部分…第八部分 with （一） below and each section under its heading, in order', () => {
    expect(notInOrder(text, EIGHT_PART_HEADINGS)).toEqual([]);
    expect(notInOrder(text, EIGHT_PART_ORDER.map(normalise))).toEqual([]);
  });

  it('sets a level-1 heading in 黑体 and a level-2 one in 楷体, whatever their numbering', () => {
    const paragraphOf = (needle: string) =>
      (approved.document.split('</w:p>').find((p) => p.includes(needle)) as string) ?? '';
    expect(paragraphOf('第一部分 部门概况')).toMatch(/w:eastAsia="黑体"/);
    expect(paragraphOf('（一）部门职能')).toMatch(/w:eastAsia="楷体_GB2312"/);
  });

  it('has nothing of what a template omits', () => {
    for (const gone of omitted) expect(omittingText).not.toContain(gone);
    expect(omittingText).toContain('第二部分部门收支及预算执行情况');
  });
});

describe('a 项目支出绩效自评表 under a county’s template', () => {
  it('prints the template’s 附件 label and title in the PDF and the DOCX', async () => {
    const [pdf, docx] = await Promise.all([renderPdf(countyProjectInput()), renderDocx(countyProjectInput())]);
    const expected = [
      '附件3',
      squash(COUNTY_PROJECT.document.tableTitle),
      '（2024年度）',
      '年度目标预期目标实际完成情况',
    ];
    const pdfText = squash(pdfBody(pdfPages(pdf)));
    const docxText = squash(wordText((await docxParts(docx)).document));
    for (const out of [pdfText, docxText]) {
      expect(notInOrder(out, expected)).toEqual([]);
      expect(out.startsWith('附件3')).toBe(true);
      expect(out).not.toContain('填表人');
    }
  });
});

describe('renderTemplatePreview', () => {
  it('renders the sample under a template, marked 模板预览 on every page', async () => {
    const pdf = await renderTemplatePreview(EIGHT_PART, ZHAOXIAN_UNION_2024, 'pdf', { fiscalYear: 2024 });
    const pages = pdfPages(pdf).map(squash);
    expect(pages.every((page) => page.includes('模板预览'))).toBe(true);
    expect(notInOrder(normalise(pdfBody(pdfPages(pdf))), EIGHT_PART_HEADINGS)).toEqual([]);
    expect(squash(pdfBody(pdfPages(pdf)))).not.toContain('审核人');

    const docx = await docxParts(
      await renderTemplatePreview(COUNTY_PROJECT, zhaoxianProvincialRelief2024(), 'docx', { fiscalYear: 2024 }),
    );
    expect(new Set(docx.headers.map((h) => /<v:textpath [^>]*string="([^"]*)"/.exec(h)?.[1]))).toEqual(
      new Set(['模板预览']),
    );
    expect(squash(wordText(docx.document)).startsWith(`附件3${squash(COUNTY_PROJECT.document.tableTitle)}`)).toBe(true);
  });

  it('refuses content of the other kind, content or an outline too large, and a definition of the wrong shape', async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (error: unknown) => error as TemplatePreviewRefused,
      );

    const otherKind = await refusal(renderTemplatePreview(EIGHT_PART, zhaoxianProvincialRelief2024(), 'pdf'));
    expect(otherKind).toBeInstanceOf(TemplatePreviewRefused);
    expect(otherKind?.problems).toEqual([{ path: 'kind', message: '预览内容与模板的报告类型不一致' }]);

    const large = structuredClone(ZHAOXIAN_UNION_2024);
    large.basicInfo.functions = Array.from({ length: 8 }, () => '职'.repeat(2000));
    expect(JSON.stringify(large).length).toBeGreaterThan(TEMPLATE_PREVIEW_LIMITS.contentChars);
    expect((await refusal(renderTemplatePreview(EIGHT_PART, large, 'pdf')))?.message).toMatch(
      /^模板预览无法生成：预览内容过长/,
    );

    const deep: OutlineNode = { title: '一', sections: ['conclusion'], children: [] };
    let node = deep;
    for (let i = 0; i < 4; i++) node = node.children[0] = { title: '下级', sections: [], children: [] };
    const tooDeep = await refusal(
      renderTemplatePreview({ ...EIGHT_PART, outline: [deep] }, ZHAOXIAN_UNION_2024, 'pdf'),
    );
    expect(tooDeep?.problems).toEqual([{ path: 'outline', message: '标题最多 3 级' }]);

    const broken = await refusal(
      renderTemplatePreview({ ...defaultTemplate('department_overall'), outline: [] }, ZHAOXIAN_UNION_2024, 'docx'),
    );
    expect(broken?.problems).toEqual([{ path: 'outline', message: '至少一个一级标题' }]);
  });
});
