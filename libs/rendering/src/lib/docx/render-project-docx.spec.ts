import { squash } from '@evalflow/samples/testing';
import { docxParts, wordText, type DocxParts } from '../../test/extract';
import { PROVINCIAL_CODE, provincialFacts, provincialInput } from '../../test/projects';
import { APPROVAL_DATE, notInOrder } from '../../test/sample';
import { renderDocx } from './render-docx';

/** The columns each row of a WordprocessingML table covers: its cells' grid spans (merged-down cells included). */
function rowWidths(tableXml: string): number[] {
  return [...tableXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
    [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
      .map(([, tc]) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1))
      .reduce((a, b) => a + b, 0),
  );
}

describe('renderDocx: the 项目支出绩效自评表', () => {
  let approved: DocxParts;
  let draft: DocxParts;
  let submitted: DocxParts;
  let text: string;

  beforeAll(async () => {
    approved = await docxParts(await renderDocx(provincialInput()));
    draft = await docxParts(await renderDocx(provincialInput({ watermark: '草稿', approval: null })));
    submitted = await docxParts(await renderDocx(provincialInput({ watermark: '送审稿', approval: null })));
    text = wordText(approved.document);
  });

  it('document.xml has every fact of the table in reading order, and not the 项目编码', () => {
    expect(notInOrder(squash(text), provincialFacts())).toEqual([]);
    expect(text).not.toContain(PROVINCIAL_CODE);
  });

  it('is one table of nine grid columns, every row filling them, labels merged down their rows', () => {
    const tables = approved.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const table = tables[0] as string;
    expect(table.match(/<w:gridCol /g)).toHaveLength(9);
    const widths = rowWidths(table);
    // 项目名称, 主管部门; 5 of 项目资金; 2 of 年度总体目标; 6 of 绩效指标; 总分, 评价等级
    expect(widths).toHaveLength(17);
    expect(new Set(widths)).toEqual(new Set([9]));
    // 项目资金, 年度总体目标, 绩效指标, 产出指标
    expect(table.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(4);
  });

  it('sets the table in 五号 (10.5 pt) with exact 13 pt lines, on a page without the body text’s line grid', () => {
    const table = (approved.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/) as RegExpMatchArray)[0];
    const sizes = new Set([...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(sizes).toEqual(new Set(['21']));
    expect(table).toContain('w:line="260" w:lineRule="exact"');
    expect(approved.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(approved.document).not.toContain('w:type="lines"');
  });

  it('names the document after the project, as the file is named', () => {
    expect(approved.core).toContain(
      '<dc:title>赵县总工会2024年度2024年困难职工及劳模帮扶救助专项资金（省级）项目支出绩效自评表</dc:title>',
    );
    expect(approved.core).toContain('<dc:description>项目支出绩效自评表</dc:description>');
  });

  it('marks a draft 草稿 and a submitted revision 送审稿; only an approved one has the approval block', () => {
    const watermark = (parts: DocxParts) => parts.headers.map((h) => /<v:textpath [^>]*string="([^"]*)"/.exec(h)?.[1]);
    expect(new Set(watermark(draft))).toEqual(new Set(['草稿']));
    expect(new Set(watermark(submitted))).toEqual(new Set(['送审稿']));
    expect(approved.headers).toEqual([]);
    expect(text.endsWith(`审核结论：审核通过\n审核人：王建国\n审核日期：${APPROVAL_DATE}`)).toBe(true);
    for (const other of [draft, submitted]) expect(wordText(other.document)).not.toContain('审核');
  });
});
