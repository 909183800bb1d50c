import { rulesToAST } from '@casl/ability/extra';
import type { AppAbility, Action, SubjectName } from '@evalflow/domain';

/** A piece of SQL and its parameters, numbered from a given offset. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

export class UntranslatableRuleError extends Error {
  constructor(what: string) {
    super(`Cannot turn an ability rule into SQL: ${what}`);
    this.name = 'UntranslatableRuleError';
  }
}

/**
 * Turns what an ability allows for (action, subject) into a WHERE clause, so list queries return
 * exactly the rows `ability.can()` would allow. Fields map to columns through `columns`; any field
 * or operator not listed fails closed (throws) rather than being ignored.
 */
export function abilityFilter(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  columns: Record<string, string>,
  firstParam = 1,
): SqlFilter {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (!ast) return { sql: 'FALSE', params: [] };
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const column = (field: string | undefined) => {
    const name = field ? columns[field] : undefined;
    if (!name) throw new UntranslatableRuleError(`field "${field}" of ${subject} has no column`);
    return name;
  };
  const walk = (node: AstNode): string => {
    const children = () => (node.value as AstNode[]).map(walk);
    switch (node.operator) {
      case 'and': {
        const parts = children();
        return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
      }
      case 'or': {
        const parts = children();
        return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
      }
      case 'not':
        return `NOT ${children()[0] ?? 'TRUE'}`;
      case 'eq':
        return node.value === null ? `${column(node.field)} IS NULL` : `${column(node.field)} = ${param(node.value)}`;
      case 'ne':
        return node.value === null
          ? `${column(node.field)} IS NOT NULL`
          : `${column(node.field)} IS DISTINCT FROM ${param(node.value)}`;
      case 'in':
        return `${column(node.field)} = ANY(${param(node.value)})`;
      case 'nin':
        return `NOT (${column(node.field)} = ANY(${param(node.value)}))`;
      default:
        throw new UntranslatableRuleError(`operator "${node.operator}"`);
    }
  };
  return { sql: walk(ast), params };
}
