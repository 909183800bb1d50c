import { Injectable } from '@nestjs/common';
import {
  AppError,
  commentSide,
  isIsoDate,
  rectificationStep,
  type AppAbility,
  type Principal,
  type RectificationAction,
  type RectificationStatus,
} from '@evalflow/domain';
import { rowOf, TenantDb, type ReportRecord, type TenantTx } from '@evalflow/persistence';
import { canOn } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { permittedReport } from '../reports/report-store';
import type {
  AnswerRectificationDto,
  CreateRectificationDto,
  RectificationDecisionDto,
  RectificationsQuery,
  UpdateRectificationDto,
} from './rectifications.dto';
import { findItem, listFindings, listInboxItems, lockItem, reportSpotCheck, selectionOf } from './spot-check-store';

const FINDING_MAX = 2000;
const TITLE_MAX = 1000;
const ANSWER_MAX = 4000;
const EVIDENCE_TEXT_MAX = 1000;

/**
 * Findings and 整改事项 of a report selected for 抽评. The finance bureau writes findings and items and
 * closes or reopens items; the report's department answers them. Every change is versioned (If-Match),
 * audited, and kept in the item's history.
 */
@Injectable()
export class RectificationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  forReport(ability: AppAbility, reportId: string, now = new Date()) {
    return this.db.tx(async (tx) => {
      await permittedReport(tx, ability, reportId);
      return reportSpotCheck(tx, reportId, now);
    });
  }

  inbox(principal: Principal, ability: AppAbility, query: RectificationsQuery, now = new Date()) {
    return this.db.tx(async (tx) => {
      // the finance bureau sees its county's items; a department user its own department's
      const county = principal.tenantId ?? '';
      const finance = canOn(ability, 'review', 'Report', { tenantId: county });
      if (!finance && !principal.departmentId) throw new AppError('FORBIDDEN');
      return listInboxItems(
        tx,
        {
          departmentId: finance ? null : principal.departmentId,
          fiscalYear: query.fiscalYear ?? null,
          overdueOnly: query.overdue === true,
        },
        now,
      );
    });
  }

  addFinding(principal: Principal, ability: AppAbility, reportId: string, text: string) {
    const body = requireText(text, FINDING_MAX, 'SPOT_CHECK_FINDING_INVALID', 'body');
    return this.db.tx(async (tx) => {
      const report = await selectedReport(tx, ability, reportId);
      const [{ id }] = await tx.query(
        `INSERT INTO spot_check_findings (tenant_id, report_id, body, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [report.tenantId, reportId, body, principal.userId],
      );
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'spot_check.finding_added',
        targetType: 'report',
        targetId: reportId,
        details: { findingId: id },
      });
      return (await listFindings(tx, reportId)).find((f) => f.id === id);
    });
  }

  editFinding(
    principal: Principal,
    ability: AppAbility,
    reportId: string,
    findingId: string,
    version: number,
    text: string,
  ) {
    const body = requireText(text, FINDING_MAX, 'SPOT_CHECK_FINDING_INVALID', 'body');
    return this.db.tx(async (tx) => {
      const report = await selectedReport(tx, ability, reportId);
      const current = await rowOf<{ version: number }>(
        tx,
        `SELECT version FROM spot_check_findings WHERE id = $1 AND report_id = $2 FOR UPDATE`,
        [findingId, reportId],
      );
      if (!current) throw new AppError('SPOT_CHECK_FINDING_NOT_FOUND');
      const findings = await listFindings(tx, reportId);
      if (current.version !== version)
        throw versionMismatch(
          current.version,
          findings.find((f) => f.id === findingId),
        );
      await tx.query(
        `UPDATE spot_check_findings SET body = $2, version = version + 1, updated_by = $3, updated_at = now()
          WHERE id = $1`,
        [findingId, body, principal.userId],
      );
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'spot_check.finding_edited',
        targetType: 'report',
        targetId: reportId,
        details: { findingId },
      });
      return (await listFindings(tx, reportId)).find((f) => f.id === findingId);
    });
  }

  create(principal: Principal, ability: AppAbility, reportId: string, dto: CreateRectificationDto, now = new Date()) {
    const title = requireText(dto.title, TITLE_MAX, 'RECTIFICATION_INVALID', 'title');
    const dueOn = requireDueOn(dto.dueOn);
    return this.db.tx(async (tx) => {
      const report = await selectedReport(tx, ability, reportId);
      const owner = await resolveOwner(tx, report, dto.ownerUserId ?? null, dto.ownerName ?? null);
      const [{ id }] = await tx.query(
        `INSERT INTO rectification_items (tenant_id, report_id, title, owner_user_id, owner_name, due_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [report.tenantId, reportId, title, owner.userId, owner.name, dueOn, principal.userId],
      );
      await this.history(tx, principal, report.tenantId, id, 'create', null, 'open', title);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'rectification.created',
        targetType: 'rectification_item',
        targetId: id,
        details: { reportId, dueOn, owner: owner.name },
      });
      return findItem(tx, id, now);
    });
  }

  update(
    principal: Principal,
    ability: AppAbility,
    id: string,
    version: number,
    dto: UpdateRectificationDto,
    now = new Date(),
  ) {
    return this.db.tx(async (tx) => {
      const item = await lockItem(tx, id);
      const report = await permittedReport(tx, ability, item.reportId, { action: 'review' });
      if (item.version !== version) throw versionMismatch(item.version, await findItem(tx, id, now));
      if (item.status === 'closed') {
        throw new AppError(
          'RECTIFICATION_TRANSITION_INVALID',
          { status: item.status },
          '整改事项已办结，重新打开后才能修改',
        );
      }
      const changes: Record<string, unknown> = {};
      if (dto.title !== undefined)
        changes['title'] = requireText(dto.title, TITLE_MAX, 'RECTIFICATION_INVALID', 'title');
      if (dto.dueOn !== undefined) changes['due_on'] = requireDueOn(dto.dueOn);
      if (dto.ownerUserId !== undefined || dto.ownerName !== undefined) {
        const owner = await resolveOwner(tx, report, dto.ownerUserId ?? null, dto.ownerName ?? null);
        changes['owner_user_id'] = owner.userId;
        changes['owner_name'] = owner.name;
      }
      const columns = Object.keys(changes);
      if (!columns.length) return findItem(tx, id, now);
      await tx.query(
        `UPDATE rectification_items SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')},
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...columns.map((c) => changes[c])],
      );
      const note = columns.map((c) => `${COLUMN_LABELS[c]}：${String(changes[c] ?? '')}`).join('；');
      await this.history(tx, principal, report.tenantId, id, 'edit', item.status, item.status, note);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'rectification.edited',
        targetType: 'rectification_item',
        targetId: id,
        details: { reportId: item.reportId, changes },
      });
      return findItem(tx, id, now);
    });
  }

  answer(
    principal: Principal,
    ability: AppAbility,
    id: string,
    version: number,
    dto: AnswerRectificationDto,
    now = new Date(),
  ) {
    const answer = requireText(dto.answer, ANSWER_MAX, 'RECTIFICATION_INVALID', 'answer');
    const evidenceText = (dto.evidenceText ?? '').trim() || null;
    if (evidenceText && evidenceText.length > EVIDENCE_TEXT_MAX) {
      throw new AppError('RECTIFICATION_INVALID', [
        { field: 'evidenceText', message: '佐证材料说明不能超过 1000 个字' },
      ]);
    }
    return this.db.tx(async (tx) => {
      const item = await lockItem(tx, id);
      // the report's own department answers: update on the report is what its staff hold
      const report = await permittedReport(tx, ability, item.reportId, { action: 'update' });
      if (item.version !== version) throw versionMismatch(item.version, await findItem(tx, id, now));
      const to = step(item.status, 'answer', principal);
      await tx.query(
        `UPDATE rectification_items SET status = $2, answer = $3, evidence_text = $4, answered_by = $5,
                answered_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [id, to, answer, evidenceText, principal.userId],
      );
      await this.history(tx, principal, report.tenantId, id, 'answer', item.status, to, answer);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'rectification.answered',
        targetType: 'rectification_item',
        targetId: id,
        details: { reportId: item.reportId },
      });
      return findItem(tx, id, now);
    });
  }

  decide(
    principal: Principal,
    ability: AppAbility,
    id: string,
    version: number,
    dto: RectificationDecisionDto,
    now = new Date(),
  ) {
    const reason = (dto.reason ?? '').trim() || null;
    return this.db.tx(async (tx) => {
      const item = await lockItem(tx, id);
      const report = await permittedReport(tx, ability, item.reportId, { action: 'review' });
      if (item.version !== version) throw versionMismatch(item.version, await findItem(tx, id, now));
      const to = step(item.status, dto.action, principal, reason);
      await tx.query(
        `UPDATE rectification_items SET status = $2, closed_at = CASE WHEN $2 = 'closed' THEN now() END,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, to],
      );
      await this.history(tx, principal, report.tenantId, id, dto.action, item.status, to, reason);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: dto.action === 'close' ? 'rectification.closed' : 'rectification.reopened',
        targetType: 'rectification_item',
        targetId: id,
        details: { reportId: item.reportId, reason },
      });
      return findItem(tx, id, now);
    });
  }

  /** One line of an item's history, in the caller's transaction. */
  async history(
    tx: TenantTx,
    principal: Principal,
    tenantId: string,
    itemId: string,
    action: RectificationAction | 'create' | 'edit' | 'evidence',
    from: RectificationStatus | null,
    to: RectificationStatus,
    note: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO rectification_events (tenant_id, item_id, action, from_status, to_status, note, actor_id, actor_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, itemId, action, from, to, note, principal.userId, principal.displayName],
    );
  }
}

const COLUMN_LABELS: Record<string, string> = {
  title: '整改事项',
  due_on: '整改期限',
  owner_user_id: '责任人账号',
  owner_name: '责任人',
};

function step(
  status: RectificationStatus,
  action: RectificationAction,
  principal: Principal,
  reason?: string | null,
): RectificationStatus {
  const result = rectificationStep(status, action, commentSide(principal.roles), reason);
  if (result.ok) return result.to;
  if (result.reason === 'reason_required') {
    throw new AppError('RECTIFICATION_INVALID', [{ field: 'reason', message: result.message }], result.message);
  }
  throw new AppError('RECTIFICATION_TRANSITION_INVALID', { status, action }, result.message);
}

/** A report the finance bureau may review and that was selected for 抽评. */
async function selectedReport(tx: TenantTx, ability: AppAbility, reportId: string): Promise<ReportRecord> {
  const report = await permittedReport(tx, ability, reportId, { action: 'review', forUpdate: true });
  if (!(await selectionOf(tx, reportId))) throw new AppError('SPOT_CHECK_NOT_SELECTED');
  return report;
}

function requireText(
  value: unknown,
  max: number,
  code: 'SPOT_CHECK_FINDING_INVALID' | 'RECTIFICATION_INVALID',
  field: string,
): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max) {
    throw new AppError(code, [{ field, message: `不能为空，且不能超过 ${max} 个字` }]);
  }
  return text;
}

function requireDueOn(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new AppError('RECTIFICATION_INVALID', [
      { field: 'dueOn', message: '整改期限应为有效日期，格式为 YYYY-MM-DD' },
    ]);
  }
  return value;
}

/** The owner: a user of the report's department (active), or a person named in words. */
async function resolveOwner(
  tx: TenantTx,
  report: ReportRecord,
  userId: string | null,
  name: string | null,
): Promise<{ userId: string | null; name: string }> {
  if (userId) {
    const user = await rowOf<{ displayName: string }>(
      tx,
      `SELECT display_name AS "displayName" FROM users WHERE id = $1 AND department_id = $2 AND active`,
      [userId, report.departmentId],
    );
    if (!user) {
      throw new AppError('RECTIFICATION_INVALID', [
        { field: 'ownerUserId', message: '责任人应为报告所属部门的在岗用户' },
      ]);
    }
    return { userId, name: user.displayName };
  }
  const named = (name ?? '').trim();
  if (!named || named.length > 100) {
    throw new AppError('RECTIFICATION_INVALID', [
      { field: 'ownerName', message: '请选择责任人或填写责任人姓名（至多 100 字）' },
    ]);
  }
  return { userId: null, name: named };
}
