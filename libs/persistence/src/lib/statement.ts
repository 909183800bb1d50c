import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import { rowsOf } from './tenant-tx';

/**
 * One SQL statement and how its rows become a value. A statement runs alone in a transaction (`run`), or with
 * others in one round trip (`TenantDb.snapshot`), so the hottest reads cost one trip to PostgreSQL instead of one
 * per question.
 */
export interface Statement<T> {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly read: (rows: Record<string, unknown>[]) => T;
  /**
   * A name under which `TenantDb.snapshot` prepares the statement once per connection and then only executes it:
   * planning was most of PostgreSQL's time on a report read. One name, one text (checked).
   */
  readonly prepareAs?: string;
}

export function statement<T>(
  sql: string,
  params: readonly unknown[],
  read: Statement<T>['read'],
  prepareAs?: string,
): Statement<T> {
  if (prepareAs) claimName(prepareAs, sql);
  return { sql, params, read, prepareAs };
}

const preparedTexts = new Map<string, string>();

function claimName(name: string, sql: string): void {
  if (!/^evalflow_[a-z_]+$/.test(name)) throw new Error(`prepared statement name ${name} must be evalflow_[a-z_]+`);
  const taken = preparedTexts.get(name);
  if (taken !== undefined && taken !== sql) throw new Error(`prepared statement ${name} already names another text`);
  preparedTexts.set(name, sql);
}

/** The first row, or null. */
export const firstRow =
  <T>() =>
  (rows: Record<string, unknown>[]): T | null =>
    (rows[0] as T | undefined) ?? null;

/** Every row. */
export const allRows =
  <T>() =>
  (rows: Record<string, unknown>[]): T[] =>
    rows as T[];

/** Runs one statement in the caller's transaction. */
export async function run<T>(em: EntityManager, s: Statement<T>): Promise<T> {
  return s.read(await rowsOf<Record<string, unknown>>(em, s.sql, [...s.params]));
}

/**
 * A parameter as a quoted literal. Quoted like a parameter is sent (text of unknown type, typed by where it
 * stands), so a statement means the same inlined as bound. Arrays are refused: a bound array is sent as a
 * PostgreSQL array and quoting it here would change what it means.
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value) || Buffer.isBuffer(value)) throw new Error('an array or a buffer cannot be inlined');
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  if (typeof value === 'object') return escapeLiteral(JSON.stringify(value));
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} cannot be inlined`);
  return escapeLiteral(String(value));
}

/** `EXECUTE name(literal, …)` of a prepared statement. */
export function execute(s: Statement<unknown>): string {
  if (!s.prepareAs) throw new Error('the statement has no prepared name');
  return s.params.length ? `EXECUTE ${s.prepareAs}(${s.params.map(literal).join(', ')})` : `EXECUTE ${s.prepareAs}`;
}

/** The statement's text with its parameters written in, for a multi-statement simple query. */
export function inline(s: Pick<Statement<unknown>, 'sql' | 'params'>): string {
  return s.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= s.params.length) throw new Error(`statement has no parameter $${n}`);
    return literal(s.params[index]);
  });
}
