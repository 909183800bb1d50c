import type { SetupFacts } from '@evalflow/persistence';
import type { HomeSetupStepView } from './home.dto';

/** The county administrator's checklist for a new county, in the order the work is done, each with its page. */
export function setupSteps(fiscalYear: number, f: SetupFacts): HomeSetupStepView[] {
  return [
    {
      key: 'departments',
      title: '添加预算部门（单位）',
      done: f.budgetDepartments > 0,
      detail: f.budgetDepartments ? `已有 ${f.budgetDepartments} 个预算部门` : '尚未添加预算部门',
      link: '/departments',
    },
    {
      key: 'finance',
      title: '添加财政局',
      done: f.financeDepartments > 0,
      detail: f.financeDepartments ? '已添加财政局' : '尚未添加财政局（审核部门）',
      link: '/departments',
    },
    {
      key: 'users',
      title: '为部门和财政局开通账号',
      done: f.departmentUsers > 0 && f.financeUsers > 0,
      detail: `部门用户 ${f.departmentUsers} 个，财政局用户 ${f.financeUsers} 个`,
      link: '/users',
    },
    {
      key: 'deadline',
      title: `设置${fiscalYear}年度填报截止日期`,
      done: f.deadline !== null,
      detail: f.deadline ? `截止日期 ${f.deadline}` : '尚未设置',
      link: '/settings',
    },
    {
      key: 'bands',
      title: '确认评价等级划分',
      done: f.settingsSaved,
      detail: f.settingsSaved ? '已保存本县设置' : '仍为全国默认（90/80/60 分）',
      link: '/settings',
    },
    {
      key: 'template',
      title: `发布${fiscalYear}年度报告模板`,
      done: f.publishedTemplates > 0,
      detail: f.publishedTemplates ? `已发布 ${f.publishedTemplates} 个模板` : '尚未发布，将使用内置模板',
      link: '/templates',
    },
  ];
}
