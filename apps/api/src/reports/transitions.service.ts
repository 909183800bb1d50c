import { Injectable } from '@nestjs/common';
import {
  AppError,
  canSignOff,
  chinaDate,
  diffContent,
  FILED_DOCUMENT_FORMATS,
  headSignOffMissing,
  planTransition,
  PUBLICATION_WITHDRAWN_ON_REOPEN,
  standInRefusal,
  TRANSITIONS,
  type AppAbility,
  type Role,
  type Principal,
  type ReportContent,
  webhookEventOfTransition,
} from '@evalflow/domain';
import { JOBS, type ReportTransitionedJobData } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import {
  appendOutbox,
  enqueueWebhookEvent,
  countyUser,
  delegationsInForceFor,
  findRevision,
  insertRevision,
  insertTransition,
  listRevisions,
  listTransitions,
  loadContent,
  recordHeadSignOff,
  requestDocument,
  setReportStatus,
  TenantDb,
  withdrawDisclosures,
  type ReportRecord,
  type RevisionSignOffs,
  type TenantTx,
} from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { loadSettings } from '../settings/grade-bands.store';
import { checkReport, permittedReport, reportBands, requireReport, toSummary } from './report-store';
import { listOpenComments } from './comment-store';
import { fourEyesOf } from './four-eyes';
import { refreshStoredRescore } from './rescore-sheet';
import { ReportsService } from './reports.service';
import type { DiffQuery, TransitionDto } from './transitions.dto';
import type { RevisionView } from './revisions.dto';

/**
 * Who signed off what a revision freezes: the head (by an earlier sign-off of this very content, or by
 * submitting it), and — for a 部门整体 report — the evaluation team it names, when the submitter said in the
 * submit dialog that the members confirmed it (never assumed).
 */
function revisionSignOffs(
  principal: Principal,
  report: ReportRecord,
  content: ReportContent,
  teamConfirmed: boolean,
): RevisionSignOffs {
  const at = new Date().toISOString();
  const head = principal.roles.includes('dept_head')
    ? { name: principal.displayName, at }
    : report.headSignOffAt && report.headSignOffVersion === report.version
      ? { name: report.headSignOffName ?? '', at: report.headSignOffAt.toISOString() }
      : null;
  const team =
    content.kind === 'department_overall' && teamConfirmed
      ? { members: content.team.members.map((m) => m.name), confirmedBy: principal.displayName, at }
      : null;
  return { head, team };
}

/** A stand-in's step: the principal it acts for, the delegation, and the role it lends. */
interface ActingFor {
  userId: string;
  name: string;
  delegationId: string;
  role: Role;
}

/** Moves reports through the workflow: the state, its revision, its history and its audit entry commit together. */
@Injectable()
export class TransitionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  transition(principal: Principal, ability: AppAbility, id: string, dto: TransitionDto) {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id, { forUpdate: true });
      const gradeBands = await reportBands(tx, report, (await loadSettings(tx)).gradeBands);
      const actingFor = dto.onBehalfOf ? await this.actingFor(tx, principal, dto.action, dto.onBehalfOf) : null;
      const plan = await this.plan(tx, principal, report, dto, actingFor);
      const from = report.status;
      const revision = plan.spec.freezesRevision
        ? await this.freeze(tx, principal, report, dto.teamConfirmed === true)
        : null;
      // a return carries the open comments with it, as they stood
      const openComments = dto.action === 'return' || dto.action === 'reopen' ? await listOpenComments(tx, id) : [];
      const reason = dto.reason?.trim() || null;
      await setReportStatus(tx, id, plan.to, principal.userId);
      // a resubmission may bring other self-scores: the stored re-score totals follow them
      if (dto.action === 'submit') await refreshStoredRescore(tx, report);
      const transitionId = await insertTransition(tx, {
        reportId: id,
        action: dto.action,
        from,
        to: plan.to,
        reason,
        revisionId: revision?.id ?? null,
        actor: { userId: principal.userId, name: principal.displayName },
        onBehalfOf: actingFor,
        openComments,
      });
      await this.announce(tx, principal, report, { transitionId, action: dto.action, to: plan.to, reason });
      if (from === 'approved' && plan.to !== 'approved') await this.withdrawPublication(tx, principal, report);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: `report.${dto.action}`,
        targetType: 'report',
        targetId: id,
        details: {
          from,
          to: plan.to,
          reason,
          revision: revision?.number ?? null,
          openComments: openComments.map((c) => c.id),
          // the stand-in is the audit entry's actor; the principal it acted for, here
          ...(actingFor && { onBehalfOfUserId: actingFor.userId, delegationId: actingFor.delegationId }),
        },
      });
      return {
        report: toSummary(await requireReport(tx, id), gradeBands),
        transition: { id: transitionId, action: dto.action, from, to: plan.to, reason },
        revision,
        openComments,
      };
    });
  }

  /**
   * Whether the move may happen: who may and from where first, then the version the caller saw (it only
   * matters for a move that could happen), then — for a move that needs them — the rules.
   */
  private async plan(
    tx: TenantTx,
    principal: Principal,
    report: ReportRecord,
    dto: TransitionDto,
    actingFor: ActingFor | null,
  ) {
    const { gradeBands, requireHeadSignOff, fourEyes } = await loadSettings(tx);
    // a stand-in acts with the role it was lent, on the reports its principal could act on
    const roles = actingFor ? [...new Set([...principal.roles, actingFor.role])] : principal.roles;
    const request = {
      status: report.status,
      action: dto.action,
      roles,
      ownDepartment: report.departmentId === principal.departmentId,
      reason: dto.reason,
      headSignOffMissing: headSignOffMissing({
        required: requireHeadSignOff,
        roles: principal.roles,
        signedVersion: report.headSignOffVersion,
        currentVersion: report.version,
      }),
    };
    const plan = planTransition({ ...request, blockingErrors: 0 });
    if (!plan.ok && plan.code === 'TRANSITION_FORBIDDEN') throw new AppError(plan.code, undefined, plan.message);
    // who the actor is may forbid the move too (四眼原则), whatever else holds
    const actor = { userId: principal.userId, onBehalfOfUserId: actingFor?.userId ?? null };
    const refusal = (await fourEyesOf(tx, report.id, fourEyes))(dto.action, actor);
    if (refusal) throw new AppError(refusal.code, undefined, refusal.message);
    if (report.version !== dto.expectedVersion) {
      throw new AppError('REPORT_VERSION_CONFLICT', { currentVersion: report.version, status: report.status });
    }
    if (!plan.ok) throw new AppError(plan.code, { status: report.status }, plan.message);
    if (!plan.spec.needsPassingChecks) return plan;
    const { checks } = await checkReport(tx, report, gradeBands);
    const failing = checks.results
      .filter((r) => r.severity === 'error' && !r.passed)
      .flatMap((r) => r.findings.map((f) => ({ ruleId: r.ruleId, ...f })));
    const checked = planTransition({ ...request, blockingErrors: failing.length });
    if (!checked.ok) throw new AppError(checked.code, { failing }, checked.message);
    return checked;
  }

  /**
   * The principal a stand-in acts for: only under a delegation in force today, from that principal to this
   * user, for a role the step needs, while the principal still holds it (403 DELEGATION_NOT_ACTIVE otherwise).
   */
  private async actingFor(
    tx: TenantTx,
    principal: Principal,
    action: TransitionDto['action'],
    onBehalfOf: string,
  ): Promise<ActingFor> {
    const today = chinaDate(new Date());
    const stepRoles = TRANSITIONS[action].roles;
    const held = await delegationsInForceFor(tx, principal.userId, today);
    const delegation =
      held.find((d) => d.principalUserId === onBehalfOf && stepRoles.includes(d.role as Role)) ??
      held.find((d) => d.principalUserId === onBehalfOf) ??
      null;
    const act = { actorUserId: principal.userId, principalUserId: onBehalfOf, stepRoles, today };
    const refusal = standInRefusal(delegation, act);
    if (!delegation || refusal) throw new AppError('DELEGATION_NOT_ACTIVE', undefined, refusal?.message);
    const from = await countyUser(tx, onBehalfOf);
    if (!from?.active || !from.roles.includes(delegation.role)) {
      throw new AppError('DELEGATION_NOT_ACTIVE', undefined, '被代理人已不再担任该角色，代理委托不能再使用');
    }
    return { userId: onBehalfOf, name: from.name, delegationId: delegation.id, role: delegation.role as Role };
  }

  /** The content as it stands becomes the next revision, with who signed off on it. */
  private async freeze(tx: TenantTx, principal: Principal, report: ReportRecord, teamConfirmed: boolean) {
    const content = await loadContent(tx, report);
    return insertRevision(tx, {
      reportId: report.id,
      content,
      reportVersion: report.version,
      createdBy: principal.userId,
      signOffs: revisionSignOffs(principal, report, content, teamConfirmed),
    });
  }

  /** What follows a move, through the outbox: the notifications, and the filed documents of a submission or approval. */
  private async announce(
    tx: TenantTx,
    principal: Principal,
    report: ReportRecord,
    move: { transitionId: string; action: TransitionDto['action']; to: ReportRecord['status']; reason: string | null },
  ) {
    const requestId = RequestContext.current()?.requestId;
    const job: ReportTransitionedJobData = {
      tenantId: report.tenantId,
      reportId: report.id,
      transitionId: move.transitionId,
      action: move.action,
      from: report.status,
      to: move.to,
      reason: move.reason,
      actorUserId: principal.userId,
      requestId,
    };
    await appendOutbox(tx, {
      tenantId: report.tenantId,
      queue: JOBS.reportTransitioned.queue,
      jobName: JOBS.reportTransitioned.name,
      jobId: `report-transition-${move.transitionId}`,
      payload: job,
    });
    // systems of the county (预算一体化 …) that subscribed hear of it in the same transaction
    const event = webhookEventOfTransition(move.action);
    if (event) {
      await enqueueWebhookEvent(tx, {
        tenantId: report.tenantId,
        event,
        eventKey: `report-transition-${move.transitionId}`,
        requestId,
        payload: {
          reportId: report.id,
          departmentId: report.departmentId,
          fiscalYear: report.fiscalYear,
          kind: report.kind,
          transitionId: move.transitionId,
          from: report.status,
          to: move.to,
          reason: move.reason,
        },
      });
    }
    // the filed documents of a submission (送审稿) and of an approval, rendered by the worker
    if (move.action === 'submit' || move.action === 'approve') {
      const moved = await requireReport(tx, report.id);
      for (const format of FILED_DOCUMENT_FORMATS) {
        await requestDocument(tx, moved, format, principal.userId, requestId);
      }
    }
  }

  /** A reopened report is no longer what was published: its public version leaves the public page at once. */
  private async withdrawPublication(tx: TenantTx, principal: Principal, report: ReportRecord) {
    const by = { userId: principal.userId, name: principal.displayName };
    const withdrawn = await withdrawDisclosures(tx, { reportId: report.id }, by, PUBLICATION_WITHDRAWN_ON_REOPEN);
    for (const publicationId of withdrawn) {
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'publication.withdraw',
        targetType: 'report',
        targetId: report.id,
        details: { publicationId, reason: PUBLICATION_WITHDRAWN_ON_REOPEN, automatic: true },
      });
    }
  }

  /** The department head signs off the content as it stands (expectedVersion); an edit afterwards voids it. */
  signOff(principal: Principal, ability: AppAbility, id: string, expectedVersion: number) {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id, { action: 'update', forUpdate: true });
      const ownDepartment = report.departmentId === principal.departmentId;
      if (!ownDepartment || !principal.roles.includes('dept_head')) {
        throw new AppError('TRANSITION_FORBIDDEN', undefined, '只有本部门负责人可以签核报告');
      }
      if (report.version !== expectedVersion) {
        throw new AppError('REPORT_VERSION_CONFLICT', { currentVersion: report.version, status: report.status });
      }
      if (!canSignOff(report.status, principal.roles, ownDepartment)) throw new AppError('REPORT_NOT_EDITABLE');
      await recordHeadSignOff(tx, id, { userId: principal.userId, name: principal.displayName });
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'report.sign_off',
        targetType: 'report',
        targetId: id,
        details: { reportVersion: report.version },
      });
      return this.reports.view(tx, principal, await requireReport(tx, id));
    });
  }

  history(ability: AppAbility, id: string) {
    return this.db.tx(async (tx) => {
      await permittedReport(tx, ability, id);
      const rows = await listTransitions(tx, id);
      return rows.map((t) => ({ ...t, occurredAt: t.occurredAt.toISOString() }));
    });
  }

  revisions(ability: AppAbility, id: string): Promise<RevisionView[]> {
    return this.db.tx(async (tx) => {
      await permittedReport(tx, ability, id);
      const rows = await listRevisions(tx, id);
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    });
  }

  revision(ability: AppAbility, id: string, number: number) {
    return this.db.tx(async (tx) => this.requireRevision(tx, await permittedReport(tx, ability, id), number));
  }

  diff(ability: AppAbility, id: string, query: DiffQuery) {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id);
      const from = await this.requireRevision(tx, report, query.from);
      const to = await this.requireRevision(tx, report, query.to);
      return { from: query.from, to: query.to, changes: diffContent(from.content, to.content) };
    });
  }

  /** A revision's content, in the current schema version (an older frozen one is read through the upcast). */
  private async requireRevision(tx: TenantTx, report: ReportRecord, number: number) {
    const found = await findRevision(tx, report, number);
    if (!found) throw new AppError('REPORT_REVISION_NOT_FOUND', { number });
    return { ...found, createdAt: found.createdAt.toISOString() };
  }
}
