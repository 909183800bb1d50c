import { tagged, type AppAbility } from '@evalflow/domain';
import type { MeView } from '../../api/types';

/** Whether the signed-in user reads the county's templates (every county user). */
export function canReadTemplates(ability: AppAbility, me: MeView): boolean {
  return me.tenant !== null && ability.can('read', tagged('ReportTemplate', { tenantId: me.tenant.id }));
}

/** Whether the signed-in user copies, edits and publishes the county's templates (县级管理员). */
export function canEditTemplates(ability: AppAbility, me: MeView): boolean {
  return me.tenant !== null && ability.can('update', tagged('ReportTemplate', { tenantId: me.tenant.id }));
}

/** The fiscal year reports are written for this spring: last year's. */
export const defaultFiscalYear = (now = new Date()) => now.getFullYear() - 1;
