import { describe, expect, it } from 'vitest';
import { diffRows } from './diff-rows';

describe('diffRows', () => {
  it('labels each change in Chinese, in the order of the report, with values as the report writes them', () => {
    const rows = diffRows([
      { kind: 'changed', path: 'conclusion.totalScore', from: '92', to: '95' },
      { kind: 'changed', path: 'budget.lines.2.amount', from: '10', to: '10.336' },
      { kind: 'added', path: 'budget.lines.3', to: { name: '会员保险费', amount: '5', documentNumber: '' } },
      {
        kind: 'removed',
        path: 'team.members.1',
        from: { name: '张三', unit: '县总工会', position: '科员', title: '' },
      },
    ]);
    expect(rows.map((r) => [r.partLabel, r.fieldLabel, r.kindLabel, r.before, r.after])).toEqual([
      ['（二）部门收支预决算情况', '预算明细 第3行 · 金额', '修改', '10.00 万元', '10.336 万元'],
      ['（二）部门收支预决算情况', '预算明细 第4行', '新增', '', '项目名称：会员保险费；金额：5.00 万元；资金文号：—'],
      ['四、评价结论和评价等级', '总得分', '修改', '92', '95'],
      ['六、评价工作组', '工作组成员 第2名', '删除', '姓名：张三；工作单位：县总工会；职务：科员；职称：—', ''],
    ]);
  });

  it('keeps unknown paths readable and names a change of a whole part', () => {
    const [unknown, whole] = diffRows([
      { kind: 'changed', path: 'goals', from: null, to: { items: [] } },
      { kind: 'changed', path: 'budget.extra', from: 1, to: 2 },
    ]);
    expect(whole.fieldLabel).toBe('（整个部分）');
    expect([unknown.fieldLabel, unknown.before, unknown.after]).toEqual(['extra', '1', '2']);
  });
});
