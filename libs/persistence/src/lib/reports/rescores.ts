import type { GradeKey, RescoreEntry, RescoringMode } from '@evalflow/domain';
import { rowOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A report's 财政复核评分 as stored: its entries and what 县级概览 and the 汇总表 read of it. */
export interface RescoreRecord {
  reportId: string;
  entries: RescoreEntry[];
  mode: RescoringMode;
  weight: string | null;
  selfTotal: string;
  rescoreTotal: string | null;
  finalScore: string;
  finalGrade: GradeKey;
  version: number;
  updatedBy: string | null;
  updatedByName: string;
  updatedAt: Date;
}

/** The totals a re-score is summed up to, under the rule it followed. */
export interface RescoreSummary {
  mode: RescoringMode;
  weight: string | null;
  selfTotal: string;
  rescoreTotal: string | null;
  finalScore: string;
  finalGrade: GradeKey;
}

const SELECT = `
  SELECT report_id AS "reportId", entries, mode, weight::text AS weight, self_total::text AS "selfTotal",
         rescore_total::text AS "rescoreTotal", final_score::text AS "finalScore", final_grade AS "finalGrade",
         version, updated_by AS "updatedBy", updated_by_name AS "updatedByName", updated_at AS "updatedAt"
    FROM report_rescores`;

/** The report's re-score, or null when the finance bureau has not re-scored it. */
export function findRescore(tx: TenantTx, reportId: string, { forUpdate = false } = {}): Promise<RescoreRecord | null> {
  return rowOf<RescoreRecord>(tx, `${SELECT} WHERE report_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [reportId]);
}

/**
 * Stores the re-score when it is still at `expected` (0: none yet); answers the new version, or null when
 * someone else wrote first (the caller answers 412).
 */
export async function saveRescore(
  tx: TenantTx,
  r: {
    reportId: string;
    expected: number;
    entries: RescoreEntry[];
    summary: RescoreSummary;
    user: { id: string | null; name: string };
  },
): Promise<number | null> {
  const s = r.summary;
  const values = [
    JSON.stringify(r.entries),
    s.mode,
    s.weight,
    s.selfTotal,
    s.rescoreTotal,
    s.finalScore,
    s.finalGrade,
    r.user.id,
    r.user.name,
  ];
  if (r.expected === 0) {
    const row = await rowOf<{ version: number }>(
      tx,
      `INSERT INTO report_rescores (tenant_id, report_id, entries, mode, weight, self_total, rescore_total, final_score,
                                    final_grade, updated_by, updated_by_name)
       VALUES ($10, $11, $1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, report_id) DO NOTHING RETURNING version`,
      [...values, tenantOf(tx), r.reportId],
    );
    return row?.version ?? null;
  }
  const row = await rowOf<{ version: number }>(
    tx,
    `UPDATE report_rescores
        SET entries = $1, mode = $2, weight = $3, self_total = $4, rescore_total = $5, final_score = $6,
            final_grade = $7, updated_by = $8, updated_by_name = $9, updated_at = now(), version = version + 1
      WHERE report_id = $10 AND version = $11
      RETURNING version`,
    [...values, r.reportId, r.expected],
  );
  return row?.version ?? null;
}

/**
 * New totals for unchanged entries (the self-scores changed with a resubmission): not a re-score by
 * anyone, so neither the version nor who re-scored changes.
 */
export async function refreshRescoreSummary(tx: TenantTx, reportId: string, s: RescoreSummary): Promise<void> {
  await tx.query(
    `UPDATE report_rescores
        SET mode = $2, weight = $3, self_total = $4, rescore_total = $5, final_score = $6, final_grade = $7
      WHERE report_id = $1`,
    [reportId, s.mode, s.weight, s.selfTotal, s.rescoreTotal, s.finalScore, s.finalGrade],
  );
}
