import { AppError } from '@evalflow/domain';

/** A year reports may be written or forms published for: at most next year (a notice comes out before its year). */
export function assertFiscalYearNotLater(fiscalYear: number, now = new Date()): void {
  if (fiscalYear > now.getFullYear() + 1) {
    throw new AppError('REPORT_YEAR_INVALID', { fiscalYear }, '年度不能晚于明年');
  }
}
