import {
  GRADE_KEYS,
  gradeLabel,
  NATURE_LABELS,
  type GradeBand,
  type GradeKey,
  type IndicatorNature,
} from '@evalflow/domain';
import { formatDate } from '../../../components/date-time';
import type { FieldNode, ValueKind } from './field-nodes';
import { EMPTY, formatMoney, formatPercent } from './format';

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * A value of the report as a reader should see it, in a diff or beside a comment: amounts in
 * 万元, percentages with %, a row as its named fields, a grade in `bands`' words (优/良/中/差 without them).
 * Without a known field, the raw value.
 */
export function formatValue(node: FieldNode | undefined, value: unknown, bands?: GradeBand[]): string {
  if (isBlank(value)) return EMPTY;
  if (!node) return typeof value === 'string' ? value : JSON.stringify(value);
  switch (node.type) {
    case 'field':
      return formatField(node.kind, value, bands);
    case 'group': {
      if (typeof value !== 'object' || value === null) return String(value);
      const record = value as Record<string, unknown>;
      return Object.entries(node.fields)
        .filter(([key]) => key in record)
        .map(([key, child]) => {
          const text = formatValue(child, record[key], bands);
          return child.label ? `${child.label}：${text}` : text;
        })
        .join('；');
    }
    case 'list':
      return Array.isArray(value) ? `${value.length} ${node.unit}` : String(value);
  }
}

function formatField(kind: ValueKind, value: unknown, bands?: GradeBand[]): string {
  const text = typeof value === 'string' ? value : String(value);
  switch (kind) {
    case 'money':
      return `${formatMoney(text)} 万元`;
    case 'percent':
      return formatPercent(text);
    case 'nature':
      return NATURE_LABELS[text as IndicatorNature] ?? text;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text;
    case 'grade':
      return (GRADE_KEYS as readonly string[]).includes(text) ? gradeLabel(text as GradeKey, bands) : text;
    default:
      return text;
  }
}
