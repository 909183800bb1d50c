import { EXPORT_FAILURE_MESSAGES, type ExportFailureCode } from '@evalflow/domain';

/** A bound of an export passed: no retry can pass it, so the export fails at once with its users' message. */
export class ExportLimitExceeded extends Error {
  constructor(
    readonly code: Extract<ExportFailureCode, 'EXPORT_TOO_MANY_ROWS' | 'EXPORT_TIMEOUT'>,
    limits: { maxRows: number; maxMs: number },
  ) {
    super(
      code === 'EXPORT_TOO_MANY_ROWS'
        ? EXPORT_FAILURE_MESSAGES.EXPORT_TOO_MANY_ROWS(limits.maxRows)
        : EXPORT_FAILURE_MESSAGES.EXPORT_TIMEOUT(Math.round(limits.maxMs / 1000)),
    );
    this.name = 'ExportLimitExceeded';
  }
}

/** Injection token of the export bounds (tests give smaller ones). */
export const EXPORT_LIMITS_TOKEN = Symbol('EXPORT_LIMITS');
