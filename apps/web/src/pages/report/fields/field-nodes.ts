/** How a field's value reads: amounts in 万元, percentages, scores, the indicator nature, the grade, a date. */
export type ValueKind = 'text' | 'money' | 'percent' | 'score' | 'count' | 'nature' | 'grade' | 'date';

/**
 * The Chinese names of a report's fields, shaped like the content (libs/domain report/schema): a
 * field, a group of fields, or a list whose rows are named by position (第 3 行).
 */
export type FieldNode =
  | { type: 'field'; label: string; kind: ValueKind }
  | {
      type: 'group';
      label: string;
      fields: Record<string, FieldNode>;
      /**
       * 'table': the group's figures (its child groups, each of the same fields: 年初预算数, 决算数…)
       * are laid out as one table, a row per figure and a column per field; other fields follow it.
       */
      layout?: 'table';
    }
  | {
      type: 'list';
      label: string;
      /** Counts a row: 第 3「行」. */
      unit: string;
      item: FieldNode;
      /** The row field that names a row in pickers (项目名称, 三级指标). */
      titleField?: string;
      /** The row fields a tablet keeps as columns (the others open under the row): see list-compact. */
      keyFields?: string[];
    };

export type GroupNode = Extract<FieldNode, { type: 'group' }>;
export type ListNode = Extract<FieldNode, { type: 'list' }>;

export const field = (label: string, kind: ValueKind = 'text'): FieldNode => ({ type: 'field', label, kind });
export const group = (label: string, fields: Record<string, FieldNode>): FieldNode => ({
  type: 'group',
  label,
  fields,
});
/** A group of figures shown as one table (see FieldNode's layout). */
export const figureTable = (label: string, fields: Record<string, FieldNode>): FieldNode => ({
  type: 'group',
  label,
  fields,
  layout: 'table',
});
export const list = (
  label: string,
  unit: string,
  item: FieldNode,
  titleField?: string,
  keyFields?: string[],
): FieldNode => ({
  type: 'list',
  label,
  unit,
  item,
  titleField,
  ...(keyFields && { keyFields }),
});
