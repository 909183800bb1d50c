import type { LibraryPosition } from '@evalflow/persistence';
import { fieldInvalid } from '../http/validation';

/** Where a page of the 指标库 ends: 一级, 二级, 三级 names and id, as an opaque base64url text. */
export function encodeLibraryCursor(p: LibraryPosition): string {
  return Buffer.from(JSON.stringify([p.level1, p.level2, p.level3, p.id]), 'utf8').toString('base64url');
}

export function decodeLibraryCursor(text: string): LibraryPosition {
  try {
    const [level1, level2, level3, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      typeof level1 === 'string' &&
      typeof level2 === 'string' &&
      typeof level3 === 'string' &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { level1, level2, level3, id };
    }
  } catch {
    // falls through to the same answer as a well-formed but wrong cursor
  }
  throw fieldInvalid('cursor', 'cursor', '分页游标无效，请从第一页重新加载');
}
