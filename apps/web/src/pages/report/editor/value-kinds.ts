import type { ValueKind } from '../fields/field-labels';

/** Amounts that must always hold a value (an empty budget line amount is a format error, not null). */
const REQUIRED_MONEY = [/\.lines\.\d+\.amount$/, /\.assets\.(current|previous)\.\w+$/];

/** Whether an emptied input stores null (else the empty string). */
export function storesNull(path: string, kind: ValueKind): boolean {
  if (kind === 'text' || kind === 'nature') return false;
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
  /^problems\./,
  /deviationNote$/,
];

/** Narrative fields get a growing text area, short ones a one-line input. */
export const isLongText = (path: string) => LONG_TEXT.some((re) => re.test(path));
