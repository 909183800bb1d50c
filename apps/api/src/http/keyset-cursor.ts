import { fieldInvalid } from './validation';

/**
 * A keyset page's position as an opaque cursor: the ordering columns' values of its last row, as
 * base64url JSON. Each list names its columns and checks them back (`read`); anything else — not
 * base64url JSON, or values of the wrong shape — is the same 400.
 */
export function encodeKeyset(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeKeyset<T>(text: string, read: (values: unknown[]) => T | null): T {
  try {
    const values: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const position = Array.isArray(values) ? read(values) : null;
    if (position) return position;
  } catch {
    // falls through to the same answer as a well-formed but wrong cursor
  }
  throw fieldInvalid('cursor', 'cursor', '分页游标无效，请从第一页重新加载');
}

export const isRowId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);
