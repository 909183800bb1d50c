import {
  defaultTemplate,
  type OverallReportContent,
  type ProjectReportContent,
  type ReportKind,
} from '@evalflow/domain';
import type { ImportResult } from '../import-result';
import { readTxt } from '../txt';
import { importReport } from './import-report';

/** Text reports whose 绩效自评表 and 基础数据表 the page laid out as text, imported whole. */

function importText(text: string, kind: ReportKind, project?: { code: string; name: string }): ImportResult {
  return importReport({
    document: readTxt(text).document,
    kind,
    template: defaultTemplate(kind),
    fiscalYear: 2024,
    departmentName: '某县总工会',
    ...(project ? { project } : {}),
  });
}

/** Every source names its table cell and holds that cell's exact text (or the part of it read). */
function sourcesHoldTheirText(result: ImportResult, text: string): void {
  const doc = readTxt(text).document;
  for (const [path, span] of Object.entries(result.sources)) {
    const block = doc.blocks[span.block];
    const whole =
      block.kind === 'table' && span.cell
        ? block.rows[span.cell.row][span.cell.column].text
        : block.kind === 'paragraph'
          ? block.text
          : '';
    expect({ path, text: whole.slice(span.start, span.end) }).toEqual({ path, text: span.text });
  }
}

const SICHUAN = [
  '部门预算项目支出绩效自评表(2024年度) |',
  '项目名称 |',
  '11000024R000000000001-慰问困难职工 |',
  '主管部门 |',
  '某县总工会 |',
  '实施单位 (盖章) |',
  '某县职工服务中心 |',
  '项目基本情况 |',
  '1.项目年度目标完成情况 |',
  '项目年度目标 |',
  '年度目标完成情况 |',
  '慰问困难职工200人。 |',
  '对照年度目标,说明相关任务目标的完成情况(100字以内) |',
  '2.项目实施内容及过程概述 |',
  '按计划发放慰问金。 |',
  ...[
    '预算执行情况(10分)',
    '年度预算数(万元)',
    '年初预算',
    '调整后预算数',
    '预算执行数',
    '预算执行率',
    '权重',
    '得分',
    '原因',
  ],
  ...['总额', '20.00', '20.00', '19.50', '97.50%', '10', '9.75', '无'],
  ...['其中:财政资金', '20.00', '20.00', '19.50', '97.50%', '/', '/'],
  ...['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分'],
  '未完成原因分析',
  ...['产出指标', '数量指标', '慰问人数', '≥', '200', '人', '205', '50', '50', ''],
  ...['效益指标', '社会效益指标', '困难职工生活改善', '定性', '明显改善', '', '明显改善', '40', '38', '个别未回访'],
  ...['合计', '90', '88', ''],
  '评价结论',
]
  .map((cell) => (cell.endsWith('|') ? cell : `${cell} |`))
  .join('\n');

describe('importing a 项目 report whose 绩效自评表 is text, one cell a line', () => {
  it('fills the table’s parts, each value with its cell as the source', () => {
    const result = importText(SICHUAN, 'project', { code: '11000024R000000000001', name: '慰问困难职工' });
    const content = result.content as ProjectReportContent;
    expect(content.projectInfo).toEqual({
      code: '11000024R000000000001',
      name: '慰问困难职工',
      supervisingDepartment: '某县总工会',
      implementingUnit: '某县职工服务中心',
    });
    // the form's prompt in the 完成情况 cell is no answer
    expect(content.objectives.items).toEqual([{ expected: '慰问困难职工200人。', actual: '' }]);
    expect(content.scoreTable.funding).toMatchObject({
      total: { initialBudget: '20', adjustedBudget: '20', executed: '19.5' },
      currentYearAppropriation: { initialBudget: '20', adjustedBudget: '20', executed: '19.5' },
      weight: '10',
      score: '9.75',
    });
    expect(content.scoreTable.indicators).toMatchObject([
      {
        level1: '产出指标',
        level2: '数量指标',
        level3: '慰问人数',
        nature: '>=',
        target: '200',
        unit: '人',
        actual: '205',
      },
      { level1: '效益指标', level3: '困难职工生活改善', nature: 'qualitative', weight: '40', score: '38' },
    ]);
    expect(content.scoreTable.indicators[1].deviationNote).toBe('个别未回访');
    expect(content.conclusion.totalScore).toBe('88');
    expect(result.sources['scoreTable.indicators.0.weight']).toMatchObject({ cell: expect.any(Object), text: '50' });
    expect(result.sources['projectInfo.implementingUnit']).toMatchObject({ text: '某县职工服务中心' });
    sourcesHoldTheirText(result, SICHUAN);
    // what the table holds beside the form's columns is listed, not dropped
    expect(result.unplaced).toContainEqual(
      expect.objectContaining({ excerpt: '按计划发放慰问金。', reason: expect.stringContaining('未能准确对齐到表头') }),
    );
  });

  it('reads the project’s code and name from the table when the import is given none', () => {
    const result = importText(SICHUAN, 'project');
    const info = (result.content as ProjectReportContent).projectInfo;
    expect(info).toMatchObject({ code: '11000024R000000000001', name: '慰问困难职工' });
    expect(result.sources['projectInfo.code']).toMatchObject({ start: 0, end: 21, text: '11000024R000000000001' });
    expect(result.sources['projectInfo.name']).toMatchObject({ start: 22, text: '慰问困难职工' });
  });
});

const HUNAN = [
  '2024年度部门整体支出绩效评价基础数据表',
  ...['财政供养人员情况(人', '编制数', '2024 年实际在职人数', '控制率', '20', '18', '90.00%'],
  ...['经费控制情况(万元', '2023 年决算数', '2024 年预算数', '2024 年决算数'],
  ...['三公经费:', '1.20', '1.00', '0.80', '1、公务用车购置和维护经费', '0', '0', '0'],
  ...['项目支出:', '100.00', '120.00', '110.50', '公用经费', '30.00', '32.00', '31.50'],
  '2024年度部门整体支出绩效自评表',
  ...['预算部门、单位名称', '某县总工会', '年度预算申请', '(万元'],
  ...['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分'],
  ...['年度资金总额', '300.00', '320.00', '310.00', '10', '96.88%', '9.69'],
  ...['年度总体目标', '预期目标', '实际完成情况', '做好职工服务。'],
].join('\n\n');

describe('importing a 部门整体 report whose forms are text, one cell a paragraph', () => {
  it('reads the 基础数据表’s staff and this year’s columns, and the 自评表’s money rows though its indicators are cut off', () => {
    const result = importText(HUNAN, 'department_overall');
    const content = result.content as OverallReportContent;
    expect(content.basicInfo.staffing.categories).toEqual([{ category: '', authorized: 20, actual: 18 }]);
    // 2024 年预算数 beside 2024 年决算数, not 2023's
    expect(content.budget.expenditure.project).toEqual({ budget: '120', actual: '110.5' });
    expect(content.budget.expenditure.publicExpense).toEqual({ budget: '32', actual: '31.5' });
    expect(content.scoreTable.funding).toMatchObject({
      total: { initialBudget: '300', adjustedBudget: '320', executed: '310' },
      weight: '10',
      score: '9.69',
    });
    expect(content.scoreTable.indicators).toEqual([]);
    expect(result.sources['budget.expenditure.project.actual']).toMatchObject({ text: '110.50' });
    // no cover names the department: the 自评表's 预算部门、单位名称 does
    expect(result.sources['header.departmentName']).toMatchObject({ cell: { row: 0, column: 1 }, text: '某县总工会' });
    sourcesHoldTheirText(result, HUNAN);
  });

  it('takes the department the 自评表 names as written, and says when it is not the report’s own', () => {
    const result = importText(HUNAN.replace('\n\n某县总工会\n\n', '\n\n某县职工服务中心\n\n'), 'department_overall');
    expect((result.content as OverallReportContent).header.departmentName).toBe('某县职工服务中心');
    expect(result.unplaced).toContainEqual(
      expect.objectContaining({
        excerpt: '某县职工服务中心',
        reason: expect.stringContaining('与本部门名称（某县总工会）不同'),
      }),
    );
  });

  it('reads a 基本概况 of labels and values as its staff and functions, never a label as a function', () => {
    const text = [
      '一、部门(单位)基本概况',
      ...['联系人', '张三', '联络电话', '8690000', '人员编制', '21', '实有人数', '20'],
      ...['职能职责概述', '负责全县职工服务工作。', '年度主要', '工作内容', '1.完成职工服务。'],
    ].join('\n\n');
    const result = importText(text, 'department_overall');
    const content = result.content as OverallReportContent;
    expect(content.basicInfo.functions).toEqual(['负责全县职工服务工作。']);
    expect(content.basicInfo.staffing.categories).toEqual([{ category: '', authorized: 21, actual: 20 }]);
    expect(result.sources['basicInfo.functions.0']).toMatchObject({ cell: { row: 4, column: 1 } });
    expect(result.unplaced.map((u) => u.excerpt)).toEqual(
      expect.arrayContaining(['联系人：张三', '年度主要工作内容：1.完成职工服务。']),
    );
  });
});
