import type { FieldNode } from '../fields/field-nodes';
import { storesNull } from './value-kinds';

/** A new row or group, every field empty (null where the schema allows it). */
export function emptyValue(node: FieldNode, path: string): unknown {
  if (node.type === 'list') return [];
  if (node.type === 'group') {
    return Object.fromEntries(Object.entries(node.fields).map(([k, child]) => [k, emptyValue(child, `${path}.${k}`)]));
  }
  if (node.kind === 'nature') return '>=';
  return storesNull(path, node.kind) ? null : '';
}
