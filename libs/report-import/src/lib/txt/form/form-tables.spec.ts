import { readTxt } from '../read-txt';

/** The blocks of a text: a paragraph as its text, a table as its rows (a covered place as ^, trailing empties cut). */
function blocks(text: string): Array<string | string[][]> {
  return readTxt(text).document.blocks.map((b) =>
    b.kind === 'paragraph'
      ? b.text
      : b.rows.map((row) => {
          const cells = row.map((c) => (c.covered ? '^' : c.text));
          while (cells.length && cells[cells.length - 1] === '') cells.pop();
          return cells;
        }),
  );
}
const tables = (text: string) => blocks(text).filter((b): b is string[][] => typeof b !== 'string');

/** 四川's 项目支出绩效自评表, one cell a line ended by 「|」, an empty cell an empty line: 青神's layout. */
const BAR = `部门预算项目支出绩效自评表(2024年度) |
项目名称 |
11000024R000000000001-慰问困难职工 |
主管部门 |
某县总工会 |
实施单位 (盖章) |
某县职工服务中心 |
项目基本情况 |
1.项目年度目标完成情况 |
项目年度目标 |
年度目标完成情况 |
慰问困难职工200人。 |
对照年度目标,说明相关任务目标的完成情况(100字以内) |
2.项目实施内容及过程概述 |
|
预算执行情况(10分) |
年度预算数(万元) |
年初预算 |
调整后预算数 |
预算执行数 |
预算执行率 |
权重 |
得分 |
原因 |
总额 |
20.00 |
20.00 |
19.50 |
97.50% |
10 |
9.75 |
1.预算执行率=预算执行数/调整后预算数。 |
其中:财政资金 |
20.00 |
20.00 |
19.50 |
97.50% |
/ |
/ |
其他资金 |
|
|
|
|
/ |
/ |
绩效指标(90分) |
一级指标 |
二级指标 |
三级指标 |
指标性质 |
指标值 |
度量单位 |
完成值 |
权重 |
得分 |
未完成原因分析 |
产出指标 |
数量指标 |
慰问人数 |
≥ |
200 |
人 |
205 |
50 |
50 |
|
质量指标 |
资金发放准确率 |
= |
100 |
% |
100 |
20 |
20 |
|
效益指标 |
社会效益指标 |
困难职工生活改善 |
定性 |
明显改善 |
|
明显改善 |
20 |
18 |
个别未回访 |
合计 |
90 |
88 |
|
评价结论 |
`;

describe('form tables in text: one cell a line ended by | (empty cells kept)', () => {
  it('rebuilds the grid: each value under its header, a merged 原因 leaving the rows below it short, levels merged down', () => {
    const [grid] = tables(BAR);
    expect(grid.slice(0, 3)).toEqual([
      ['项目名称', '11000024R000000000001-慰问困难职工'],
      ['主管部门', '某县总工会'],
      ['实施单位 (盖章)', '某县职工服务中心'],
    ]);
    expect(grid).toContainEqual(['', '', '慰问困难职工200人。', '对照年度目标,说明相关任务目标的完成情况(100字以内)']);
    expect(grid).toContainEqual([
      '',
      '总额',
      '20.00',
      '20.00',
      '19.50',
      '97.50%',
      '10',
      '9.75',
      '1.预算执行率=预算执行数/调整后预算数。',
    ]);
    expect(grid).toContainEqual(['', '其中:财政资金', '20.00', '20.00', '19.50', '97.50%', '/', '/']);
    expect(grid).toContainEqual(['', '其他资金', '', '', '', '', '/', '/']);
    const head = grid.findIndex((r) => r.includes('一级指标'));
    expect(grid.slice(head + 1)).toEqual([
      ['', '', '产出指标', '数量指标', '慰问人数', '≥', '200', '人', '205', '50', '50'],
      ['', '', '^', '质量指标', '资金发放准确率', '=', '100', '%', '100', '20', '20'],
      [
        '',
        '',
        '效益指标',
        '社会效益指标',
        '困难职工生活改善',
        '定性',
        '明显改善',
        '',
        '明显改善',
        '20',
        '18',
        '个别未回访',
      ],
      // 合计 spans the columns before its numbers: they stand under the last ones
      ['', '', '合计', '', '', '', '', '', '', '90', '88'],
    ]);
    expect(blocks(BAR).at(-1)).toBe('评价结论 |');
  });

  it('takes no row whose cells are one short: the next row’s first cell would stand in its last column', () => {
    // the first row lost its empty 未完成原因分析 cell; the second starts with its 三级指标 (数量指标 merged down)
    const short = BAR.replace('50 |\n50 |\n|\n质量指标 |\n', '50 |\n50 |\n');
    const grid = tables(short)[0];
    expect(grid.some((r) => r.includes('慰问人数'))).toBe(false);
    // the table ends with its last row read; the indicators stay text
    expect(grid.at(-1)).toContain('其他资金');
    expect(blocks(short)).toContain('慰问人数 |');
  });

  it('finds such a stretch of lines inside prose, the prose around it kept as paragraphs', () => {
    const text = `一、项目基本情况\n本项目用于慰问困难职工。\n${BAR}二、自评结论\n总体完成年度目标。`;
    const all = blocks(text);
    expect(all.slice(0, 3)).toEqual([
      '一、项目基本情况',
      '本项目用于慰问困难职工。',
      '部门预算项目支出绩效自评表(2024年度) |',
    ]);
    expect(tables(text)).toHaveLength(1);
    expect(all.slice(-2)).toEqual(['二、自评结论', '总体完成年度目标。']);
  });
});

/** The same form as a pipe table a row a line, its empty cells lost and the rows padded at the end: 大英's layout. */
const PIPE = `部门预算项目支出绩效自评表(2024年度) | ||||||||||
项目名称 | 慰问困难职工 | |||||||||
主管部门 | 某县总工会 | 实施单位 | 某县职工服务中心 | |||||||
项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 | |||||||
慰问困难职工200人。 | 已慰问205人。 | |||||||||
2.项目实施内容及过程概述 | 按计划发放慰问金。 | |||||||||
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||
总额 | 20.00 | 20.00 | 19.50 | 97.50% | 10 | 9.75 | 略 | |||
其中:财政资金 | 20.00 | 20.00 | 19.50 | 97.50% | / | / | ||||
其他资金 | / | / | ||||||||
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
产出指标 | 数量指标 | 慰问人数 | ≥ | 200 | 人 | 205 | 50 | 50 | |
质量指标 | 资金发放准确率 | = | 100 | % | 100 | 20 | 20 | |
效益指标 | 社会效益指标 | 困难职工生活改善 | 定性 | 明显改善 | 明显改善 | 20 | 18 | |
满意度指标 | 服务对象满意度指标 | 职工满意度 | ≥ | 90 |`;

describe('form tables in text: a pipe table, empty cells lost', () => {
  it('aligns each row under the header whose section label it lacks, and reads the cut last row as far as it goes', () => {
    const [grid] = tables(PIPE);
    expect(grid).toContainEqual(['', '', '慰问困难职工200人。', '已慰问205人。']);
    expect(grid).toContainEqual(['', '总额', '20.00', '20.00', '19.50', '97.50%', '10', '9.75', '略']);
    expect(grid).toContainEqual(['', '其中:财政资金', '20.00', '20.00', '19.50', '97.50%', '/', '/']);
    const head = grid.findIndex((r) => r.includes('一级指标'));
    expect(grid.slice(head + 1)).toEqual([
      ['', '', '产出指标', '数量指标', '慰问人数', '≥', '200', '人', '205', '50', '50'],
      ['', '', '^', '质量指标', '资金发放准确率', '=', '100', '%', '100', '20', '20'],
      // no unit: 明显改善 twice is 指标值 and 完成值, the only way its cells fit
      ['', '', '效益指标', '社会效益指标', '困难职工生活改善', '定性', '明显改善', '', '明显改善', '20', '18'],
      ['', '', '满意度指标', '服务对象满意度指标', '职工满意度', '≥', '90'],
    ]);
  });

  it('leaves a row whose cells could stand in more than one place, and what follows it, out of the grid', () => {
    // 其他资金's two dashes: under 年初预算 and 调整后预算数, or under 权重 and 得分?
    const [grid] = tables(PIPE);
    expect(grid).toContainEqual(['其他资金 / /']);
    // 完成值 missing: 20 and 18 are 完成值 and 权重, or 权重 and 得分
    const ambiguous = PIPE.replace('| 定性 | 明显改善 | 明显改善 | 20 | 18 |', '| ≥ | 90 | % | 20 | 18 |');
    const rows = tables(ambiguous)[0];
    expect(rows.some((r) => r.includes('困难职工生活改善'))).toBe(false);
    expect(rows.at(-1)).toContain('资金发放准确率');
  });
});

/** The form's cells separated by spaces on one line, empty cells lost: 棠溪's layout. */
const SPACED =
  '附件: 项目支出绩效自评表 (2024年度) 项目名称 慰问困难职工 主管部门 某县总工会 实施单位 某县职工服务中心 ' +
  '项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 20 20 19.5 10 97.5 9.75 ' +
  '其中:本年财政拨款 20 20 19.5 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 慰问困难职工200人。 已慰问205人。 ' +
  '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 ' +
  '产出指标(50分) 数量指标 慰问人数 ≥200人 205 30 30 质量指标 资金发放准确率 100% 100% 20 20 ' +
  '效益指标(40分) 经济效益指标 社会效益指标 困难职工生活改善 明显改善 达成预期指标 20 18 个别未回访 生活保障水平 提高 达成 20 20 ' +
  '满意度指标(10分) 满意度指标 职工满意度';

describe('form tables in text: cells separated by spaces, empty cells lost', () => {
  it('places a row’s amounts only where their count says where they stand', () => {
    const [grid] = tables(SPACED);
    expect(blocks(SPACED)[0]).toBe('附件: 项目支出绩效自评表 (2024年度)');
    expect(grid.slice(0, 4)).toEqual([
      ['项目名称', '慰问困难职工'],
      ['主管部门', '某县总工会'],
      ['实施单位', '某县职工服务中心'],
      ['项目资金', '(万元)', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ]);
    expect(grid).toContainEqual(['', '年度资金总额:', '20', '20', '19.5', '10', '97.5', '9.75']);
    // three amounts on a part of the money: the form gives its parts amounts only
    expect(grid).toContainEqual(['', '其中:本年财政拨款', '20', '20', '19.5']);
    expect(grid).toContainEqual(['', '', '慰问困难职工200人。', '已慰问205人。']);
  });

  it('reads the indicator rows every reading agrees on, a note after 得分 included, each level’s rows adding up to its share', () => {
    const [grid] = tables(SPACED);
    const head = grid.findIndex((r) => r.includes('一级指标'));
    expect(grid.slice(head + 1)).toEqual([
      ['', '', '产出指标(50分)', '数量指标', '慰问人数', '≥200人', '205', '30', '30'],
      ['', '', '^', '质量指标', '资金发放准确率', '100%', '100%', '20', '20'],
      ['', '', '效益指标(40分)', '经济效益指标'],
      ['', '', '^', '社会效益指标', '困难职工生活改善', '明显改善', '达成预期指标', '20', '18', '个别未回访'],
      ['', '', '^', '^', '生活保障水平', '提高', '达成', '20', '20'],
    ]);
    // the cut text's last row has no 年度指标值: it stays text
    expect(blocks(SPACED).at(-1)).toBe('满意度指标(10分) 满意度指标 职工满意度');
  });

  it('does not place amounts whose count leaves their places open, nor rows that read two ways', () => {
    const fewer = SPACED.replace('年度资金总额: 20 20 19.5 10 97.5 9.75', '年度资金总额: 20 19.5 10 97.5 9.75');
    expect(tables(fewer)[0]).toContainEqual(['年度资金总额: 20 19.5 10 97.5 9.75']);
    // 实际完成值 missing: 20 and 20 are 实际完成值 and 分值, or 分值 and 得分 — the reading stops before it
    const open = SPACED.replace('资金发放准确率 100% 100% 20 20', '资金发放准确率 100% 20 20');
    const rows = tables(open)[0];
    expect(rows.at(-1)).toEqual(['', '', '产出指标(50分)', '数量指标', '慰问人数', '≥200人', '205', '30', '30']);
  });

  it('drops a level’s rows whose 分值 do not add up to its stated share', () => {
    const wrong = SPACED.replace('效益指标(40分)', '效益指标(45分)');
    const rows = tables(wrong)[0];
    expect(rows.some((r) => r.includes('困难职工生活改善'))).toBe(false);
    expect(rows.at(-1)).toContain('资金发放准确率');
  });
});

/** The form's cells run together with nothing between them: 中江's layout. */
const JOINED =
  '附件:绩效目标自评表(2024年度)项目名称慰问困难职工项目负责人及电话张三13900000000主管部门某县总工会实施单位某县职工服务中心' +
  '资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金' +
  '年度总体目标年初设定目标年度总体目标完成情况综述慰问困难职工。已完成。' +
  '绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施' +
  '产出指标(60分)数量指标慰问人数30≥200人≥200人30质量指标发放准确率30100%100%30' +
  '效益指标(30分)社会效益指标生活改善30显著提升显著提升30满意度指标(10分)服务对象满意度指标职工满意度10≥90%≥95%10' +
  '……总分100100注:1.得分最高不能超过该指标分值。';

describe('form tables in text: cells run together', () => {
  it('splits each run of values the one way the columns and the form’s arithmetic allow', () => {
    const [grid] = tables(JOINED);
    expect(blocks(JOINED)[0]).toBe('附件:绩效目标自评表(2024年度)');
    expect(grid.slice(0, 4)).toEqual([
      ['项目名称', '慰问困难职工'],
      ['项目负责人及电话', '张三13900000000'],
      ['主管部门', '某县总工会'],
      ['实施单位', '某县职工服务中心'],
    ]);
    // 执行率 = 执行数 ÷ 预算数 and 得分 = 执行率 × 分值 leave one split of 202010100.00%10
    expect(grid).toContainEqual(['', '年度资金总额:', '20', '20', '10', '100.00%', '10']);
    // 2020 as 202 and 0 would make a part larger than the total
    expect(grid).toContainEqual(['', '其中:本年财政拨款', '20', '20']);
    // the goal and what was done run together: no telling them apart, they stay in no column
    expect(grid).toContainEqual(['慰问困难职工。已完成。']);
  });

  it('reads the indicator rows, keeping words it cannot split beside their row, then 总分', () => {
    const [grid] = tables(JOINED);
    const head = grid.findIndex((r) => r.includes('一级指标'));
    expect(grid.slice(head + 1)).toEqual([
      ['', '', '产出指标(60分)', '数量指标', '慰问人数', '30', '≥200人', '≥200人', '30'],
      ['', '', '^', '质量指标', '发放准确率', '30', '100%', '100%', '30'],
      ['', '', '效益指标(30分)', '社会效益指标', '生活改善', '30', '', '', '30', '', '显著提升显著提升'],
      ['', '', '满意度指标(10分)', '服务对象满意度指标', '职工满意度', '10', '≥90%', '≥95%', '10'],
      ['', '', '总分', '', '', '100', '', '', '100'],
    ]);
    expect(blocks(JOINED).at(-1)).toBe('注:1.得分最高不能超过该指标分值。');
  });

  it('leaves a level whose rows do not add up to its share, and all after it, as text', () => {
    const rows = tables(JOINED.replace('效益指标(30分)', '效益指标(35分)'))[0];
    expect(rows.some((r) => r.includes('生活改善'))).toBe(false);
    expect(rows.at(-1)).toContain('发放准确率');
  });
});

/** 湖南's 基础数据表 and 部门整体支出绩效自评表, one cell a paragraph: 衡山's layout. */
const PARAGRAPHS = `2024年度部门整体支出绩效评价基础数据表

财政供养人员情况(人

编制数

2024 年实际在职人数

控制率

20

18

90.00%

经费控制情况(万元

2023 年决算数

2024 年预算数

2024 年决算数

三公经费:

1.20

1.00

0.80

项目支出:

100.00

120.00

110.50

1、业务工作经费

……

公用经费

30.00

32.00

31.50

政府采购金额

说明:项目支出需要填报基本支出以外的所有项目支出情况。

2024年度部门整体支出绩效自评表

预算部门、单位名称

某县总工会

年度预算申请

(万元

年初预算数

全年预算数

全年执行数

分值

执行率

自评得分

年度资金总额

300.00

320.00

310.00

10

96.88%

9.69

按收入性质分:320.00

年度总体目标

预期目标

实际完成情况

做好职工服务。`;

describe('form tables in text: one cell a paragraph', () => {
  it('reads 湖南’s 基础数据表 into its two tables, each year’s columns as printed, and gives back the lines after them', () => {
    const all = blocks(PARAGRAPHS);
    const [staff, spending, sheet] = tables(PARAGRAPHS);
    expect(staff).toEqual([
      ['', '财政供养人员情况(人', '编制数', '2024 年实际在职人数', '控制率'],
      ['', '', '20', '18', '90.00%'],
    ]);
    expect(spending).toEqual([
      ['', '经费控制情况(万元', '2023 年决算数', '2024 年预算数', '2024 年决算数'],
      ['', '三公经费:', '1.20', '1.00', '0.80'],
      ['', '项目支出:', '100.00', '120.00', '110.50'],
      ['', '1、业务工作经费'],
      ['', '……'],
      ['', '公用经费', '30.00', '32.00', '31.50'],
    ]);
    expect(all).toContain('政府采购金额');
    expect(all).toContain('说明:项目支出需要填报基本支出以外的所有项目支出情况。');
    // the 自评表 cut short before its indicators: its money rows, up to the last row with values
    expect(sheet).toEqual([
      ['预算部门、单位名称', '某县总工会'],
      ['年度预算申请', '(万元', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分'],
      ['', '年度资金总额', '300.00', '320.00', '310.00', '10', '96.88%', '9.69'],
    ]);
    expect(all.slice(-5)).toEqual([
      '按收入性质分:320.00',
      '年度总体目标',
      '预期目标',
      '实际完成情况',
      '做好职工服务。',
    ]);
  });

  it('reads a form of labels and their values, a label wrapped onto two paragraphs included: 岳阳’s layout', () => {
    const text = [
      '一、部门(单位)基本概况',
      '联系人',
      '张三',
      '联络电话',
      '8690000',
      '人员编制',
      '21',
      '实有人数',
      '20',
      '职能职责概述',
      '负责全县职工服务工作。',
      '年度主要',
      '工作内容',
      '1.完成职工服务。',
    ].join('\n\n');
    expect(blocks(text)).toEqual([
      '一、部门(单位)基本概况',
      [
        ['联系人', '张三'],
        ['联络电话', '8690000'],
        ['人员编制', '21'],
        ['实有人数', '20'],
        ['职能职责概述', '负责全县职工服务工作。'],
        ['年度主要工作内容', '1.完成职工服务。'],
      ],
    ]);
  });

  it('leaves prose alone: no header words, no table', () => {
    const prose = '一、部门基本情况\n\n某县总工会为群团组织。\n\n编制数和实有人数见下文。';
    expect(tables(prose)).toEqual([]);
  });
});

describe('form tables in text: a header cell split over two paragraphs', () => {
  // the old 项目支出绩效自评表 prints 「年初」 and 「预算数」 as two paragraphs of one cell
  const SPLIT = ['项目资金(万元)', '年初', '预算数', '全年', '预算数', '全年', '执行数', '分值', '执行率', '得分']
    .concat(['年度资金总额', '50', '50', '40', '10', '80%', '8'])
    .join('\n\n');

  it('joins the two paragraphs back into the header word and reads the row under it', () => {
    const [funding] = tables(SPLIT);
    expect(funding[0]).toEqual([
      '',
      '项目资金(万元)',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
    ]);
    expect(funding[1]).toEqual(['', '年度资金总额', '50', '50', '40', '10', '80%', '8']);
  });

  it('leaves two paragraphs alone when together they are no header word', () => {
    expect(tables(['全年', '工作', '很好'].join('\n\n'))).toEqual([]);
  });
});

describe('form tables in text: the old form’s row labels and empty rows', () => {
  // 一级/二级/三级指标 one cell a paragraph, 「指标1」 before each name, 「指标2」 「……」 for an empty row,
  // a 二级指标 split over two paragraphs (「经济效益」 / 「指标」)
  const OLD = [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '产出指标',
    '数量指标',
    '指标1完成户数',
    '100',
    '98',
    '20',
    '19',
    '指标2',
    '……',
    '效益指标',
    '经济效益',
    '指标',
    '指标1增收金额',
    '50',
    '50',
    '20',
    '20',
    '指标2',
    '……',
  ].join('\n\n');

  it('reads the names without the label, leaves the empty rows out and joins the split level word', () => {
    const [sheet] = tables(OLD);
    expect(sheet.slice(1)).toEqual([
      ['', '', '产出指标', '数量指标', '完成户数', '100', '98', '20', '19'],
      ['', '', '效益指标', '经济效益指标', '增收金额', '50', '50', '20', '20'],
    ]);
  });
});
