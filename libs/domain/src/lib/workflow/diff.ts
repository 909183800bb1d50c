/**
 * A field-by-field diff of two report contents (or any JSON), for the reviewer to see what changed
 * between two revisions. Lists are matched by their longest common subsequence, so a row inserted in
 * the middle shows as one added row, not as every later row changed; unmatched rows between two
 * matches are paired up as changed rows (then diffed field by field), the rest added or removed.
 */
export type Change =
  | { kind: 'changed'; path: string; from: unknown; to: unknown }
  | { kind: 'added'; path: string; to: unknown }
  | { kind: 'removed'; path: string; from: unknown };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key-order-insensitive equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

export function diffContent(from: unknown, to: unknown, path = ''): Change[] {
  if (jsonEqual(from, to)) return [];
  if (Array.isArray(from) && Array.isArray(to)) return diffLists(from, to, path);
  if (isObject(from) && isObject(to)) {
    const changes: Change[] = [];
    for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
      const p = join(path, key);
      if (!(key in to)) changes.push({ kind: 'removed', path: p, from: from[key] });
      else if (!(key in from)) changes.push({ kind: 'added', path: p, to: to[key] });
      else changes.push(...diffContent(from[key], to[key], p));
    }
    return changes;
  }
  return [{ kind: 'changed', path, from, to }];
}

function diffLists(from: unknown[], to: unknown[], path: string): Change[] {
  // LCS table over whole-row equality
  const n = from.length;
  const m = to.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = jsonEqual(from[i], to[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const changes: Change[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) changes.push(...diffContent(from[removed[k]], to[added[k]], join(path, added[k])));
    for (const i of removed.slice(pairs)) changes.push({ kind: 'removed', path: join(path, i), from: from[i] });
    for (const j of added.slice(pairs)) changes.push({ kind: 'added', path: join(path, j), to: to[j] });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && jsonEqual(from[i], to[j])) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(j++);
    } else {
      removed.push(i++);
    }
  }
  flush();
  return changes;
}
