import { defaultTemplate, type ProjectReportContent } from '@evalflow/domain';
import { zhaoxianProvincialRelief2024 } from '@evalflow/samples';
import { squash } from '@evalflow/samples/testing';
import type { RenderInput } from '../lib/render-input';
import { APPROVAL, ZHAOXIAN_BANDS } from './sample';

/** A render input of the 项目支出绩效自评表 kind. */
export type ProjectInput = RenderInput & { content: ProjectReportContent };

export function projectInput(content: ProjectReportContent, overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    content,
    template: defaultTemplate('project'),
    fiscalYear: 2024,
    departmentName: '赵县总工会',
    gradeBands: ZHAOXIAN_BANDS,
    watermark: null,
    approval: APPROVAL,
    ...overrides,
  };
}

/** 赵县总工会's table of the province's fund (冀财行【2023】98号), approved. */
export const provincialInput = (overrides: Partial<ProjectInput> = {}) =>
  projectInput(zhaoxianProvincialRelief2024(), overrides);

/**
 * Every fact of the provincial table, as the form shows it, in reading order (row by row, a block's label
 * first), whitespace removed: to be found in order in a document's squashed text. Written out from the
 * sample by hand, so that a wrong cell, a lost row or a row out of place shows.
 */
export function provincialFacts(): string[] {
  const goal = zhaoxianProvincialRelief2024().objectives.items[0];
  return [
    '项目支出绩效自评表',
    '（2024年度）',
    '项目名称2024年困难职工及劳模帮扶救助专项资金（省级）',
    '主管部门赵县总工会实施单位赵县总工会',
    '项目资金（万元）',
    '年初预算数全年预算数全年执行数分值执行率得分',
    '年度资金总额10.33610.33610.33610100%10',
    '其中：本年财政拨款10.33610.33610.336———',
    '上年结转资金000———',
    '其他资金000———',
    '年度总体目标',
    '预期目标实际完成情况',
    squash(goal.expected),
    squash(goal.actual),
    '绩效指标',
    '一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
    '产出指标数量指标帮扶救助资金发放金额≥10.336万元10.336万元2020',
    '质量指标资金发放准确率100%100%1515',
    '时效指标节假日前发放到位春节前发放到位春节前发放到位1515',
    '效益指标社会效益指标困难职工生活困难得到缓解有效缓解基本实现3027部分困难职工家庭因病致困，帮扶后仍有困难；下一年度加强动态跟踪',
    '满意度指标服务对象满意度指标受助职工满意度≥90%95%1010',
    '总分10097',
    '评价等级优秀',
    '填表人：孟荣敏联系电话：0311-84912345填报日期：2025年4月15日',
    '单位负责人：杜力伟财务负责人：孟荣敏',
  ];
}

/** The 项目编码, which the form has no place for. */
export const PROVINCIAL_CODE = '13013324T000000000098';
