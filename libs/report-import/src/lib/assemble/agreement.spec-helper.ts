/**
 * Field-level agreement of an imported content with the truth: every leaf of the truth (a string, number,
 * null or boolean at a path) counts once; it is right when the import holds the same value there (decimal
 * strings compared as numbers written exactly: 「0.00」 is 「0」). Imported leaves with a value where the
 * truth has none or another are wrong (precision).
 */
export interface Agreement {
  right: number;
  total: number;
  /** leaves the import filled (non-empty) */
  filled: number;
  /** filled leaves whose value is right */
  filledRight: number;
  differ: string[];
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const canonical = (v: unknown) =>
  typeof v === 'string' && DECIMAL.test(v)
    ? v
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '')
        .replace(/^-0$/, '0')
    : v;
const isEmpty = (v: unknown) => v === null || v === '' || v === undefined;

export function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      for (const [p, x] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, x);
  } else out.set(path, value);
  return out;
}

export function agreement(truth: unknown, imported: unknown): Agreement {
  const t = leaves(truth);
  const i = leaves(imported);
  let right = 0;
  let filled = 0;
  let filledRight = 0;
  const differ: string[] = [];
  for (const [path, want] of t) {
    if (canonical(want) === canonical(i.get(path))) right++;
    else differ.push(`${path}: ${describe(i.get(path), want)}`);
  }
  for (const [path, got] of i) {
    if (isEmpty(got)) continue;
    filled++;
    if (canonical(got) === canonical(t.get(path))) filledRight++;
    else if (!t.has(path)) differ.push(`${path}: ${JSON.stringify(got)} (not in the truth)`.slice(0, 200));
  }
  return { right, total: t.size, filled, filledRight, differ };
}

/** Two values side by side; long texts from where they part. */
function describe(got: unknown, want: unknown): string {
  if (typeof got === 'string' && typeof want === 'string' && (got.length > 60 || want.length > 60)) {
    let at = 0;
    while (at < got.length && got[at] === want[at]) at++;
    const from = Math.max(0, at - 10);
    return `at ${at}: …${JSON.stringify(got.slice(from, at + 30))} ≠ …${JSON.stringify(want.slice(from, at + 30))}`;
  }
  return `${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`.slice(0, 200);
}
