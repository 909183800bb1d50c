import { readTxt } from './read-txt';
import { splitRow } from './text-rows';
import { findTextTables } from './text-tables';

const grid = (lines: string[]) =>
  findTextTables(lines).map((t) => ({
    lines: [t.firstLine, t.lastLine],
    rows: t.rows.map((r) => r.map((c) => c.text)),
  }));

describe('splitRow', () => {
  it.each([
    ['单位名称\t单位性质\t经费保障形式', ['单位名称', '单位性质', '经费保障形式'], 'tab'],
    ['│ 单位名称 │ 单位性质 │', ['单位名称', '单位性质'], 'box'],
    ['| 项目 | 178.646 |', ['项目', '178.646'], 'box'],
    ['上解市总工会经费    47    47    100%', ['上解市总工会经费', '47', '47', '100%'], 'spaces'],
    ['预算执行率　100%', ['预算执行率', '100%'], 'spaces'],
    ['赵县总工会 行政 正科级 财政拨款', ['赵县总工会', '行政', '正科级', '财政拨款'], 'space'],
    ['劳模体检费 2.82 万元 2.82 万元', ['劳模体检费', '2.82 万元', '2.82 万元'], 'space'],
  ])('%s', (line, cells, separator) => {
    expect(splitRow(line)).toEqual({ cells, separator });
  });

  it.each([
    '截至 2024 年年底，我单位实有行政人员 4 人',
    '2024 年度整体支出绩效自评报告',
    '附件',
    '+------+------+',
    '├──────┼──────┤',
    '“七一颂党恩 礼赞新赵州”文艺演出等系列活动，以重',
    '我单位成立了绩效自评工作小组，  自评工作专人负责，  评价资料完整。',
  ])('is no row: %s', (line) => {
    expect(splitRow(line)).toBeNull();
  });
});

describe('findTextTables', () => {
  it('needs two rows of one column count', () => {
    expect(grid(['部门机构设置情况', '单位名称\t单位性质', '正文。'])).toEqual([]);
    expect(grid(['a\tb', 'c\td', 'e\tf\tg', 'h\ti\tj'])).toEqual([
      {
        lines: [0, 1],
        rows: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
      {
        lines: [2, 3],
        rows: [
          ['e', 'f', 'g'],
          ['h', 'i', 'j'],
        ],
      },
    ]);
  });

  it('reads a drawn table, its rule lines part of it, its header kept as row 0', () => {
    const lines = ['┌────┬────┐', '│指标│分值│', '├────┼────┤', '│产出│50│', '│效益│30│', '└────┴────┘'];
    expect(grid(lines)).toEqual([
      {
        lines: [0, 5],
        rows: [
          ['指标', '分值'],
          ['产出', '50'],
          ['效益', '30'],
        ],
      },
    ]);
  });

  it('joins a header cell wrapped onto the next line back to the table width', () => {
    const lines = [
      '单位名称 单位性质 单位规',
      '格 经费保障形式',
      '赵县总工会 行政 正科级 财政拨款',
      '赵县总工会职工服务中心 事业 股级 财政拨款',
    ];
    expect(grid(lines)[0].rows).toEqual([
      ['单位名称', '单位性质', '单位规格', '经费保障形式'],
      ['赵县总工会', '行政', '正科级', '财政拨款'],
      ['赵县总工会职工服务中心', '事业', '股级', '财政拨款'],
    ]);
  });

  it('does not mix single-space rows with tab rows', () => {
    expect(grid(['甲 乙', '丙\t丁'])).toEqual([]);
  });
});

describe('readTxt paragraphs', () => {
  const para = (text: string) =>
    readTxt(text).document.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

  it('keeps one paragraph per line when lines are not wrapped at a width', () => {
    expect(para('一、部门基本情况\n赵县总工会为行政机关。\n\n监督检查《工会法》的贯彻执行情况。\n')).toEqual([
      '一、部门基本情况',
      '赵县总工会为行政机关。',
      '监督检查《工会法》的贯彻执行情况。',
    ]);
  });

  it('joins hard-wrapped lines, ending a paragraph at a short line, an indented line or a heading', () => {
    const full = '根据党的路线方针政策和各个时期的中心任务以及县委的指示和决定，'; // 31 wide characters
    const text = [
      '一、部门基本情况',
      `\u3000\u3000${full}`,
      full,
      full,
      '确定工作的方针。',
      `\u3000\u3000${full}`,
      full,
      '指导全县工会工作。',
      '（一）部门概况',
      full,
      'Budget performance evaluation of the county trade union,',
      'report.',
    ].join('\n');
    expect(para(text)).toEqual([
      '一、部门基本情况',
      `${full}${full}${full}确定工作的方针。`,
      `${full}${full}指导全县工会工作。`,
      '（一）部门概况',
      `${full}Budget performance evaluation of the county trade union, report.`,
    ]);
  });
});

describe('readTxt numbered lines in wrapped text', () => {
  it('does not break a paragraph at a wrapped line that only starts like a number', () => {
    const full = '贯彻落实县委县政府全面落实预算绩效管理的实施意见的文件精神（[2019]';
    const text = [
      '一、部门基本情况',
      full,
      full,
      full,
      full,
      '12）文件精神，遵循科学性、规范性、客观性和公正性的原则，开展绩',
      '效自评。',
    ].join('\n');
    const blocks = readTxt(text).document.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(blocks).toEqual([
      '一、部门基本情况',
      `${full.repeat(4)}12）文件精神，遵循科学性、规范性、客观性和公正性的原则，开展绩效自评。`,
    ]);
  });
});
