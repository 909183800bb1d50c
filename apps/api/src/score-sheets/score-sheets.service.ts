import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  bandFor,
  gradeLabel,
  isContentEditable,
  readScoreSheet,
  scoreSheetGrid,
  summarizeReport,
  validatePart,
  type AppAbility,
  type ConclusionPart,
  type Indicator,
  type ObjectivesPart,
  type Principal,
  type PreparersPart,
  type ProjectInfoPart,
  type ReportPart,
  type ScoreSheetContent,
  type ScoreSheetError,
  type ScoreSheetGrid,
  type ScoreSheetRows,
  type ScoreTablePart,
} from '@evalflow/domain';
import {
  loadPartContents,
  TenantDb,
  touchReport,
  writePart,
  type ReportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { permittedReport, reportBands } from '../reports/report-store';
import { loadSettings } from '../settings/grade-bands.store';
import type { ScoreSheetImportView } from './score-sheets.dto';

const SHEET_PARTS: readonly ReportPart[] = ['scoreTable', 'conclusion', 'projectInfo', 'objectives', 'preparers'];

export interface ScoreSheetExport {
  grid: ScoreSheetGrid;
  fileName: string;
  asciiFileName: string;
}

/** The parts an import writes, in the report's kind, with what they become. */
type PartChanges = Array<{ part: ReportPart; content: unknown; changed: boolean }>;

/** A sheet does not carry 指标库 links: a row that names the same indicator as before keeps its link. */
function keepLibraryLinks(read: ScoreTablePart, current: ScoreTablePart): ScoreTablePart {
  const key = (i: Indicator) => `${i.level1}\u0000${i.level2}\u0000${i.level3}`;
  const links = new Map(current.indicators.filter((i) => i.libraryEntryId).map((i) => [key(i), i.libraryEntryId]));
  return {
    ...read,
    indicators: read.indicators.map((i) => (links.has(key(i)) ? { ...i, libraryEntryId: links.get(key(i)) } : i)),
  };
}

@Injectable()
export class ScoreSheetsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** One report's 绩效自评表 as the export lays it out; whoever may read the report may export it. */
  export(ability: AppAbility, id: string): Promise<ScoreSheetExport> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id);
      const parts = await loadPartContents(tx, report, SHEET_PARTS);
      const conclusion = parts.conclusion as ConclusionPart;
      const bands = await reportBands(tx, report, (await loadSettings(tx)).gradeBands);
      const grade = conclusion.grade
        ? gradeLabel(conclusion.grade, bands)
        : conclusion.totalScore !== null
          ? bandFor(conclusion.totalScore, bands).label
          : null;
      const grid = scoreSheetGrid({
        kind: report.kind,
        fiscalYear: report.fiscalYear,
        departmentName: report.departmentName,
        scoreTable: parts.scoreTable as ScoreTablePart,
        conclusion,
        gradeLabel: grade,
        projectInfo: parts.projectInfo as ProjectInfoPart | undefined,
        objectives: parts.objectives as ObjectivesPart | undefined,
        preparers: parts.preparers as PreparersPart | undefined,
      });
      const what = report.kind === 'project' ? (report.projectName ?? report.projectCode ?? '项目') : '部门整体';
      return {
        grid,
        fileName: `${report.departmentName}-${report.fiscalYear}-${what}-绩效自评表.xlsx`,
        asciiFileName: `evalflow-score-sheet-${report.fiscalYear}.xlsx`,
      };
    });
  }

  /**
   * Reads an uploaded 绩效自评表 into a draft: `preview` says what it would change (or every error, by row
   * and column); `apply` writes it whole in one transaction — the money and indicator rows, 年度总体目标 of a
   * project, and 总分 where the sheet states one — or, with any error, nothing (SCORE_SHEET_INVALID). Apply
   * needs the report's version the preview answered (If-Match): a report changed since is a 412.
   */
  import(
    principal: Principal,
    ability: AppAbility,
    id: string,
    rows: ScoreSheetRows,
    apply: { version: number } | null,
  ): Promise<ScoreSheetImportView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id, { action: 'update', forUpdate: apply !== null });
      if (!isContentEditable(report.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: report.status });
      if (apply && apply.version !== report.version) {
        throw versionMismatch(report.version, { reportVersion: report.version });
      }
      const reading = readScoreSheet(rows, report.kind);
      const changes = reading.ok ? await this.changesOf(tx, report, reading.value) : { errors: reading.errors };
      if ('errors' in changes) {
        if (apply) throw new AppError('SCORE_SHEET_INVALID', { errors: changes.errors });
        return { ok: false, errors: changes.errors, reportVersion: report.version, parts: [], counts: null };
      }
      const value = (reading as { value: ScoreSheetContent }).value;
      const counts = {
        indicators: value.scoreTable.indicators.length,
        objectives: value.objectives?.items.length ?? null,
        totalScore: value.totalScore ?? null,
        executed: value.scoreTable.funding.total.executed,
      };
      const parts = changes.parts.map(({ part, changed }) => ({ part, changed }));
      if (!apply) return { ok: true, errors: [], reportVersion: report.version, parts, counts };

      const written = changes.parts.filter((c) => c.changed);
      for (const c of written)
        await writePart(tx, { reportId: id, part: c.part, content: c.content, userId: principal.userId });
      let reportVersion = report.version;
      if (written.length) {
        const summaryParts = Object.fromEntries(changes.parts.map((c) => [c.part, c.content]));
        reportVersion = await touchReport(tx, id, {
          userId: principal.userId,
          summary: summarizeReport(summaryParts as { conclusion: ConclusionPart; scoreTable: ScoreTablePart }),
        });
        await this.audit.record(tx, {
          tenantId: report.tenantId,
          action: 'report.score_sheet_imported',
          targetType: 'report',
          targetId: id,
          details: { parts: written.map((c) => c.part), indicators: counts.indicators },
        });
      }
      return { ok: true, errors: [], reportVersion, parts, counts };
    });
  }

  /** What the sheet makes of each part it fills, checked by the parts' own schemas. */
  private async changesOf(
    tx: TenantTx,
    report: ReportRecord,
    value: ScoreSheetContent,
  ): Promise<{ parts: PartChanges } | { errors: ScoreSheetError[] }> {
    const current = await loadPartContents(tx, report, SHEET_PARTS);
    const conclusion = current.conclusion as ConclusionPart;
    const next: Partial<Record<ReportPart, unknown>> = {
      scoreTable: keepLibraryLinks(value.scoreTable, current.scoreTable as ScoreTablePart),
      conclusion: value.totalScore === undefined ? conclusion : { ...conclusion, totalScore: value.totalScore },
      ...(value.objectives ? { objectives: value.objectives } : {}),
    };
    const errors: ScoreSheetError[] = [];
    const parts: PartChanges = [];
    for (const [part, content] of Object.entries(next) as Array<[ReportPart, unknown]>) {
      const checked = validatePart(report.kind, part, content);
      if (!checked.ok) {
        for (const p of checked.problems)
          errors.push({ row: 0, column: '', header: '', message: `${p.path ?? part}：${p.message}` });
        continue;
      }
      parts.push({ part, content: checked.value, changed: !isDeepStrictEqual(checked.value, current[part]) });
    }
    return errors.length ? { errors } : { parts };
  }
}
