/** The fiscal year reports are written for this spring: last year's. */
export const defaultFiscalYear = (now = new Date()) => now.getFullYear() - 1;

export const MIN_FISCAL_YEAR = 2000;
export const MAX_FISCAL_YEAR = 2100;

/** Whether `year` is one a template can be published to (or previewed for). */
export const isFiscalYear = (year: number) =>
  Number.isInteger(year) && year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR;
