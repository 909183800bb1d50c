import type { LibraryPosition } from '@evalflow/persistence';
import { decodeKeyset, encodeKeyset, isRowId } from '../http/keyset-cursor';

const isText = (v: unknown): v is string => typeof v === 'string';

/** Where a page of the 指标库 ends: 一级, 二级, 三级 names and id. */
export function encodeLibraryCursor(p: LibraryPosition): string {
  return encodeKeyset([p.level1, p.level2, p.level3, p.id]);
}

export function decodeLibraryCursor(text: string): LibraryPosition {
  return decodeKeyset(text, ([level1, level2, level3, id]) =>
    isText(level1) && isText(level2) && isText(level3) && isRowId(id) ? { level1, level2, level3, id } : null,
  );
}
