/** How an audited action ended: done, failed (e.g. a wrong password), or refused by the access checks. */
export type AuditOutcome = 'success' | 'failure' | 'denied';
