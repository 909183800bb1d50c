import type { Indicator } from '../report/schema/score-table';
import { EXPORT_FAILURE_MESSAGES, exportNames, isExportKind } from './exports';
import { INDICATOR_ROW_COLUMNS, indicatorSheetRows } from './indicator-rows';

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  level1: '产出指标',
  level2: '数量指标',
  level3: '帮扶困难职工人数',
  nature: '>=',
  target: '300',
  unit: '人',
  actual: '312',
  weight: '10.00',
  score: '9.5',
  deviationNote: '无',
  evidence: '帮扶台账',
  ...over,
});

describe('indicator rows export', () => {
  it('lists a report’s indicators in order, numbered on, with the report’s names in Chinese', () => {
    const rows = indicatorSheetRows(
      {
        departmentName: '赵县总工会',
        kind: 'project',
        status: 'in_review',
        projectName: '困难帮扶',
        projectCode: 'P-1',
      },
      { indicators: [indicator(), indicator({ nature: 'qualitative', weight: null, score: null, level3: '满意度' })] },
      41,
    );
    expect(rows).toEqual([
      expect.objectContaining({ seq: 41, department: '赵县总工会', kind: '项目支出', status: '审核中', nature: '≥' }),
      expect.objectContaining({ seq: 42, level3: '满意度', nature: '定性', weight: null, score: null }),
    ]);
    // decimals stay the strings they were stored as (the sheet writes them with their own decimals)
    expect(rows[0]).toMatchObject({ weight: '10.00', score: '9.5', projectCode: 'P-1', evidence: '帮扶台账' });
  });

  it('a report without indicators (or without its table) gives no rows', () => {
    const report = {
      departmentName: '赵县教育局',
      kind: 'department_overall' as const,
      status: 'draft' as const,
      projectName: null,
      projectCode: null,
    };
    expect(indicatorSheetRows(report, { indicators: [] }, 1)).toEqual([]);
    expect(indicatorSheetRows(report, undefined, 1)).toEqual([]);
    expect(indicatorSheetRows(report, { indicators: [indicator()] }, 1)[0]).toMatchObject({
      kind: '部门整体',
      projectName: '',
      projectCode: '',
      status: '草稿',
    });
  });

  it('has the seventeen Chinese headers the issue names, 分值 and 得分 as numbers', () => {
    expect(INDICATOR_ROW_COLUMNS.map((c) => c.header)).toEqual([
      '序号',
      '部门',
      '报告类型',
      '项目名称',
      '项目编码',
      '状态',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '年度指标值',
      '计量单位',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
      '佐证材料',
    ]);
    expect(INDICATOR_ROW_COLUMNS.filter((c) => c.type === 'decimal').map((c) => c.key)).toEqual(['weight', 'score']);
  });

  it('names the sheet and file after the county and year, with an ASCII fallback', () => {
    expect(exportNames('indicator_rows', { fiscalYear: 2024 }, '赵县')).toEqual({
      title: '赵县 2024 年度绩效指标明细',
      fileName: '赵县-2024-绩效指标明细.xlsx',
      asciiFileName: 'evalflow-indicators-2024.xlsx',
    });
    expect(exportNames('indicator_rows', { fiscalYear: 2024 }, 'a/b').fileName).toBe('a_b-2024-绩效指标明细.xlsx');
    expect(isExportKind('indicator_rows')).toBe(true);
    expect(isExportKind('summary')).toBe(false);
    expect(EXPORT_FAILURE_MESSAGES.EXPORT_TOO_MANY_ROWS(200000)).toBe('导出的行数超过上限（200000 行），请联系管理员');
  });
});
