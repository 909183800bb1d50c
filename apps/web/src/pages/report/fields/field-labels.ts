import { partLabel, type ReportKind, type ReportPart } from '@evalflow/domain';
import { group, type FieldNode } from './field-nodes';
import { OVERALL_FIELDS } from './overall-fields';
import { PROJECT_FIELDS } from './project-fields';

const KIND_FIELDS: Record<ReportKind, Partial<Record<ReportPart, Record<string, FieldNode>>>> = {
  department_overall: OVERALL_FIELDS,
  project: PROJECT_FIELDS,
};

/**
 * A part of a report of this kind as one node, named by its heading in that kind (the 部门整体
 * report's 绩效自评表 is the project table's 项目资金和绩效指标); undefined for a part the kind lacks.
 */
export function partNode(kind: ReportKind, part: ReportPart): FieldNode | undefined {
  const fields = KIND_FIELDS[kind][part];
  return fields && group(partLabel(kind, part), fields);
}
