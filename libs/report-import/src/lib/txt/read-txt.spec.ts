import { readFileSync } from 'fs';
import { join } from 'path';
import { zhaoxianSampleBytes } from '../../../test/sample';
import { findFigures } from '../figures/find-figures';
import { ImportRefused } from '../import-refused';
import type { SourceBlock, SourceTable } from '../source-document';
import { readTxt, type TxtLimits } from './read-txt';

const texts = (blocks: SourceBlock[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.text : cells(b)));
const cells = (table: SourceTable) => table.rows.map((r) => r.map((c) => c.text));
const tables = (blocks: SourceBlock[]) => blocks.filter((b): b is SourceTable => b.kind === 'table');

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportRefused) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

describe('readTxt on the sample (text copied from the PDF)', () => {
  const { document, encoding, layout, dropped } = readTxt(zhaoxianSampleBytes());
  const paragraphs = document.blocks
    .filter((b) => b.kind === 'paragraph')
    .map((b) => (b.kind === 'paragraph' ? b.text : ''));

  it('learns the layout: double-spaced, hard-wrapped at 28 characters', () => {
    expect(encoding).toBe('utf-8');
    expect(layout).toEqual({ doubleSpaced: true, lineWidth: 56 });
    expect(dropped).toEqual([{ line: 132, text: '- 4 -', reason: 'page_number' }]);
  });

  it('finds its two tables with their rows and columns, the wrapped header cell joined back', () => {
    const found = tables(document.blocks);
    expect(found.map((t) => [t.index, t.rows.length, t.rows[0].length])).toEqual([
      [14, 2, 4],
      [46, 4, 3],
    ]);
    expect(cells(found[0])).toEqual([
      ['单位名称', '单位性质', '单位规格', '经费保障形式'],
      ['赵县总工会', '行政', '正科级', '财政拨款'],
    ]);
    expect(cells(found[1])[0]).toEqual(['杜力伟', '赵县总工会', '党组书记、常务副主席']);
    expect(found.every((t) => t.rows.flat().every((c) => c.colSpan === 1 && c.rowSpan === 1 && !c.covered))).toBe(true);
  });

  it('joins wrapped lines into whole paragraphs, across the page break', () => {
    expect(document.blocks).toHaveLength(47);
    expect(paragraphs).toContain('截至 2024 年年底，我单位实有行政人员 4 人，与 2023 年相比较减少 1 人。');
    expect(paragraphs).toContain('六、评价工作组人员名单及签字（姓名、工作单位、职务、职称）');
    expect(paragraphs).toContain('根据项目执行情况和项目绩效情况，总得分 95 分，等级为优秀。');
    const goals = paragraphs.find((p) => p.startsWith('1.工会会同用人单位')) ?? '';
    // the inline list 1.…；2.…；9. stays one paragraph, "4. 根据《石家庄市总工会关于" + page break + "配套在职…" joined
    expect(goals).toContain('；4. 根据《石家庄市总工会关于配套在职职工团体保险项目资金的通知》');
    expect(goals).toContain('应缴金额 10万元；9.为做好全县困难劳模帮扶工作');
    expect(goals.endsWith('及时将市财政资金送到困难劳模手中。')).toBe(true);
    expect(paragraphs.filter((p) => p.includes('- 4 -'))).toEqual([]);
  });

  it('gives paragraphs in which the figures of the prose are found whole', () => {
    const assets = paragraphs.find((p) => p.startsWith('资产情况')) ?? '';
    expect(findFigures(assets).map((f) => `${f.kind}:${f.value}`)).toEqual([
      'date:2024-12-31',
      'amount:400.21',
      'percent:1.9',
      'amount:0',
      'percent:0',
      'amount:400.21',
      'percent:1.9',
    ]);
    const budget = paragraphs.find((p) => p.startsWith('2024 年年初项目预算')) ?? '';
    expect(
      findFigures(budget)
        .filter((f) => f.kind === 'docNumber')
        .map((f) => f.value),
    ).toEqual(['冀财行〔2023〕98号', '石财行〔2024〕25号']);
  });
});

describe('readTxt encodings', () => {
  const expected = ['赵县总工会部门2024年度整体支出绩效自评报告', '一、部门基本情况', '（一）部门概况'];

  it('reads GB18030/GBK (a file saved by Chinese Windows), CRLF line ends, a tab-separated table', () => {
    const result = readTxt(readFileSync(join(__dirname, '../../../test/fixtures/gbk-variant.txt')));
    expect(result.encoding).toBe('gb18030');
    expect(texts(result.document.blocks)).toEqual([
      ...expected,
      '截至2024年12月31日，我单位资产总额400.21万元，较上年减少1.9%。',
      [
        ['单位名称', '单位性质', '单位规格', '经费保障形式'],
        ['赵县总工会', '行政', '正科级', '财政拨款'],
      ],
    ]);
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 with its BOM', () => {
    const text = expected.join('\n');
    const utf8 = Buffer.from(text, 'utf8');
    for (const bytes of [
      utf8,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    ]) {
      expect(texts(readTxt(bytes).document.blocks)).toEqual(expected);
    }
    expect(readTxt(utf8).encoding).toBe('utf-8');
  });

  it('refuses a binary file', () => {
    expect(refusal(() => readTxt(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x00, 0x41])))).toEqual({
      code: 'IMPORT_NOT_TEXT',
      message: '文件不是文本文件（应为 UTF-8 或 GBK 编码的 .txt）',
    });
  });
});

describe('readTxt limits', () => {
  const limits: TxtLimits = { maxBytes: 100, maxLines: 5, maxLineLength: 20 };

  it('refuses a file over the size, line or line-length limit, or empty, with a stable code and a Chinese message', () => {
    expect(refusal(() => readTxt(Buffer.alloc(101, 0x41), limits))).toEqual({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: '文件超过大小上限，请删去图片等内容后重试',
    });
    expect(refusal(() => readTxt('一\n二\n三\n四\n五\n六', limits)).code).toBe('IMPORT_TOO_MANY_LINES');
    expect(refusal(() => readTxt('短\n' + '长'.repeat(21), limits)).code).toBe('IMPORT_LINE_TOO_LONG');
    expect(refusal(() => readTxt(' \n\n- 3 -\n', limits)).code).toBe('IMPORT_EMPTY');
    expect(readTxt('一\n二\n三\n四\n五', limits).document.blocks).toHaveLength(5);
  });

  it('has the default limit at 2 MB', () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0x41);
    expect(refusal(() => readTxt(big)).code).toBe('IMPORT_FILE_TOO_LARGE');
  });
});

describe('readTxt on the sample as Word saves it as text', () => {
  it('reads one paragraph per line and tab-separated tables to the same document as the PDF copy', () => {
    const fromPdf = readTxt(zhaoxianSampleBytes()).document;
    // Word's "纯文本" export: a paragraph per line, a table row per line with tabs between cells, CRLF, a BOM
    const lines = fromPdf.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? [b.text] : b.rows.map((r) => r.map((c) => c.text).join('\t')),
    );
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
    const fromWord = readTxt(bytes);
    expect(fromWord.layout).toEqual({ doubleSpaced: false, lineWidth: null });
    expect(fromWord.document).toEqual(fromPdf);
  });
});
