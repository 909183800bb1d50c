import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  summarizeReport,
  isContentEditable,
  SUMMARY_PARTS,
  validatePart,
  type AppAbility,
  type Principal,
  type ReportPart,
  type ReportStatus,
} from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { loadPart, permittedReport } from './report-store';
import type { PartView, PartWriteView } from './reports.dto';

/** States in which the department may change content (the workflow issue adds the transitions). */

@Injectable()
export class ReportPartsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(ability: AppAbility, id: string, part: ReportPart): Promise<PartView> {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, id);
      return loadPart(em, id, part);
    });
  }

  /**
   * Replaces one part, if the caller saw its current version. The report row is locked first, so
   * writes to one report are serialised and the summary always matches the content.
   */
  write(
    principal: Principal,
    ability: AppAbility,
    id: string,
    part: ReportPart,
    version: number,
    body: unknown,
  ): Promise<PartWriteView> {
    return this.db.tx(async (em) => {
      const { row, subject } = await permittedReport(em, ability, id, { action: 'update', forUpdate: true });
      if (!isContentEditable(subject.status as ReportStatus)) {
        throw new AppError('REPORT_NOT_EDITABLE', { status: subject.status });
      }
      const current = await loadPart(em, id, part);
      if (current.version !== version) throw versionMismatch(current.version, current);
      const checked = validatePart(part, body);
      if (!checked.ok) throw new AppError('REPORT_CONTENT_INVALID', checked.problems);
      if (isDeepStrictEqual(current.content, checked.value)) {
        return { ...current, reportVersion: row['version'] as number }; // nothing changed: versions stay
      }
      await em.query(
        `UPDATE report_parts SET content = $3, version = version + 1, updated_by = $4, updated_at = now()
          WHERE report_id = $1 AND part = $2`,
        [id, part, JSON.stringify(checked.value), principal.userId],
      );
      let summarySql = '';
      const params: unknown[] = [id, principal.userId];
      if ((SUMMARY_PARTS as readonly ReportPart[]).includes(part)) {
        const rows: Array<{ part: ReportPart; content: unknown }> = await em.query(
          `SELECT part, content FROM report_parts WHERE report_id = $1 AND part = ANY($2)`,
          [id, SUMMARY_PARTS],
        );
        const summary = summarizeReport(
          Object.fromEntries(rows.map((r) => [r.part, r.content])) as Parameters<typeof summarizeReport>[0],
        );
        summarySql = `, total_score = $${params.push(summary.totalScore)}, grade = $${params.push(
          summary.grade,
        )}, execution_rate = $${params.push(summary.executionRate)}`;
      }
      const [[{ version: reportVersion }]] = await em.query(
        `UPDATE reports SET version = version + 1, updated_by = $2, updated_at = now()${summarySql}
          WHERE id = $1 RETURNING version`,
        params,
      );
      await this.audit.record(em, {
        tenantId: subject.tenantId,
        action: 'report.part_updated',
        targetType: 'report',
        targetId: id,
        details: { part, fromVersion: current.version, toVersion: current.version + 1 },
      });
      return { ...(await loadPart(em, id, part)), reportVersion };
    });
  }
}
