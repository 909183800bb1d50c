import { Injectable } from '@nestjs/common';
import {
  AppError,
  checkDeadline,
  chinaDate,
  deadlineConfirmationReason,
  type AppAbility,
  type Principal,
} from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import type { DeadlineView } from './settings.dto';

const DEADLINE_SELECT = `SELECT fiscal_year, to_char(due_on, 'YYYY-MM-DD') AS due_on, version, updated_at FROM report_deadlines`;

function toView(r: Record<string, unknown>): DeadlineView {
  return {
    fiscalYear: r['fiscal_year'] as number,
    dueOn: r['due_on'] as string,
    version: r['version'] as number,
    updatedAt: (r['updated_at'] as Date).toISOString(),
  };
}

/** Deadlines (填报截止日期) of the county, one per fiscal year; version 0 stands for "not set yet". */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(principal: Principal, ability: AppAbility): Promise<DeadlineView[]> {
    assertCan(ability, 'read', 'TenantSettings', { tenantId: principal.tenantId });
    return this.db.tx(async (em) => (await em.query(`${DEADLINE_SELECT} ORDER BY fiscal_year DESC`)).map(toView));
  }

  set(
    principal: Principal,
    ability: AppAbility,
    fiscalYear: number,
    version: number,
    dueOn: string,
    { confirmed }: { confirmed: boolean },
  ) {
    const tenantId = principal.tenantId as string;
    assertCan(ability, 'update', 'TenantSettings', { tenantId });
    const problem = checkDeadline(fiscalYear, dueOn);
    if (problem) throw new AppError('DEADLINE_INVALID', [{ field: 'dueOn', message: problem }], problem);
    // a past or too-near day is a mistake more often than a choice: it is set only when confirmed
    const doubt = deadlineConfirmationReason(dueOn, chinaDate(new Date()));
    if (doubt && !confirmed) {
      throw new AppError('DEADLINE_NEEDS_CONFIRMATION', [{ field: 'dueOn', rule: 'confirm', message: doubt }], doubt);
    }
    return this.db.tx(async (em) => {
      const current = await findDeadline(em, fiscalYear, true);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== version) throw versionMismatch(currentVersion, current);
      // a concurrent first setting of the same year meets the primary key: the loser gets a version mismatch
      const [row] = await em.query(
        `INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, fiscal_year) DO UPDATE
           SET due_on = EXCLUDED.due_on, updated_by = EXCLUDED.updated_by,
               version = report_deadlines.version + 1, updated_at = now()
           WHERE report_deadlines.version = $5
         RETURNING fiscal_year, to_char(due_on, 'YYYY-MM-DD') AS due_on, version, updated_at`,
        [tenantId, fiscalYear, dueOn, principal.userId, version],
      );
      if (!row) {
        const now = await findDeadline(em, fiscalYear);
        throw versionMismatch(now?.version ?? 0, now);
      }
      await this.audit.record(em, {
        tenantId,
        action: 'settings.deadline_set',
        targetType: 'tenant',
        targetId: tenantId,
        details: { fiscalYear, from: current?.dueOn ?? null, to: dueOn, ...(doubt && { confirmed: true }) },
      });
      return toView(row);
    });
  }
}

async function findDeadline(em: EntityManager, fiscalYear: number, forUpdate = false): Promise<DeadlineView | null> {
  const [row] = await em.query(`${DEADLINE_SELECT} WHERE fiscal_year = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    fiscalYear,
  ]);
  return row ? toView(row) : null;
}
