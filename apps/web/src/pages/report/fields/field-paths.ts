import { isPartOf, partLabel, type ReportKind, type ReportPart } from '@evalflow/domain';
import { partNode } from './field-labels';
import type { FieldNode, ListNode } from './field-nodes';

export interface PathDescription {
  /** The part the path lies in; null for what belongs to no part of the kind (schemaVersion). */
  part: ReportPart | null;
  /** Heading of the part, e.g. （二）部门收支预决算情况. */
  partLabel: string;
  /** The field inside the part, e.g. 预算明细 第3行 · 金额; empty for the part itself. */
  fieldLabel: string;
  /** What the path names, when it is a known field (to format its value). */
  node: FieldNode | undefined;
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * A readable Chinese name for a dotted content path of a report of this kind: 'budget.lines.2.amount'
 * → （二）部门收支预决算情况 / 项目预算明细 第3行 · 年初预算数. Unknown segments are kept as they are.
 */
export function describePath(kind: ReportKind, path: string): PathDescription {
  const [head, ...rest] = path.split('.');
  if (!isPartOf(kind, head)) {
    return {
      part: null,
      partLabel: head === 'schemaVersion' ? '报告结构版本' : head,
      fieldLabel: rest.join('.'),
      node: undefined,
    };
  }
  let node: FieldNode | undefined = partNode(kind, head);
  const pieces: string[] = [];
  for (const segment of rest) {
    if (node?.type === 'list' && isIndex(segment)) {
      const row = `第${Number(segment) + 1}${node.unit}`;
      if (pieces.length) pieces[pieces.length - 1] += ` ${row}`;
      else pieces.push(row);
      node = node.item;
    } else if (node?.type === 'group' && segment in node.fields) {
      node = node.fields[segment];
      if (node.label) pieces.push(node.label);
    } else {
      node = undefined;
      pieces.push(segment);
    }
  }
  return { part: head, partLabel: partLabel(kind, head), fieldLabel: pieces.join(' · '), node };
}

/**
 * The part and field of a path in one line: （二）部门收支预决算情况 › 项目预算明细 第3行 · 年初预算数. The part is
 * named by `partName` when given (the heading the report's template gives it).
 */
export function pathLabel(kind: ReportKind, path: string, partName?: (part: ReportPart) => string): string {
  const described = describePath(kind, path);
  const part = described.part && partName ? partName(described.part) : described.partLabel;
  return described.fieldLabel ? `${part} › ${described.fieldLabel}` : part;
}

/** Only the field inside its part (the part is shown around it); the part's name for the part itself. */
export function fieldLabelOf(kind: ReportKind, path: string): string {
  const described = describePath(kind, path);
  return described.fieldLabel || described.partLabel;
}

export interface FieldOption {
  /** The path a comment is anchored to, e.g. budget.lines.2.amount. */
  value: string;
  label: string;
}

const MAX_TITLE = 16;

function rowTitle(node: ListNode, row: unknown): string {
  if (!node.titleField || typeof row !== 'object' || row === null) return '';
  const title = (row as Record<string, unknown>)[node.titleField];
  if (typeof title !== 'string' || !title.trim()) return '';
  const text = title.trim();
  return `（${text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE)}…` : text}）`;
}

/**
 * The fields of a part a comment may be anchored to, as the part's content has them now: every
 * field, every list as a whole, every row of a list (named by its title) and each field of a row.
 */
export function fieldOptions(kind: ReportKind, part: ReportPart, content: unknown): FieldOption[] {
  const options: FieldOption[] = [];
  const walk = (node: FieldNode, value: unknown, path: string, label: string) => {
    if (node.type === 'field') {
      options.push({ value: path, label });
      return;
    }
    if (node.type === 'group') {
      const fields = Object.entries(node.fields);
      // a group not filled in yet (资产 of a new draft) is one thing to point at
      if (typeof value !== 'object' || value === null) {
        options.push({ value: path, label });
        return;
      }
      for (const [key, child] of fields) {
        const childLabel = [label, child.label].filter(Boolean).join(' · ');
        walk(child, (value as Record<string, unknown>)[key], `${path}.${key}`, childLabel);
      }
      return;
    }
    options.push({ value: path, label: `${label}（整体）` });
    if (!Array.isArray(value)) return;
    value.forEach((row, index) => {
      const rowLabel = `${label} 第${index + 1}${node.unit}`;
      if (node.item.type === 'field') {
        options.push({ value: `${path}.${index}`, label: rowLabel });
      } else {
        options.push({ value: `${path}.${index}`, label: `${rowLabel}${rowTitle(node, row)}` });
        walk(node.item, row, `${path}.${index}`, rowLabel);
      }
    });
  };
  const root = partNode(kind, part);
  if (root?.type !== 'group' || typeof content !== 'object' || content === null) return options;
  for (const [key, child] of Object.entries(root.fields)) {
    walk(child, (content as Record<string, unknown>)[key], `${part}.${key}`, child.label);
  }
  return options;
}
