import {
  rescoreSheet,
  rescoringRuleOf,
  type GradeBand,
  type RescoreEntry,
  type RescoreSheet,
  type RescoringRule,
} from '@evalflow/domain';
import {
  findRescore,
  loadContent,
  loadPinnedTemplate,
  refreshRescoreSummary,
  type ReportRecord,
  type RescoreSummary,
  type TenantTx,
} from '@evalflow/persistence';
import { loadSettings } from '../settings/grade-bands.store';

/** A report's 绩效自评表 with the given re-scores, by its template's rule and bands (else the county's bands). */
export async function sheetOf(
  tx: TenantTx,
  report: ReportRecord,
  entries: RescoreEntry[],
): Promise<{
  sheet: RescoreSheet;
  rule: RescoringRule;
  bands: GradeBand[];
  table: Awaited<ReturnType<typeof loadContent>>['scoreTable'];
}> {
  const { definition } = await loadPinnedTemplate(tx, report.templateVersionId);
  const bands = definition.gradeBands ?? (await loadSettings(tx)).gradeBands;
  const rule = rescoringRuleOf(definition);
  const table = (await loadContent(tx, report)).scoreTable;
  return { sheet: rescoreSheet(table, entries, rule, bands), rule, bands, table };
}

export function summaryOf(sheet: RescoreSheet, rule: RescoringRule): RescoreSummary {
  return {
    mode: rule.mode,
    weight: rule.weight,
    selfTotal: sheet.totals.self,
    rescoreTotal: sheet.totals.reScore,
    finalScore: sheet.totals.final,
    finalGrade: sheet.totals.finalGrade,
  };
}

/** After a resubmission the self-scores may have changed: the stored totals follow (the re-scores stay). */
export async function refreshStoredRescore(tx: TenantTx, report: ReportRecord): Promise<void> {
  const stored = await findRescore(tx, report.id, { forUpdate: true });
  if (!stored) return;
  const { sheet, rule } = await sheetOf(tx, report, stored.entries);
  await refreshRescoreSummary(tx, report.id, summaryOf(sheet, rule));
}
