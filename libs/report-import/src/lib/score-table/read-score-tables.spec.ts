import { scoreSheetGrid, type ScoreSheetGrid } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024, zhaoxianProvincialRelief2024 } from '@evalflow/samples';
import type { SourceCell, SourceDocument, SourceTable } from '../source-document';
import { readScoreTables } from './read-score-tables';

/** The export's grid as a Word table: merges become spans, the places they cover `covered`. */
function asTable(grid: ScoreSheetGrid, index: number): SourceTable {
  const rows: SourceCell[][] = grid.rows.map((row) =>
    row.map((c) => ({ text: c?.value ?? '', colSpan: 1, rowSpan: 1, covered: false })),
  );
  for (const m of grid.merges) {
    rows[m.top - 1][m.left - 1] = {
      ...rows[m.top - 1][m.left - 1],
      colSpan: m.right - m.left + 1,
      rowSpan: m.bottom - m.top + 1,
    };
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) rows[r - 1][c - 1] = { text: '', colSpan: 1, rowSpan: 1, covered: true };
  }
  return { kind: 'table', index, rows };
}

const doc = (...tables: SourceTable[]): SourceDocument => ({
  format: 'docx',
  blocks: [{ kind: 'paragraph', index: 0, text: '附件：绩效自评表' }, ...tables],
});
const cell = (text: string): SourceCell => ({ text, colSpan: 1, rowSpan: 1, covered: false });
const row = (...texts: string[]) => texts.map(cell);

describe('readScoreTables', () => {
  it('reads EvalFlow’s own 绩效自评表 back from a Word table exactly, each value pointing at its cell', () => {
    const project = zhaoxianProvincialRelief2024();
    const grid = scoreSheetGrid({
      kind: 'project',
      fiscalYear: 2024,
      departmentName: '赵县总工会',
      scoreTable: project.scoreTable,
      conclusion: project.conclusion,
      gradeLabel: '优秀',
      projectInfo: project.projectInfo,
      objectives: project.objectives,
      preparers: project.preparers,
    });
    const read = readScoreTables(doc(asTable(grid, 1)), 'project');
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.value.scoreTable.funding).toEqual(project.scoreTable.funding);
    expect(read.value.scoreTable.indicators).toEqual(
      project.scoreTable.indicators.map(({ libraryEntryId: _, ...i }) => i),
    );
    expect(read.value.objectives).toEqual(project.objectives);
    expect(read.value.totalScore).toBe(project.conclusion.totalScore);
    expect(read.tables).toEqual([1]);
    const weight = read.sources['scoreTable.indicators.0.weight'];
    expect(weight).toMatchObject({ block: 1, text: project.scoreTable.indicators[0].weight });
    expect(read.sources['scoreTable.funding.total.executed'].text).toBe(project.scoreTable.funding.total.executed);
  });

  it('reads a county’s own table: money in 元 with separators, 98.5%, 10分, merged 一级指标, funding in a table of its own', () => {
    const funding: SourceTable = {
      kind: 'table',
      index: 1,
      rows: [
        row('项目资金（元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'),
        row('', '年度资金总额', '1,786,460', '1,786,460', '1,759,663.00', '10分', '98.5%', '9.85'),
        row('', '其中：当年财政拨款', '1,786,460', '1,786,460', '1,759,663.00', '—', '—', '—'),
      ],
    };
    const indicators: SourceTable = {
      kind: 'table',
      index: 3,
      rows: [
        row('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'),
        [
          { text: '产出指标', colSpan: 1, rowSpan: 2, covered: false },
          ...row('数量指标', '救助人数', '≥500人', '520人', '20', '20', ''),
        ],
        [
          { text: '', colSpan: 1, rowSpan: 1, covered: true },
          ...row('质量指标', '资金发放准确率', '100%', '100%', '20', '20', ''),
        ],
        row('总分', '', '', '', '', '100', '49.85', ''),
      ],
    };
    const read = readScoreTables(
      { format: 'docx', blocks: [funding, { kind: 'paragraph', index: 2, text: '绩效指标完成情况' }, indicators] },
      'project',
    );
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.value.scoreTable.funding.total).toEqual({
      initialBudget: '178.646',
      adjustedBudget: '178.646',
      executed: '175.9663',
    });
    expect(read.value.scoreTable.funding).toMatchObject({ weight: '10', executionRate: '98.5', score: '9.85' });
    expect(read.value.scoreTable.indicators).toMatchObject([
      { level1: '产出指标', level3: '救助人数', nature: '>=', target: '500人', weight: '20' },
      { level1: '产出指标', level3: '资金发放准确率', target: '100%' },
    ]);
    expect(read.value.totalScore).toBe('49.85');
    expect(read.tables).toEqual([1, 3]);
    expect(read.sources['scoreTable.funding.total.executed']).toMatchObject({
      block: 1,
      cell: { row: 1, column: 4 },
      text: '1,759,663.00',
    });
  });

  it('keeps an amount in 元 the schema cannot hold in 万元 (a fifth decimal) as a problem, never rounded', () => {
    const table: SourceTable = {
      kind: 'table',
      index: 1,
      rows: [
        row('项目资金（元）', '', '年初预算数', '全年预算数', '全年执行数'),
        row('', '年度资金总额', '100', '100', '1,759,663.15'),
        row('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'),
      ],
    };
    const read = readScoreTables(doc(table), 'project');
    expect(read?.ok).toBe(false);
    if (read?.ok !== false) return;
    expect(read.errors).toEqual([
      expect.objectContaining({ header: '全年执行数', place: expect.objectContaining({ text: '1,759,663.15' }) }),
    ]);
  });

  it('reads 四川’s headers, a level’s share apart from its name, a prompt as no answer, 「/」 as not applicable', () => {
    const table: SourceTable = {
      kind: 'table',
      index: 1,
      rows: [
        row('', '', '项目年度目标', '年度目标完成情况'),
        row('', '', '慰问困难职工200人。', '对照年度目标,说明相关任务目标的完成情况(100字以内)'),
        row(
          '预算执行情况(10分)',
          '年度预算数(万元)',
          '年初预算',
          '调整后预算数',
          '预算执行数',
          '预算执行率',
          '权重',
          '得分',
        ),
        row('', '总额', '20.00', '20.00', '19.50', '97.50%', '10', '9.75'),
        row('', '其中:财政资金', '20.00', '20.00', '19.50', '97.50%', '/', '/'),
        row('绩效指标(90分)', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '得分'),
        row('', '产出指标(50分)', '数量指标', '慰问人数', '≥200人', '205人', '50', '50'),
      ],
    };
    const read = readScoreTables(doc(table), 'project');
    expect(read?.ok).toBe(true);
    if (!read?.ok) return;
    expect(read.value.objectives).toEqual({ items: [{ expected: '慰问困难职工200人。', actual: '' }] });
    expect(read.value.scoreTable.funding).toMatchObject({
      total: { initialBudget: '20', adjustedBudget: '20', executed: '19.5' },
      currentYearAppropriation: { executed: '19.5' },
      weight: '10',
      score: '9.75',
    });
    expect(read.value.scoreTable.indicators[0]).toMatchObject({ level1: '产出指标', weight: '50' });
    expect(read.sources['scoreTable.indicators.0.level1']).toMatchObject({ start: 0, end: 4, text: '产出指标' });
  });

  it('reads the money rows of a copy cut short before its indicators, and no other table as them', () => {
    const money: SourceTable = {
      kind: 'table',
      index: 1,
      rows: [
        row('年度预算申请（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分'),
        row('年度资金总额', '861.10', '2,030.12', '2030.12', '10', '100%', '10'),
      ],
    };
    const read = readScoreTables(doc(money), 'department_overall');
    expect(read?.ok && read.value.scoreTable).toEqual({
      funding: expect.objectContaining({
        total: { initialBudget: '861.1', adjustedBudget: '2030.12', executed: '2030.12' },
        executionRate: '100',
        score: '10',
      }),
      indicators: [],
    });
    // a table of project lines under the same headers is no 自评表
    const lines = { ...money, rows: [money.rows[0], row('劳模体检费', '2', '2', '2', '', '', '')] };
    expect(readScoreTables(doc(lines), 'department_overall')).toBeNull();
  });

  it('names the cell of each problem, and says nothing when a document has no 绩效自评表', () => {
    const bad: SourceTable = {
      kind: 'table',
      index: 1,
      rows: [
        row('项目资金', '', '年初预算数', '全年预算数', '全年执行数'),
        row('', '年度资金总额', '约一百万', '100', '99'),
        row('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'),
        row('产出指标', '数量指标', '', '10', '10', '20', '20'),
      ],
    };
    const read = readScoreTables(doc(bad), 'project');
    expect(read?.ok).toBe(false);
    if (read?.ok !== false) return;
    expect(read.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          header: '年初预算数',
          place: expect.objectContaining({ cell: { row: 1, column: 2 } }),
        }),
        expect.objectContaining({
          message: '请填写「三级指标」',
          place: expect.objectContaining({ cell: { row: 3, column: 2 } }),
        }),
      ]),
    );
    const overall = ZHAOXIAN_UNION_2024;
    expect(overall.kind).toBe('department_overall');
    expect(
      readScoreTables(
        { format: 'txt', blocks: [{ kind: 'paragraph', index: 0, text: '一、部门基本情况' }] },
        'department_overall',
      ),
    ).toBeNull();
  });
});
