import { Injectable } from '@nestjs/common';
import {
  AppError,
  applySelectionRule,
  describeSelectionRule,
  parseSelectionRule,
  SELECTABLE_STATUSES,
  type AppAbility,
  type Principal,
  type SelectionRule,
  type TrafficLight,
} from '@evalflow/domain';
import { loadFlagReports, tenantOf, TenantDb, type TenantTx } from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { departmentFlags } from '../dashboard/dashboard-flags';
import { loadSettings } from '../settings/grade-bands.store';
import { findBatch, listBatches, selectableReports } from './spot-check-store';
import type {
  CreateSpotCheckDto,
  SelectedReportView,
  SelectionPreviewDto,
  SelectionPreviewView,
} from './spot-checks.dto';

/**
 * 抽评 selections of the finance bureau: a rule (by hand, a seeded share, a score line, a 预警灯) applied to
 * the year's submitted, in-review and approved reports. A report is selected at most once: a rule passes
 * over reports already selected (de-duplicated), a hand-picked list naming one is refused.
 */
@Injectable()
export class SpotChecksService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  candidates(ability: AppAbility, fiscalYear: number) {
    return this.db.tx(async (tx) => {
      assertFinance(ability, tx);
      return selectableReports(tx, fiscalYear, SELECTABLE_STATUSES);
    });
  }

  preview(ability: AppAbility, dto: SelectionPreviewDto): Promise<SelectionPreviewView> {
    const rule = requireRule(dto.rule);
    return this.db.tx(async (tx) => {
      assertFinance(ability, tx);
      const { picks, candidates } = await select(tx, dto.fiscalYear, rule);
      return { fiscalYear: dto.fiscalYear, ruleText: describeSelectionRule(rule), candidates, reports: picks };
    });
  }

  create(principal: Principal, ability: AppAbility, dto: CreateSpotCheckDto) {
    const rule = requireRule(dto.rule);
    const name = dto.name.trim();
    if (!name) throw new AppError('VALIDATION_FAILED', [{ field: 'name', message: '请填写批次名称' }]);
    return this.db.tx(async (tx) => {
      assertFinance(ability, tx);
      const tenantId = tenantOf(tx);
      // one selection of a county's year at a time, so two batches never pick the same report
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('spot-check:' || $1 || ':' || $2::text))`, [
        tenantId,
        dto.fiscalYear,
      ]);
      const { picks } = await select(tx, dto.fiscalYear, rule);
      if (!picks.length) throw new AppError('SPOT_CHECK_NOTHING_SELECTED', { ruleText: describeSelectionRule(rule) });
      const ruleText = describeSelectionRule(rule);
      const [{ id }] = await tx.query(
        `INSERT INTO spot_check_batches (tenant_id, fiscal_year, name, rule, rule_text, created_by, created_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [tenantId, dto.fiscalYear, name, JSON.stringify(rule), ruleText, principal.userId, principal.displayName],
      );
      await tx.query(
        `INSERT INTO spot_check_reports (tenant_id, report_id, batch_id) SELECT $1, unnest($2::uuid[]), $3`,
        [tenantId, picks.map((p) => p.id), id],
      );
      await this.audit.record(tx, {
        tenantId,
        action: 'spot_check.created',
        targetType: 'spot_check_batch',
        targetId: id,
        details: { fiscalYear: dto.fiscalYear, rule, ruleText, reportIds: picks.map((p) => p.id) },
      });
      return findBatch(tx, id);
    });
  }

  list(ability: AppAbility, fiscalYear: number | undefined) {
    return this.db.tx(async (tx) => {
      assertFinance(ability, tx);
      return listBatches(tx, fiscalYear ?? null);
    });
  }

  get(ability: AppAbility, id: string) {
    return this.db.tx(async (tx) => {
      assertFinance(ability, tx);
      return findBatch(tx, id);
    });
  }
}

/** The whole county's reports: the finance bureau's (a department user may review nothing). */
function assertFinance(ability: AppAbility, tx: TenantTx): void {
  assertCan(ability, 'review', 'Report', { tenantId: tenantOf(tx) });
}

function requireRule(input: unknown): SelectionRule {
  const checked = parseSelectionRule(input);
  if (!checked.ok) {
    throw new AppError(
      'SPOT_CHECK_RULE_INVALID',
      [{ field: checked.field, message: checked.message }],
      checked.message,
    );
  }
  return checked.rule;
}

/** What the rule picks among the year's selectable reports not yet selected; a hand pick naming others is refused. */
async function select(
  tx: TenantTx,
  fiscalYear: number,
  rule: SelectionRule,
): Promise<{ picks: SelectedReportView[]; candidates: number }> {
  const all = await selectableReports(tx, fiscalYear, SELECTABLE_STATUSES);
  const open = all.filter((r) => !r.alreadySelected);
  if (rule.kind === 'manual') {
    const byId = new Map(all.map((r) => [r.id, r]));
    const unknown = rule.reportIds.filter((id) => !byId.has(id));
    if (unknown.length) throw new AppError('SPOT_CHECK_REPORT_NOT_SELECTABLE', { reportIds: unknown });
    const taken = rule.reportIds.filter((id) => byId.get(id)?.alreadySelected);
    if (taken.length) throw new AppError('SPOT_CHECK_ALREADY_SELECTED', { reportIds: taken });
  }
  const lights = rule.kind === 'flagged' ? await departmentLights(tx, fiscalYear) : new Map<string, TrafficLight>();
  const picked = new Set(applySelectionRule(rule, open, (d) => lights.get(d) ?? null));
  return { picks: open.filter((r) => picked.has(r.id)), candidates: open.length };
}

/** Each department's 预警灯 of the year, judged exactly as 县级概览 judges it (same SQL, same rules, same thresholds). */
async function departmentLights(tx: TenantTx, fiscalYear: number): Promise<Map<string, TrafficLight>> {
  const { inflationThresholds } = await loadSettings(tx);
  const records = await loadFlagReports(tx, fiscalYear);
  const lights = new Map<string, TrafficLight>();
  for (const [departmentId, judged] of departmentFlags(records, fiscalYear, inflationThresholds)) {
    if (judged.light) lights.set(departmentId, judged.light);
  }
  return lights;
}
