import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import {
  AppError,
  checkEvidenceLimits,
  checkGradeBands,
  validateInflationThresholds,
  type AppAbility,
  type EvidenceLimits,
  type FourEyesSettings,
  type InflationThresholds,
  type Principal,
} from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { loadSettings } from './grade-bands.store';
import type { FieldProblem } from '../http/validation';
import type { SettingsView, UpdateSettingsDto } from './settings.dto';

/** The county's own settings: grade bands, the head's sign-off, the four-eyes rules, deadlines per fiscal year. */
@Injectable()
export class SettingsService {
  private readonly ceilings: EvidenceLimits;

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    const { maxFileMb, maxReportMb } = config.get('evidence', { infer: true });
    this.ceilings = { maxFileMb, maxReportMb };
  }

  async get(principal: Principal, ability: AppAbility): Promise<SettingsView> {
    assertCan(ability, 'read', 'TenantSettings', { tenantId: principal.tenantId });
    return this.view(await this.db.tx((em) => loadSettings(em)));
  }

  private view(stored: Awaited<ReturnType<typeof loadSettings>>): SettingsView {
    return { ...stored, evidenceCeilings: this.ceilings };
  }

  async update(
    principal: Principal,
    ability: AppAbility,
    version: number,
    dto: UpdateSettingsDto,
  ): Promise<SettingsView> {
    const tenantId = principal.tenantId as string;
    assertCan(ability, 'update', 'TenantSettings', { tenantId });
    const bands = dto.gradeBands?.map((b) => ({ grade: b.grade, label: b.label.trim(), min: b.min }));
    if (bands) {
      const problems = checkGradeBands(bands);
      if (problems.length)
        throw new AppError('GRADE_BANDS_INVALID', { problems }, `评价等级划分不正确：${problems.join('；')}`);
    }
    const thresholds = dto.inflationThresholds === undefined ? undefined : checkedThresholds(dto.inflationThresholds);
    const stored = await this.db.tx(async (em) => {
      const current = await loadSettings(em, true);
      if (current.version !== version) throw versionMismatch(current.version, this.view(current));
      const next = {
        gradeBands: bands ?? current.gradeBands,
        requireHeadSignOff: dto.requireHeadSignOff ?? current.requireHeadSignOff,
        inflationThresholds: thresholds ?? current.inflationThresholds,
        fourEyes: { ...current.fourEyes, ...definedOnly(dto.fourEyes) },
        evidenceLimits: { ...current.evidenceLimits, ...definedOnly(dto.evidenceLimits) },
      };
      if (dto.evidenceLimits) this.checkEvidenceLimits(next.evidenceLimits);
      await em.query(
        `INSERT INTO tenant_settings (tenant_id, grade_bands, require_head_sign_off, inflation_thresholds, updated_by,
                                      reviewer_may_not_approve, author_may_not_review,
                                      evidence_max_file_mb, evidence_max_report_mb)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id) DO UPDATE
           SET grade_bands = EXCLUDED.grade_bands, require_head_sign_off = EXCLUDED.require_head_sign_off,
               inflation_thresholds = EXCLUDED.inflation_thresholds,
               reviewer_may_not_approve = EXCLUDED.reviewer_may_not_approve,
               author_may_not_review = EXCLUDED.author_may_not_review,
               evidence_max_file_mb = EXCLUDED.evidence_max_file_mb,
               evidence_max_report_mb = EXCLUDED.evidence_max_report_mb,
               updated_by = EXCLUDED.updated_by, version = tenant_settings.version + 1, updated_at = now()`,
        [
          tenantId,
          JSON.stringify(next.gradeBands),
          next.requireHeadSignOff,
          JSON.stringify(next.inflationThresholds),
          principal.userId,
          next.fourEyes.reviewerMayNotApprove,
          next.fourEyes.authorMayNotReview,
          next.evidenceLimits.maxFileMb,
          next.evidenceLimits.maxReportMb,
        ],
      );
      if (thresholds) {
        await this.audit.record(em, {
          tenantId,
          action: 'settings.inflation_thresholds_updated',
          targetType: 'tenant',
          targetId: tenantId,
          details: { from: current.inflationThresholds, to: thresholds },
        });
      }
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
      if (
        next.fourEyes.reviewerMayNotApprove !== current.fourEyes.reviewerMayNotApprove ||
        next.fourEyes.authorMayNotReview !== current.fourEyes.authorMayNotReview
      ) {
        await this.audit.record(em, {
          tenantId,
          action: 'settings.four_eyes_updated',
          targetType: 'tenant',
          targetId: tenantId,
          details: { from: current.fourEyes, to: next.fourEyes },
        });
      }
      if (
        next.evidenceLimits.maxFileMb !== current.evidenceLimits.maxFileMb ||
        next.evidenceLimits.maxReportMb !== current.evidenceLimits.maxReportMb
      ) {
        await this.audit.record(em, {
          tenantId,
          action: 'settings.evidence_limits_updated',
          targetType: 'tenant',
          targetId: tenantId,
          details: { from: current.evidenceLimits, to: next.evidenceLimits },
        });
      }
      return loadSettings(em);
    });
    return this.view(stored);
  }

  /** The limits as they would be, checked whole (a file limit above the report's is refused with either given). */
  private checkEvidenceLimits(limits: EvidenceLimits): void {
    const problems: FieldProblem[] = checkEvidenceLimits(limits, this.ceilings).map((p) => ({
      field: `evidenceLimits.${p.field}`,
      rule: 'evidenceLimits',
      message: p.message,
    }));
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems, problems[0].message);
  }
}

/** The values given, without the ones left out (undefined would overwrite the stored value). */
function definedOnly<T extends FourEyesSettings | EvidenceLimits>(given: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

/** The thresholds as validated by the domain, or 400 naming each field (inflationThresholds.…) in Chinese. */
function checkedThresholds(input: unknown): InflationThresholds {
  const checked = validateInflationThresholds(input);
  if (checked.ok) return checked.thresholds;
  const details: FieldProblem[] = checked.problems.map((p) => ({
    field: p.path ? `inflationThresholds.${p.path}` : 'inflationThresholds',
    rule: 'inflationThresholds',
    message: p.message,
  }));
  throw new AppError('VALIDATION_FAILED', details, `虚高预警阈值不正确：${details[0].field} ${details[0].message}`);
}
