import { describe, expect, it } from 'vitest';
import { diffRows } from './diff-rows';

describe('diffRows', () => {
  it('labels each change in Chinese, in the order of the report, with values as the report writes them', () => {
    const rows = diffRows('department_overall', [
      { kind: 'changed', path: 'conclusion.totalScore', from: '92', to: '95' },
      { kind: 'changed', path: 'budget.lines.2.amount', from: '10', to: '10.336' },
      {
        kind: 'added',
        path: 'budget.lines.3',
        to: { name: '会员保险费', amount: '5', spent: '4.8', documentNumber: '' },
      },
      { kind: 'changed', path: 'budget.expenditure.project.actual', from: null, to: '178.646' },
      {
        kind: 'removed',
        path: 'team.members.1',
        from: { name: '张三', unit: '县总工会', position: '科员', title: '' },
      },
    ]);
    expect(rows.map((r) => [r.partLabel, r.fieldLabel, r.kindLabel, r.before, r.after])).toEqual([
      ['（二）部门收支预决算情况', '项目预算明细 第3行 · 年初预算数', '修改', '10.00 万元', '10.336 万元'],
      [
        '（二）部门收支预决算情况',
        '项目预算明细 第4行',
        '新增',
        '',
        '项目名称：会员保险费；年初预算数：5.00 万元；执行数：4.80 万元；资金文号：—',
      ],
      ['（二）部门收支预决算情况', '本年支出 · 项目支出 · 决算数', '修改', '—', '178.646 万元'],
      ['四、评价结论和评价等级', '总得分', '修改', '92', '95'],
      ['六、评价工作组', '工作组成员 第2名', '删除', '姓名：张三；工作单位：县总工会；职务：科员；职称：—', ''],
    ]);
  });

  it('names a project table’s changes by its own parts, in its order', () => {
    const rows = diffRows('project', [
      { kind: 'changed', path: 'conclusion.totalScore', from: '57.5', to: '95.5' },
      { kind: 'changed', path: 'scoreTable.indicators.1.actual', from: '', to: '96%' },
      { kind: 'changed', path: 'projectInfo.name', from: '帮扶资金', to: '困难职工帮扶救助专项资金' },
      { kind: 'changed', path: 'preparers.filledOn', from: '', to: '2025-04-20' },
    ]);
    expect(rows.map((r) => [r.partLabel, r.fieldLabel, r.before, r.after])).toEqual([
      ['项目基本信息', '项目名称', '帮扶资金', '困难职工帮扶救助专项资金'],
      ['项目资金和绩效指标', '绩效指标 第2个 · 实际完成值', '—', '96%'],
      ['总分和评价等级', '总分', '57.5', '95.5'],
      ['填报信息', '填报日期', '—', '2025年4月20日'],
    ]);
  });

  it('keeps unknown paths readable and names a change of a whole part', () => {
    const [unknown, whole] = diffRows('department_overall', [
      { kind: 'changed', path: 'goals', from: null, to: { items: [] } },
      { kind: 'changed', path: 'budget.extra', from: 1, to: 2 },
    ]);
    expect(whole.fieldLabel).toBe('（整个部分）');
    expect([unknown.fieldLabel, unknown.before, unknown.after]).toEqual(['extra', '1', '2']);
  });
});
