import type { ValueKind } from '../fields/field-nodes';

/**
 * Amounts that must always hold a value (an empty budget line's 年初预算数 is a format error, not
 * null); its 执行数 may be left empty.
 */
const REQUIRED_MONEY = [/\.lines\.\d+\.amount$/, /\.assets\.(current|previous)\.\w+$/];

/** Whether an emptied input stores null (else the empty string). */
export function storesNull(path: string, kind: ValueKind): boolean {
  // a date not filled in is the empty string (填报日期)
  if (kind === 'text' || kind === 'nature' || kind === 'date') return false;
  if (kind === 'money') return !REQUIRED_MONEY.some((re) => re.test(path));
  return true;
}

const LONG_TEXT = [
  /^header\.principles$/,
  /^basicInfo\.functions\.\d+$/,
  /^basicInfo\.staffing\.changeReason$/,
  /^goals\.items\.\d+\.text$/,
  /^selfEvaluation\./,
  /^results\.overall$/,
  /^results\.items\.\d+\.(text|explanation)$/,
  /^conclusion\.basis$/,
  /^objectives\.items\.\d+\.(expected|actual)$/,
  /^problems\./,
  /deviationNote$/,
];

/** Narrative fields get a growing text area, short ones a one-line input. */
export const isLongText = (path: string) => LONG_TEXT.some((re) => re.test(path));
