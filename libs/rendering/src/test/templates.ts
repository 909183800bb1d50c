import { BUILTIN_TEMPLATES, defaultTemplate, type OutlineNode, type TemplateDefinition } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { provincialInput, type ProjectInput } from './projects';
import { sampleInput, type OverallInput } from './sample';

/** The eight-part built-in: 「第一部分」…「第八部分」, goals before the money. */
export const EIGHT_PART: TemplateDefinition = BUILTIN_TEMPLATES[1].definition;

/** The sample under the eight-part built-in. */
export const eightPartInput = (overrides: Partial<OverallInput> = {}) =>
  sampleInput({ template: EIGHT_PART, ...overrides });

/** Its headings, in order, as rendered (whitespace removed, as the tests compare). */
export const EIGHT_PART_HEADINGS = [
  '第一部分部门概况',
  '（一）部门职能',
  '（二）机构设置和人员情况',
  '（三）资产情况',
  '第二部分部门整体支出绩效目标',
  '第三部分部门收支及预算执行情况',
  '第四部分绩效自评工作开展情况',
  '第五部分绩效目标完成情况',
  '（一）总体完成情况',
  '（二）各项指标完成情况',
  '第六部分自评结论',
  '第七部分存在问题及整改措施',
  '第八部分评价工作组',
];

const sample = ZHAOXIAN_UNION_2024;
const start = (text: string, length = 20) => text.replace(/\s+/g, '').slice(0, length);

/**
 * The sample's headings and contents in the eight-part order (whitespace removed): each heading with the
 * beginning of what stands under it, the goals before the budget, the 自评表 last.
 */
export const EIGHT_PART_ORDER = [
  '附件4',
  '赵县总工会部门',
  '2024年度整体支出绩效自评报告',
  '贯彻落实县委、县政府',
  '第一部分部门概况',
  '（一）部门职能',
  start(sample.basicInfo.functions[0]),
  '（二）机构设置和人员情况',
  '部门机构设置情况',
  '人员情况：包括当年变动情况及原因。',
  '截至2024年年底，我单位实有行政人员4人',
  '（三）资产情况',
  '资产情况：截至2024年12月31日',
  '第二部分部门整体支出绩效目标',
  `1.${start(sample.goals.items[0].text)}`,
  '第三部分部门收支及预算执行情况',
  '2024年年初项目预算178.646万元',
  '项目预算明细',
  '第四部分绩效自评工作开展情况',
  start(sample.selfEvaluation.organization),
  start(sample.selfEvaluation.methodAndProcess),
  '第五部分绩效目标完成情况',
  '（一）总体完成情况',
  start(sample.results.overall),
  '（二）各项指标完成情况',
  `1.${start(sample.results.items[0].text)}`,
  '第六部分自评结论',
  '总得分95分，等级为优秀。',
  '第七部分存在问题及整改措施',
  '（一）项目存在的主要问题：',
  start(sample.problems.problems),
  '（二）针对问题提出具体的改进措施或建议：',
  '第八部分评价工作组',
  '姓名工作单位职务职称签字',
  '审核结论：审核通过',
  '部门整体支出绩效自评表',
  '（2024年度）',
  '部门名称：赵县总工会',
];

/** The outline with the sections of `drop` taken out, and headings left with nothing under them removed. */
export function withoutSections(def: TemplateDefinition, drop: string[]): TemplateDefinition {
  const prune = (nodes: OutlineNode[]): OutlineNode[] =>
    nodes
      .map((n) => ({ ...n, sections: n.sections.filter((s) => !drop.includes(s)), children: prune(n.children) }))
      .filter((n) => n.sections.length > 0 || n.children.length > 0);
  return { ...def, outline: prune(def.outline) };
}

/** The eight-part built-in without 资产情况, the goals and the 改进措施: 第二部分 is then the money. */
export const EIGHT_PART_OMITTING = withoutSections(EIGHT_PART, ['basicInfo.assets', 'goals', 'problems.measures']);

/** A county's project form: its own title, a 附件 label, no 填报信息 block, 年度总体目标 renamed. */
export const COUNTY_PROJECT: TemplateDefinition = (() => {
  const national = defaultTemplate('project');
  return {
    ...national,
    name: '某县项目支出绩效自评表',
    document: {
      attachmentLabel: '附件3',
      titlePattern: '{项目名称}绩效自评表',
      tableTitle: '某县项目支出绩效自评表（试行）',
    },
    outline: national.outline
      .filter((n) => !n.sections.includes('preparers'))
      .map((n) => (n.sections.includes('objectives') ? { ...n, title: '年度目标' } : n)),
  };
})();

export const countyProjectInput = (overrides: Partial<ProjectInput> = {}) =>
  provincialInput({ template: COUNTY_PROJECT, ...overrides });
