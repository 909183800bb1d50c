import { Injectable } from '@nestjs/common';
import {
  AppError,
  canSignOff,
  diffContent,
  DOCUMENT_FORMATS,
  headSignOffMissing,
  planTransition,
  type AppAbility,
  type Principal,
  type ReportStatus,
} from '@evalflow/domain';
import { JOBS, type ReportTransitionedJobData } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import { appendOutbox, TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { requestDocument } from '../documents/document-store';
import { loadSettings } from '../settings/grade-bands.store';
import { checkReport, findReportRow, loadContent, permittedReport, toSummary } from './report-store';
import { listOpenComments } from './comment-store';
import { ReportsService } from './reports.service';
import type { DiffQuery, TransitionDto } from './transitions.dto';

/**
 * Who signed off what a revision freezes: the head (by an earlier sign-off of this very content, or by
 * submitting it), and the evaluation team named in the report, confirmed by the submitter.
 */
function revisionSignOffs(principal: Principal, row: Record<string, unknown>, teamMembers: string[]) {
  const at = new Date().toISOString();
  const head = principal.roles.includes('dept_head')
    ? { name: principal.displayName, at }
    : row['head_sign_off_at'] && row['head_sign_off_version'] === row['version']
      ? { name: row['head_sign_off_name'], at: (row['head_sign_off_at'] as Date).toISOString() }
      : null;
  return { head, team: { members: teamMembers, confirmedBy: principal.displayName, at } };
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
    return this.db.tx(async (em) => {
      const { row, subject } = await permittedReport(em, ability, id, { forUpdate: true });
      const status = subject.status as ReportStatus;
      const { gradeBands, requireHeadSignOff } = await loadSettings(em);
      const request = {
        status,
        action: dto.action,
        roles: principal.roles,
        ownDepartment: subject.departmentId === principal.departmentId,
        reason: dto.reason,
        headSignOffMissing: headSignOffMissing({
          required: requireHeadSignOff,
          roles: principal.roles,
          signedVersion: (row['head_sign_off_version'] as number | null) ?? null,
          currentVersion: row['version'] as number,
        }),
      };
      let plan = planTransition({ ...request, blockingErrors: 0 });
      // who may and from where first; the version only matters for a move that could happen
      if (!plan.ok && plan.code === 'TRANSITION_FORBIDDEN') throw new AppError(plan.code, undefined, plan.message);
      if (row['version'] !== dto.expectedVersion) {
        throw new AppError('REPORT_VERSION_CONFLICT', { currentVersion: row['version'], status });
      }
      if (!plan.ok) throw new AppError(plan.code, { status }, plan.message);
      // the rules run only for a move that is otherwise allowed and needs them
      if (plan.spec.needsPassingChecks) {
        const { checks } = await checkReport(em, row, gradeBands);
        const failing = checks.results
          .filter((r) => r.severity === 'error' && !r.passed)
          .flatMap((r) => r.findings.map((f) => ({ ruleId: r.ruleId, ...f })));
        plan = planTransition({ ...request, blockingErrors: failing.length });
        if (!plan.ok) throw new AppError(plan.code, { failing }, plan.message);
      }

      let revision: { id: string; number: number } | null = null;
      if (plan.spec.freezesRevision) {
        const content = await loadContent(em, id, row['schema_version'] as number);
        const signOffs = revisionSignOffs(
          principal,
          row,
          content.team.members.map((m) => m.name),
        );
        const [created] = await em.query(
          `INSERT INTO report_revisions (tenant_id, report_id, number, schema_version, content, report_version,
                                         created_by, sign_offs)
           SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6, $7 FROM report_revisions WHERE report_id = $2
           RETURNING id, number`,
          [
            subject.tenantId,
            id,
            row['schema_version'],
            JSON.stringify(content),
            row['version'],
            principal.userId,
            JSON.stringify(signOffs),
          ],
        );
        revision = { id: created.id, number: created.number };
      }
      // a return carries the open comments with it, as they stood
      const openComments = dto.action === 'return' || dto.action === 'reopen' ? await listOpenComments(em, id) : [];
      const reason = dto.reason?.trim() || null;
      await em.query(
        `UPDATE reports SET status = $2, version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1`,
        [id, plan.to, principal.userId],
      );
      const [{ id: transitionId }] = await em.query(
        `INSERT INTO report_transitions (tenant_id, report_id, action, from_status, to_status, reason, revision_id,
                                         actor_user_id, actor_name, open_comments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          subject.tenantId,
          id,
          dto.action,
          status,
          plan.to,
          reason,
          revision?.id ?? null,
          principal.userId,
          principal.displayName,
          JSON.stringify(openComments),
        ],
      );
      const job: ReportTransitionedJobData = {
        tenantId: subject.tenantId,
        reportId: id,
        transitionId: String(transitionId),
        action: dto.action,
        from: status,
        to: plan.to,
        reason,
        actorUserId: principal.userId,
        requestId: RequestContext.current()?.requestId,
      };
      await appendOutbox(em, {
        tenantId: subject.tenantId,
        queue: JOBS.reportTransitioned.queue,
        jobName: JOBS.reportTransitioned.name,
        jobId: `report-transition-${transitionId}`,
        payload: job,
      });
      // the filed documents of a submission (送审稿) and of an approval, rendered by the worker
      if (dto.action === 'submit' || dto.action === 'approve') {
        const moved = await findReportRow(em, id);
        for (const format of DOCUMENT_FORMATS) await requestDocument(em, moved, format, principal.userId);
      }
      await this.audit.record(em, {
        tenantId: subject.tenantId,
        action: `report.${dto.action}`,
        targetType: 'report',
        targetId: id,
        details: {
          from: status,
          to: plan.to,
          reason,
          revision: revision?.number ?? null,
          openComments: openComments.map((c) => c.id),
        },
      });
      return {
        report: toSummary(await findReportRow(em, id), gradeBands),
        transition: { id: String(transitionId), action: dto.action, from: status, to: plan.to, reason },
        revision,
        openComments,
      };
    });
  }

  /** The department head signs off the content as it stands (expectedVersion); an edit afterwards voids it. */
  signOff(principal: Principal, ability: AppAbility, id: string, expectedVersion: number) {
    return this.db.tx(async (em) => {
      const { row, subject } = await permittedReport(em, ability, id, { action: 'update', forUpdate: true });
      const ownDepartment = subject.departmentId === principal.departmentId;
      if (!ownDepartment || !principal.roles.includes('dept_head')) {
        throw new AppError('TRANSITION_FORBIDDEN', undefined, '只有本部门负责人可以签核报告');
      }
      if (row['version'] !== expectedVersion) {
        throw new AppError('REPORT_VERSION_CONFLICT', { currentVersion: row['version'], status: subject.status });
      }
      if (!canSignOff(subject.status, principal.roles, ownDepartment)) throw new AppError('REPORT_NOT_EDITABLE');
      await em.query(
        `UPDATE reports SET head_sign_off_by = $2, head_sign_off_name = $3, head_sign_off_at = now(),
                            head_sign_off_version = version
          WHERE id = $1`,
        [id, principal.userId, principal.displayName],
      );
      await this.audit.record(em, {
        tenantId: subject.tenantId,
        action: 'report.sign_off',
        targetType: 'report',
        targetId: id,
        details: { reportVersion: row['version'] },
      });
      return this.reports.view(em, principal, await findReportRow(em, id));
    });
  }

  history(ability: AppAbility, id: string) {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, id);
      const rows = await em.query(
        `SELECT t.id::text AS id, t.action, t.from_status, t.to_status, t.reason, t.actor_name, t.occurred_at,
                t.open_comments, r.number AS revision
           FROM report_transitions t LEFT JOIN report_revisions r ON r.id = t.revision_id
          WHERE t.report_id = $1 ORDER BY t.id`,
        [id],
      );
      return rows.map((r: Record<string, unknown>) => ({
        id: r['id'],
        action: r['action'],
        from: r['from_status'],
        to: r['to_status'],
        reason: r['reason'],
        actorName: r['actor_name'],
        occurredAt: (r['occurred_at'] as Date).toISOString(),
        revision: r['revision'] ?? null,
        openComments: r['open_comments'],
      }));
    });
  }

  revisions(ability: AppAbility, id: string) {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, id);
      const rows = await em.query(
        `SELECT v.id, v.number, v.report_version, v.created_at, v.sign_offs, u.display_name AS created_by
           FROM report_revisions v LEFT JOIN users u ON u.id = v.created_by
          WHERE v.report_id = $1 ORDER BY v.number`,
        [id],
      );
      return rows.map((r: Record<string, unknown>) => ({
        id: r['id'],
        number: r['number'],
        reportVersion: r['report_version'],
        createdAt: (r['created_at'] as Date).toISOString(),
        createdBy: r['created_by'] ?? null,
        signOffs: r['sign_offs'],
      }));
    });
  }

  revision(ability: AppAbility, id: string, number: number) {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, id);
      return this.findRevision(em, id, number);
    });
  }

  diff(ability: AppAbility, id: string, query: DiffQuery) {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, id);
      const from = await this.findRevision(em, id, query.from);
      const to = await this.findRevision(em, id, query.to);
      return { from: query.from, to: query.to, changes: diffContent(from.content, to.content) };
    });
  }

  private async findRevision(em: EntityManager, reportId: string, number: number) {
    const [r] = await em.query(
      `SELECT id, number, content, created_at FROM report_revisions WHERE report_id = $1 AND number = $2`,
      [reportId, number],
    );
    if (!r) throw new AppError('REPORT_REVISION_NOT_FOUND', { number });
    return {
      id: r.id as string,
      number: r.number as number,
      content: r.content as unknown,
      createdAt: (r.created_at as Date).toISOString(),
    };
  }
}
