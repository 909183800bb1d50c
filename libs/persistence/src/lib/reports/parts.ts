import {
  assembleContent,
  splitContent,
  upcastPart,
  type ReportContent,
  type ReportKind,
  type ReportPart,
} from '@evalflow/domain';
import { allRows, firstRow, literal, run, statement, type Statement } from '../statement';
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

/** Every part of report `id` as stored, in the schema version it was stored in: `currentParts` upcasts them. */
export function storedPartsOf(id: string): Statement<PartRecord[]> {
  return statement(`${PART_SELECT} WHERE p.report_id = $1`, [id], allRows<PartRecord>(), 'evalflow_report_parts');
}

/** One stored part of report `id`, or null when the report has no such part. */
export function storedPartOf(id: string, part: ReportPart): Statement<PartRecord | null> {
  return statement(
    `${PART_SELECT} WHERE p.report_id = $1 AND p.part = $2`,
    [id, part],
    firstRow<PartRecord>(),
    'evalflow_report_part',
  );
}

/** Some stored parts of report `id` (a fixed, non-empty list of part names, written in). */
export function storedPartsIn(id: string, parts: readonly ReportPart[]): Statement<PartRecord[]> {
  return statement(
    `${PART_SELECT} WHERE p.report_id = $1 AND p.part IN (${parts.map(literal).join(', ')})`,
    [id],
    allRows<PartRecord>(),
  );
}

/**
 * Replaces a part's content and raises its version (the caller holds the report's lock and checked the version it
 * was based on); answers what the part's view needs besides the content the caller has.
 */
export function writePartStatement(write: {
  reportId: string;
  part: ReportPart;
  content: unknown;
  userId: string;
}): Statement<Pick<PartRecord, 'version' | 'updatedAt' | 'updatedBy'>> {
  return statement(
    `UPDATE report_parts p SET content = $3, version = p.version + 1, updated_by = $4, updated_at = now()
      WHERE p.report_id = $1 AND p.part = $2
      RETURNING p.version, p.updated_at AS "updatedAt", (SELECT u.display_name FROM users u WHERE u.id = $4) AS "updatedBy"`,
    [write.reportId, write.part, JSON.stringify(write.content), write.userId],
    (rows) => {
      const row = rows[0] as Pick<PartRecord, 'version' | 'updatedAt' | 'updatedBy'> | undefined;
      if (!row) throw new Error(`part ${write.part} of report ${write.reportId} vanished inside its own transaction`);
      return row;
    },
    'evalflow_write_part',
  );
}

/** Stored parts in the current schema version. */
export function currentParts(report: ReportRef, stored: PartRecord[]): PartRecord[] {
  return stored.map((r) => current(report, r));
}

/** Every part of the report, in the current schema version. */
export async function loadParts(tx: TenantTx, report: ReportRef): Promise<PartRecord[]> {
  return currentParts(report, await run(tx, storedPartsOf(report.id)));
}

/** A report's content from its stored parts. */
export function contentOf(report: ReportRef, stored: Array<Pick<PartRecord, 'part' | 'content'>>): ReportContent {
  return assembleContent(report.kind, Object.fromEntries(stored.map((r) => [r.part, r.content])), report.schemaVersion);
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
  return contentOf(report, rows);
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
