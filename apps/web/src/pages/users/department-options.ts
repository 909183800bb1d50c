import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS } from '@evalflow/domain';
import type { DepartmentView } from '../../api/types';

/** Departments as Select options grouped by kind; stopped ones are marked, and greyed out when `toAssign`. */
export function departmentOptions(departments: DepartmentView[], toAssign = false) {
  return DEPARTMENT_KINDS.map((kind) => ({
    label: DEPARTMENT_KIND_LABELS[kind],
    title: DEPARTMENT_KIND_LABELS[kind],
    options: departments
      .filter((d) => d.kind === kind)
      .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已停用）`, disabled: toAssign && !d.active })),
  })).filter((group) => group.options.length > 0);
}
