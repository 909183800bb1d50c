import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import type { SourceCell, SourceTable } from '../source-document';
import { handDocx, p, tbl, tc } from './build-docx.spec-helper';
import { readDocx } from './read-docx';

/** A grid drawn as text: covered places as 「·」, spans as [cN] / [rN]. */
const draw = (table: SourceTable) =>
  table.rows.map((row) =>
    row.map((c: SourceCell) =>
      c.covered ? '·' : `${c.text}${c.colSpan > 1 ? `[c${c.colSpan}]` : ''}${c.rowSpan > 1 ? `[r${c.rowSpan}]` : ''}`,
    ),
  );

async function tables(body: string): Promise<string[][][]> {
  const doc = await readDocx(await handDocx({ body }));
  return doc.blocks.filter((b): b is SourceTable => b.kind === 'table').map(draw);
}

const restart = '<w:vMerge w:val="restart"/>';
const cont = '<w:vMerge/>';
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;

describe('readDocx: tables from hand-written XML', () => {
  it('lays out w:gridSpan and w:vMerge restart/continue on the grid, covered places empty', async () => {
    const body = tbl(
      4,
      tc('', p('一级指标')) + tc('', p('二级指标')) + tc(span(2), p('三级指标')),
      tc(restart, p('产出指标')) + tc(restart, p('数量指标')) + tc('', p('上解经费')) + tc('', p('47')),
      tc(cont) + tc('<w:vMerge w:val="continue"/>') + tc('', p('帮扶资金')) + tc('', p('28.826')),
      tc(cont) + tc('', p('质量指标')) + tc('', p('缴纳率')) + tc('', p('100%')),
      tc(span(3), p('总分')) + tc('', p('100')),
    );
    expect(await tables(body)).toEqual([
      [
        ['一级指标', '二级指标', '三级指标[c2]', '·'],
        ['产出指标[r3]', '数量指标[r2]', '上解经费', '47'],
        ['·', '·', '帮扶资金', '28.826'],
        ['·', '质量指标', '缴纳率', '100%'],
        ['总分[c3]', '·', '·', '100'],
      ],
    ]);
  });

  it('merges a block spanning rows and columns: its continuations cover every place', async () => {
    const body = tbl(
      3,
      tc(`${span(2)}${restart}`, p('合并')) + tc('', p('右')),
      tc(`${span(2)}${cont}`) + tc('', p('右二')),
      tc('', p('左')) + tc('', p('中')) + tc('', p('右三')),
    );
    const [table] = (await readDocx(await handDocx({ body }))).blocks as SourceTable[];
    expect(draw(table)).toEqual([
      ['合并[c2][r2]', '·', '右'],
      ['·', '·', '右二'],
      ['左', '中', '右三'],
    ]);
    expect(table.rows[0][0]).toEqual({ text: '合并', colSpan: 2, rowSpan: 2, covered: false });
    expect(table.rows[1][1]).toEqual({ text: '', colSpan: 1, rowSpan: 1, covered: true });
  });

  it('keeps the grid rectangular: w:gridBefore and short rows are empty places; an orphan continuation is a cell', async () => {
    const body = tbl(
      3,
      tc(cont, p('孤立的续接')) + tc('', p('b')) + tc('', p('c')),
      '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc('', p('e')) + '</w:tr>',
      tc('', p('g')) + tc('', p('h')) + tc('', p('i')) + tc('', p('超出网格')),
    );
    expect(await tables(body)).toEqual([
      [
        ['孤立的续接', 'b', 'c', ''],
        ['', 'e', '', ''],
        ['g', 'h', 'i', '超出网格'],
      ],
    ]);
  });

  it('joins a cell’s paragraphs with \\n, flattens a nested table into its text and reads the old w:hMerge', async () => {
    const nested = tbl(2, tc('', p('内1')) + tc('', p('内2')), tc('', p('内3')) + tc('', p('内4')));
    const body = tbl(
      3,
      tc('', p('第一段'), p('第二段')) + tc('', nested) + tc('', p('x')),
      tc('<w:hMerge w:val="restart"/>', p('横向合并')) + tc('<w:hMerge/>') + tc('', p('y')),
    );
    expect(await tables(body)).toEqual([
      [
        ['第一段\n第二段', '内1\t内2\n内3\t内4', 'x'],
        ['横向合并[c2]', '·', 'y'],
      ],
    ]);
  });

  it('leaves out rows and cells deleted with changes tracked, and reads rows and cells inside content controls', async () => {
    const body = tbl(
      2,
      tc('', p('a')) + tc('', p('b')),
      `<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>${tc('', p('删除的行'))}${tc('', p('删'))}</w:tr>`,
      `<w:sdt><w:sdtPr/><w:sdtContent><w:tr>${tc('', p('c'))}<w:sdt><w:sdtPr/><w:sdtContent>${tc(
        '',
        p('d'),
      )}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>`,
      `<w:tr>${tc('', p('e'))}${tc('<w:cellDel w:id="2" w:author="x"/>', p('删除的格'))}${tc('', p('f'))}</w:tr>`,
    );
    expect(await tables(body)).toEqual([
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
    ]);
  });
});

describe('readDocx: a document written by the docx package', () => {
  it('reads headings with their style and outline level, runs with tabs and breaks, and a table with merged cells', async () => {
    const cell = (text: string, options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...options });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '一、部门基本情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '（一）部门概况', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({
              alignment: AlignmentType.BOTH,
              children: [
                new TextRun('资产总额'),
                new TextRun({ text: '400.21', bold: true }),
                new TextRun({ children: ['\t万元'] }),
                new TextRun({ text: '较上年减少1.9%', break: 1 }),
              ],
            }),
            new Table({
              columnWidths: [2000, 2000, 2000],
              rows: [
                new TableRow({ children: [cell('年度预算执行情况（万元）', { columnSpan: 3 })] }),
                new TableRow({
                  children: [cell('产出指标', { rowSpan: 2 }), cell('数量指标'), cell('47万元')],
                }),
                new TableRow({ children: [cell('质量指标'), cell('100%')] }),
                new TableRow({
                  children: [
                    cell('效益指标', { verticalMerge: VerticalMergeType.RESTART }),
                    cell('社会效益指标'),
                    cell('明显丰富'),
                  ],
                }),
                new TableRow({
                  children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('可持续'), cell('部分达成')],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const doc = await readDocx(await Packer.toBuffer(document));
    const [h1, h2, text, table] = doc.blocks;
    expect(h1).toEqual({ kind: 'paragraph', index: 0, text: '一、部门基本情况', style: 'Heading 1', outlineLevel: 0 });
    expect(h2).toEqual({ kind: 'paragraph', index: 1, text: '（一）部门概况', style: 'Heading 2', outlineLevel: 1 });
    expect(text).toMatchObject({ kind: 'paragraph', index: 2, text: '资产总额400.21\t万元\n较上年减少1.9%' });
    expect(table.kind).toBe('table');
    expect(draw(table as SourceTable)).toEqual([
      ['年度预算执行情况（万元）[c3]', '·', '·'],
      ['产出指标[r2]', '数量指标', '47万元'],
      ['·', '质量指标', '100%'],
      ['效益指标[r2]', '社会效益指标', '明显丰富'],
      ['·', '可持续', '部分达成'],
    ]);
    expect(doc.blocks).toHaveLength(4);
  });
});
