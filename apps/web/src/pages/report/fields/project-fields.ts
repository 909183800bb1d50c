import type { ProjectPart } from '@evalflow/domain';
import { field, group, list, type FieldNode } from './field-nodes';
import { conclusionFields, SCORE_TABLE_FIELDS } from './score-table-fields';

/** The fields of the 项目支出绩效自评表 (libs/domain report/schema/project.ts). */
export const PROJECT_FIELDS: Record<ProjectPart, Record<string, FieldNode>> = {
  projectInfo: {
    name: field('项目名称'),
    code: field('项目编码'),
    supervisingDepartment: field('主管部门'),
    implementingUnit: field('实施单位'),
  },
  objectives: {
    items: list('目标', '项', group('', { expected: field('预期目标'), actual: field('实际完成情况') }), 'expected'),
  },
  scoreTable: SCORE_TABLE_FIELDS,
  conclusion: conclusionFields('总分'),
  preparers: {
    preparer: field('填表人'),
    phone: field('联系电话'),
    filledOn: field('填报日期', 'date'),
    unitHead: field('单位负责人'),
    financeHead: field('财务负责人'),
  },
};
