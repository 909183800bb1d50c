import type { AmountUnit } from './amount';

const HEADER_UNIT = /(?:[(（]\s*(?:单位\s*[:：]\s*)?(亿元|万元|千元|元)\s*[)）]|单位\s*[:：]\s*(亿元|万元|千元|元))/;

/**
 * The amount unit a table header or caption states for its numbers — 「金额（万元）」, 「单位：元」 — so that
 * a cell holding a bare 178.646 can be read with parseAmount(cell, { defaultUnit }). Null when none is stated.
 */
export function amountUnitInHeader(text: string): AmountUnit | null {
  const match = HEADER_UNIT.exec(text);
  return match ? ((match[1] ?? match[2]) as AmountUnit) : null;
}
