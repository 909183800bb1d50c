import { validProjectReport, validReport } from '../fixture.spec-helper';
import { scoreSheetGrid, type ScoreSheetGrid } from './layout';
import { readScoreSheet, readScoreSheetFunding, type ScoreSheetReadCell } from './read';

/** The grid as a spreadsheet library reads it back: merged cells show their range's text. */
function asRead(grid: ScoreSheetGrid): ScoreSheetReadCell[][] {
  const rows = grid.rows.map((row) =>
    row.map((c) => ({
      text: c?.value ?? '',
      numeric: !!c && c.type !== 'text' && c.value !== null,
      mergedInto: false,
    })),
  );
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) rows[r - 1][c - 1] = { ...rows[m.top - 1][m.left - 1], mergedInto: true };
  }
  return rows;
}

const projectGrid = () => {
  const report = validProjectReport();
  return {
    report,
    grid: scoreSheetGrid({
      kind: 'project',
      fiscalYear: 2024,
      departmentName: '赵县总工会',
      scoreTable: report.scoreTable,
      conclusion: report.conclusion,
      gradeLabel: '优秀',
      projectInfo: report.projectInfo,
      objectives: report.objectives,
      preparers: report.preparers,
    }),
  };
};

/** Finds a cell by its text: [row, column], 1-based. */
const find = (rows: ScoreSheetReadCell[][], text: string): [number, number] => {
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].findIndex((cell) => cell.text === text && !cell.mergedInto);
    if (c >= 0) return [r + 1, c + 1];
  }
  throw new Error(`no cell ${text}`);
};

describe('绩效自评表 as a sheet', () => {
  it('reads back exactly what it wrote, for a project table and a 部门整体 report', () => {
    const { report, grid } = projectGrid();
    const read = readScoreSheet(asRead(grid), 'project');
    expect(read).toEqual({
      ok: true,
      value: {
        scoreTable: {
          ...report.scoreTable,
          indicators: report.scoreTable.indicators.map(({ libraryEntryId: _, ...i }) => i),
        },
        objectives: report.objectives,
        totalScore: report.conclusion.totalScore,
        sources: expect.any(Object),
      },
    });
    // each value read names its cell: the first indicator's 分值 stands in column I of its row
    if (!read.ok) return;
    const rows = asRead(grid);
    const weight = read.value.sources['scoreTable.indicators.0.weight'];
    expect(rows[weight.row - 1][weight.column - 1].text).toBe(report.scoreTable.indicators[0].weight);
    expect(weight.column).toBe(9);
    const executed = read.value.sources['scoreTable.funding.total.executed'];
    expect(rows[executed.row - 1][executed.column - 1].text).toBe(report.scoreTable.funding.total.executed);
    expect(read.value.sources['conclusion.totalScore']).toBeDefined();

    const overall = validReport();
    const overallGrid = scoreSheetGrid({
      kind: 'department_overall',
      fiscalYear: 2024,
      departmentName: '赵县总工会',
      scoreTable: overall.scoreTable,
      conclusion: overall.conclusion,
      gradeLabel: null,
    });
    const back = readScoreSheet(asRead(overallGrid), 'department_overall');
    expect(back.ok && back.value.scoreTable.funding).toEqual(overall.scoreTable.funding);
    expect(back.ok && back.value.scoreTable.indicators.map((i) => i.level3)).toEqual(
      overall.scoreTable.indicators.map((i) => i.level3),
    );
    expect(back.ok && back.value.objectives).toBeNull();
  });

  it('lays the form out as 财预〔2020〕10号 does: title, year, money rows, goals, indicators, 总分', () => {
    const { grid, report } = projectGrid();
    const texts = grid.rows.map((r) => r.map((c) => c?.value ?? ''));
    expect(texts[0][0]).toBe('项目支出绩效自评表');
    expect(texts[1][0]).toBe('（2024年度）');
    const flat = texts.flat();
    for (const label of ['项目资金（万元）', '年度资金总额', '其中：本年财政拨款', '年度总体目标', '绩效指标', '总分'])
      expect(flat).toContain(label);
    expect(flat).toContain(report.scoreTable.funding.total.executed);
    expect(flat).toContain('评价等级：优秀');
    // no two merges overlap
    const covered = new Set<string>();
    for (const m of grid.merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          expect(covered.has(`${r}:${c}`)).toBe(false);
          covered.add(`${r}:${c}`);
        }
  });

  it('names the row and column of each bad cell, and returns nothing then', () => {
    const { grid } = projectGrid();
    const rows = asRead(grid);
    const [head] = find(rows, '分值');
    const [, executedColumn] = find(rows, '全年执行数');
    const [totalRow] = find(rows, '年度资金总额');
    // a number as text with 万元 and thousands separators; a merged score; an empty 三级指标; a bad 指标性质
    rows[totalRow - 1][executedColumn - 1] = { text: '1,234.5万元', numeric: false, mergedInto: false };
    const [indicatorHead] = find(rows, '一级指标');
    const first = indicatorHead + 1;
    const weightColumn = rows[indicatorHead - 1].findIndex((c) => c.text === '分值') + 1;
    rows[first][weightColumn - 1] = { ...rows[first - 1][weightColumn - 1], mergedInto: true };
    rows[first - 1][3] = { text: '', numeric: false, mergedInto: false };
    rows[first - 1][4] = { text: '大约', numeric: false, mergedInto: false };
    const read = readScoreSheet(rows, 'project');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(head).toBeLessThan(indicatorHead); // the money rows' 分值 comes first
    expect(read.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: totalRow,
          column: 'F',
          header: '全年执行数',
          message: expect.stringContaining('1,234.5万元'),
        }),
        expect.objectContaining({
          row: first + 1,
          column: 'I',
          header: '分值',
          message: expect.stringContaining('合并单元格'),
        }),
        expect.objectContaining({ row: first, column: 'D', header: '三级指标', message: '请填写「三级指标」' }),
        expect.objectContaining({ row: first, column: 'E', header: '指标性质' }),
      ]),
    );
  });

  it('refuses a sheet whose indicator header lacks a column, or that has none', () => {
    const rows = asRead(projectGrid().grid);
    const [r, c] = find(rows, '得分');
    // the money rows' 得分 is found first; the indicators' is further down
    const [ir, ic] = find(rows.slice(r), '得分');
    rows[r + ir - 1][ic - 1] = { text: '自评分', numeric: false, mergedInto: false };
    const read = readScoreSheet(rows, 'project');
    expect(read).toEqual({
      ok: false,
      errors: [{ row: r + ir, column: '', header: '得分', message: '绩效指标的表头缺少「得分」列' }],
    });
    expect(c).toBeGreaterThan(0);
    expect(readScoreSheet([[{ text: '随便什么', numeric: false, mergedInto: false }]], 'project')).toMatchObject({
      ok: false,
      errors: [{ row: 1, message: expect.stringContaining('没有找到绩效指标的表头') }],
    });
  });

  it('reads a county copy without 指标性质 and 计量单位 columns: the sign of 年度指标值 says the nature', () => {
    const cell = (text: string, numeric = false): ScoreSheetReadCell => ({ text, numeric, mergedInto: false });
    const rows: ScoreSheetReadCell[][] = [
      [cell('项目支出绩效自评表')],
      [
        cell('项目资金'),
        cell(''),
        cell('年初预算数'),
        cell('全年预算数'),
        cell('全年执行数'),
        cell('分值'),
        cell('执行率'),
        cell('得分'),
      ],
      [
        cell(''),
        cell('年度资金总额'),
        cell('100', true),
        cell('100', true),
        cell('98.5', true),
        cell('10', true),
        cell('98.5', true),
        cell('9.85', true),
      ],
      [
        cell('绩效指标'),
        cell('一级指标'),
        cell('二级指标'),
        cell('三级指标'),
        cell('指标值'),
        cell('实际值'),
        cell('分值'),
        cell('得分'),
        cell('偏差原因'),
      ],
      [
        cell(''),
        cell('产出指标'),
        cell('数量指标'),
        cell('慰问人数'),
        cell('≥500'),
        cell('520'),
        cell('20', true),
        cell('20', true),
        cell(''),
      ],
      [
        cell(''),
        { text: '产出指标', numeric: false, mergedInto: true },
        cell('质量指标'),
        cell('资金使用规范'),
        cell('规范'),
        cell('规范'),
        cell('10', true),
        cell('9', true),
        cell('个别票据不全'),
      ],
      [cell('总分'), cell(''), cell(''), cell(''), cell(''), cell(''), cell('100', true), cell('38.85', true)],
    ];
    const read = readScoreSheet(rows, 'project');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.scoreTable.funding.total).toEqual({
      initialBudget: '100',
      adjustedBudget: '100',
      executed: '98.5',
    });
    expect(read.value.scoreTable.funding.currentYearAppropriation.executed).toBeNull();
    expect(read.value.scoreTable.indicators).toMatchObject([
      { level1: '产出指标', level3: '慰问人数', nature: '>=', target: '500', actual: '520', weight: '20', score: '20' },
      { level1: '产出指标', level3: '资金使用规范', nature: 'qualitative', deviationNote: '个别票据不全' },
    ]);
    expect(read.value.totalScore).toBe('38.85');
    expect(read.value.objectives).toEqual({ items: [] });
  });
});

describe('provincial copies of the form', () => {
  const cell = (text: string): ScoreSheetReadCell => ({ text, numeric: false, mergedInto: false });
  const row = (...texts: string[]) => texts.map(cell);

  /** 四川's 项目支出绩效自评表: 年度目标 above the money rows, 调整后预算数/预算执行数/权重, 「/」 for not applicable. */
  const sichuan = () => [
    row('项目名称', '51000021R000000019951-工资性支出'),
    row('', '', '项目年度目标', '年度目标完成情况'),
    row('', '', '保障工资及时足额发放', '已足额发放'),
    row(
      '预算执行情况(10分)',
      '年度预算数(万元)',
      '年初预算',
      '调整后预算数',
      '预算执行数',
      '预算执行率',
      '权重',
      '得分',
      '原因',
    ),
    row('', '总额', '238.93', '251.89', '251.89', '100.00', '10', '', '说明'),
    row('', '其中:财政资金', '238.93', '251.89', '251.89', '100.00', '/', '/'),
    row('', '财政专户管理资金', '0', '0', '0', '0', '/', '/'),
    row(
      '',
      '',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '完成值',
      '权重',
      '得分',
      '未完成原因分析',
    ),
    row('', '', '产出指标', '数量指标', '发放覆盖率', '=', '100', '%', '', '60', '', ''),
    row('', '', '效益指标', '经济效益指标'),
    row('', '', '效益指标', '社会效益指标', '足额保障率', '=', '100', '%', '', '30', '', ''),
    row('', '', '合计', '', '', '', '', '', '', '100', '', ''),
  ];

  it('reads 四川’s headers as the form’s own, its goals above the money rows, 「/」 as nothing', () => {
    const read = readScoreSheet(sichuan(), 'project');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.scoreTable.funding).toMatchObject({
      total: { initialBudget: '238.93', adjustedBudget: '251.89', executed: '251.89' },
      currentYearAppropriation: { initialBudget: '238.93', adjustedBudget: '251.89', executed: '251.89' },
      weight: '10',
      executionRate: '100.00',
      score: null,
    });
    expect(read.value.objectives).toEqual({ items: [{ expected: '保障工资及时足额发放', actual: '已足额发放' }] });
    // the 二级指标 with no indicator under it is no row
    expect(read.value.scoreTable.indicators.map((i) => [i.level2, i.level3, i.weight, i.deviationNote])).toEqual([
      ['数量指标', '发放覆盖率', '60', ''],
      ['社会效益指标', '足额保障率', '30', ''],
    ]);
    expect(read.value.sources['scoreTable.funding.total.adjustedBudget']).toEqual({ row: 5, column: 4 });
  });

  it('reads a form with no 年初预算数 column and bracketed notes in its headers (全年预算数（A）)', () => {
    const rows = [
      row('资金情况(万元)', '', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'),
      row('', '年度资金总额:', '20', '20', '10', '100.00', '10'),
      row(
        '',
        '',
        '一级指标',
        '二级指标',
        '三级指标',
        '分值',
        '年度指标值',
        '全年实际值',
        '得分',
        '未完成原因及拟采取的改进措施',
      ),
      row('', '', '产出指标', '数量指标', '安装水标尺', '10', '≥266米', '≥266米', '10', ''),
    ];
    const read = readScoreSheet(rows, 'project');
    expect(read.ok && read.value.scoreTable.funding.total).toEqual({
      initialBudget: null,
      adjustedBudget: '20',
      executed: '20',
    });
    expect(read.ok && read.value.scoreTable.indicators[0]).toMatchObject({
      weight: '10',
      score: '10',
      target: '266米',
    });
  });

  it('reads the money rows alone of a form cut short before its indicators', () => {
    const rows = sichuan().slice(0, 7);
    expect(readScoreSheet(rows, 'project').ok).toBe(false);
    const read = readScoreSheetFunding(rows);
    expect(read.ok && read.value.funding.total.executed).toBe('251.89');
    expect(read.ok && read.value.sources['scoreTable.funding.weight']).toEqual({ row: 5, column: 7 });
    expect(readScoreSheetFunding(rows.slice(0, 3)).ok).toBe(false);
  });
});
