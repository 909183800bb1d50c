/**
 * Exact decimal strings moved by powers of ten, by moving the point in the digits: no arithmetic, so no
 * rounding can creep in. Results are canonical: no leading zeros before the point, no trailing zeros
 * after it, "0" for zero.
 */
export function canonicalDecimal(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [intRaw, fracRaw = ''] = body.split('.');
  const int = intRaw.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracRaw.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && out !== '0' ? `-${out}` : out;
}

/** `text` × 10^shift (shift may be negative), exactly. */
export function shiftDecimal(text: string, shift: number): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int, frac = ''] = body.split('.');
  let digits = int + frac;
  let point = int.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const shifted = `${digits.slice(0, point) || '0'}.${digits.slice(point)}`;
  return canonicalDecimal(negative ? `-${shifted}` : shifted);
}

export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function integerDigits(text: string): number {
  const body = text.replace(/^-/, '');
  const dot = body.indexOf('.');
  return dot < 0 ? body.length : dot;
}
