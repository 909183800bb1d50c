import { EXPORT_FAILURE_MESSAGES, type ExportFailureCode, type ExportLimits } from '@evalflow/domain';

type LimitCode = Extract<ExportFailureCode, 'EXPORT_TOO_MANY_ROWS' | 'EXPORT_TOO_LARGE' | 'EXPORT_TIMEOUT'>;

function limitMessage(code: LimitCode, limits: Pick<ExportLimits, 'maxRows' | 'maxMs' | 'maxBundleBytes'>): string {
  switch (code) {
    case 'EXPORT_TOO_MANY_ROWS':
      return EXPORT_FAILURE_MESSAGES.EXPORT_TOO_MANY_ROWS(limits.maxRows);
    case 'EXPORT_TOO_LARGE':
      return EXPORT_FAILURE_MESSAGES.EXPORT_TOO_LARGE(limits.maxBundleBytes);
    case 'EXPORT_TIMEOUT':
      return EXPORT_FAILURE_MESSAGES.EXPORT_TIMEOUT(Math.round(limits.maxMs / 1000));
  }
}

/** A bound of an export passed: no retry can pass it, so the export fails at once with its users' message. */
export class ExportLimitExceeded extends Error {
  constructor(
    readonly code: LimitCode,
    limits: Pick<ExportLimits, 'maxRows' | 'maxMs' | 'maxBundleBytes'>,
  ) {
    super(limitMessage(code, limits));
    this.name = 'ExportLimitExceeded';
  }
}

/** Injection token of the export bounds (tests give smaller ones). */
export const EXPORT_LIMITS_TOKEN = Symbol('EXPORT_LIMITS');
