import { Injectable } from '@nestjs/common';
import { AppError, checkGradeBands, type AppAbility, type Principal } from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { loadSettings } from './grade-bands.store';
import type { SettingsView, UpdateSettingsDto } from './settings.dto';

/** The county's own settings: grade bands, the head's sign-off, deadlines per fiscal year. */
@Injectable()
export class SettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(principal: Principal, ability: AppAbility): Promise<SettingsView> {
    assertCan(ability, 'read', 'TenantSettings', { tenantId: principal.tenantId });
    return this.db.tx((em) => loadSettings(em));
  }

  update(principal: Principal, ability: AppAbility, version: number, dto: UpdateSettingsDto): Promise<SettingsView> {
    const tenantId = principal.tenantId as string;
    assertCan(ability, 'update', 'TenantSettings', { tenantId });
    const bands = dto.gradeBands?.map((b) => ({ grade: b.grade, label: b.label.trim(), min: b.min }));
    if (bands) {
      const problems = checkGradeBands(bands);
      if (problems.length)
        throw new AppError('GRADE_BANDS_INVALID', { problems }, `评价等级划分不正确：${problems.join('；')}`);
    }
    return this.db.tx(async (em) => {
      const current = await loadSettings(em, true);
      if (current.version !== version) throw versionMismatch(current.version, current);
      const next = {
        gradeBands: bands ?? current.gradeBands,
        requireHeadSignOff: dto.requireHeadSignOff ?? current.requireHeadSignOff,
      };
      await em.query(
        `INSERT INTO tenant_settings (tenant_id, grade_bands, require_head_sign_off, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE
           SET grade_bands = EXCLUDED.grade_bands, require_head_sign_off = EXCLUDED.require_head_sign_off,
               updated_by = EXCLUDED.updated_by, version = tenant_settings.version + 1, updated_at = now()`,
        [tenantId, JSON.stringify(next.gradeBands), next.requireHeadSignOff, principal.userId],
      );
      if (bands) {
        await this.audit.record(em, {
          tenantId,
          action: 'settings.grade_bands_updated',
          targetType: 'tenant',
          targetId: tenantId,
          details: { from: current.gradeBands, to: bands },
        });
      }
      if (next.requireHeadSignOff !== current.requireHeadSignOff) {
        await this.audit.record(em, {
          tenantId,
          action: 'settings.head_sign_off_updated',
          targetType: 'tenant',
          targetId: tenantId,
          details: { from: current.requireHeadSignOff, to: next.requireHeadSignOff },
        });
      }
      return loadSettings(em);
    });
  }
}
