import {
  assembleContent,
  splitContent,
  upcastPart,
  type ReportContent,
  type ReportKind,
  type ReportPart,
} from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** One part of a report as stored: its content (in the report's schema version) and its own version. */
export interface PartRecord {
  part: ReportPart;
  version: number;
  content: unknown;
  updatedAt: Date;
  /** who saved it last, by name */
  updatedBy: string | null;
}

const PART_SELECT = `
  SELECT p.part, p.version, p.content, p.updated_at AS "updatedAt", u.display_name AS "updatedBy"
    FROM report_parts p LEFT JOIN users u ON u.id = p.updated_by`;

/** All parts of a new report, in one statement (the report row exists, in the same county). */
export async function insertParts(
  tx: TenantTx,
  report: { reportId: string; content: ReportContent; userId?: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO report_parts (report_id, tenant_id, part, content, updated_by)
     SELECT $1, $2, p.part, p.content, $4 FROM jsonb_to_recordset($3::jsonb) AS p(part text, content jsonb)`,
    [report.reportId, tenantOf(tx), JSON.stringify(splitContent(report.content)), report.userId ?? null],
  );
}

/** Which report, and which schema its stored parts are in. */
export interface ReportRef {
  id: string;
  kind: ReportKind;
  schemaVersion: number;
}

const current = (report: ReportRef, record: PartRecord): PartRecord => ({
  ...record,
  content: upcastPart(report.kind, report.schemaVersion, record.part, record.content),
});

/** Every part of the report, in the current schema version. */
export async function loadParts(tx: TenantTx, report: ReportRef): Promise<PartRecord[]> {
  const rows = await rowsOf<PartRecord>(tx, `${PART_SELECT} WHERE p.report_id = $1`, [report.id]);
  return rows.map((r) => current(report, r));
}

/** One part of the report, in the current schema version; null when the report has no such part. */
export async function loadPart(tx: TenantTx, report: ReportRef, part: ReportPart): Promise<PartRecord | null> {
  const row = await rowOf<PartRecord>(tx, `${PART_SELECT} WHERE p.report_id = $1 AND p.part = $2`, [report.id, part]);
  return row && current(report, row);
}

/** Replaces a part's content and raises its version. The caller checked the version it was based on. */
export async function writePart(
  tx: TenantTx,
  write: { reportId: string; part: ReportPart; content: unknown; userId: string },
): Promise<void> {
  await tx.query(
    `UPDATE report_parts SET content = $3, version = version + 1, updated_by = $4, updated_at = now()
      WHERE report_id = $1 AND part = $2`,
    [write.reportId, write.part, JSON.stringify(write.content), write.userId],
  );
}

/** Some parts' contents, by part, in the current schema version. */
export async function loadPartContents(
  tx: TenantTx,
  report: ReportRef,
  parts: readonly ReportPart[],
): Promise<Partial<Record<ReportPart, unknown>>> {
  const rows = await rowsOf<{ part: ReportPart; content: unknown }>(
    tx,
    `SELECT part, content FROM report_parts WHERE report_id = $1 AND part = ANY($2)`,
    [report.id, parts],
  );
  return Object.fromEntries(
    rows.map((r) => [r.part, upcastPart(report.kind, report.schemaVersion, r.part, r.content)]),
  );
}

/** The whole content of a report, in the current schema version (older stored parts are upcast). */
export async function loadContent(tx: TenantTx, report: ReportRef): Promise<ReportContent> {
  const rows = await rowsOf<{ part: ReportPart; content: unknown }>(
    tx,
    `SELECT part, content FROM report_parts WHERE report_id = $1`,
    [report.id],
  );
  return assembleContent(report.kind, Object.fromEntries(rows.map((r) => [r.part, r.content])), report.schemaVersion);
}

/** The whole content of several reports in one statement, keyed by report id (as loadContent each). */
export async function loadContents(tx: TenantTx, reports: ReportRef[]): Promise<Map<string, ReportContent>> {
  if (!reports.length) return new Map();
  const rows = await rowsOf<{ reportId: string; part: ReportPart; content: unknown }>(
    tx,
    `SELECT report_id AS "reportId", part, content FROM report_parts WHERE report_id = ANY($1::uuid[])`,
    [reports.map((r) => r.id)],
  );
  const byReport = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const parts = byReport.get(row.reportId) ?? {};
    parts[row.part] = row.content;
    byReport.set(row.reportId, parts);
  }
  return new Map(
    reports.map((r) => [r.id, assembleContent(r.kind, byReport.get(r.id) ?? {}, r.schemaVersion)]),
  );
}
