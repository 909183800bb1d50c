import {
  DEFAULT_EVIDENCE_LIMITS,
  DEFAULT_FOUR_EYES,
  DEFAULT_GRADE_BANDS,
  DEFAULT_INFLATION_THRESHOLDS,
  validateInflationThresholds,
  type EvidenceLimits,
  type FourEyesSettings,
  type GradeBand,
  type InflationThresholds,
} from '@evalflow/domain';
import { statement, type Statement } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';

export interface StoredSettings {
  gradeBands: GradeBand[];
  /** a dept_editor's submission needs the head's sign-off of the current content */
  requireHeadSignOff: boolean;
  /** thresholds of the score-inflation flags (虚高预警) on 县级概览; the named defaults until the county sets them */
  inflationThresholds: InflationThresholds;
  /** 四眼原则: who may not review or approve what */
  fourEyes: FourEyesSettings;
  /** 佐证材料上限 (MB): the county's, each the default until set */
  evidenceLimits: EvidenceLimits;
  /** 0 while the county still uses the defaults (no row yet) */
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

const SETTINGS_SELECT = `
  SELECT grade_bands, require_head_sign_off, inflation_thresholds, reviewer_may_not_approve, author_may_not_review,
         evidence_max_file_mb, evidence_max_report_mb, version, updated_at
    FROM tenant_settings`;

/** The county's settings inside the current tenant transaction; the national defaults when it has none. */
export async function loadSettings(em: EntityManager, forUpdate = false): Promise<StoredSettings> {
  return storedSettingsOf((await em.query(`${SETTINGS_SELECT}${forUpdate ? ' FOR UPDATE' : ''}`))[0]);
}

/** The county's settings as a statement, to be read with others in one round trip (TenantDb.snapshot). */
export const settingsStatement: Statement<StoredSettings> = statement(
  SETTINGS_SELECT,
  [],
  (rows) => storedSettingsOf(rows[0]),
  'evalflow_county_settings',
);

function storedSettingsOf(row: Record<string, unknown> | undefined): StoredSettings {
  if (!row) {
    return {
      gradeBands: DEFAULT_GRADE_BANDS,
      requireHeadSignOff: false,
      inflationThresholds: DEFAULT_INFLATION_THRESHOLDS,
      fourEyes: DEFAULT_FOUR_EYES,
      evidenceLimits: DEFAULT_EVIDENCE_LIMITS,
      version: 0,
      isDefault: true,
      updatedAt: null,
    };
  }
  return {
    gradeBands: row.grade_bands as GradeBand[],
    requireHeadSignOff: row.require_head_sign_off as boolean,
    inflationThresholds: storedThresholds(row.inflation_thresholds),
    fourEyes: {
      reviewerMayNotApprove: row.reviewer_may_not_approve as boolean,
      authorMayNotReview: row.author_may_not_review as boolean,
    },
    evidenceLimits: {
      maxFileMb: (row.evidence_max_file_mb as number | null) ?? DEFAULT_EVIDENCE_LIMITS.maxFileMb,
      maxReportMb: (row.evidence_max_report_mb as number | null) ?? DEFAULT_EVIDENCE_LIMITS.maxReportMb,
    },
    version: row.version as number,
    isDefault: false,
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

/** Stored thresholds were validated when written; anything unreadable (NULL, an older shape) means the defaults. */
function storedThresholds(stored: unknown): InflationThresholds {
  if (stored === null || stored === undefined) return DEFAULT_INFLATION_THRESHOLDS;
  // thresholds stored before a rule existed (the re-score gap, full marks without files) keep their values and take its defaults
  const checked = validateInflationThresholds({
    selfAboveReScore: DEFAULT_INFLATION_THRESHOLDS.selfAboveReScore,
    fullMarksWithoutFiles: DEFAULT_INFLATION_THRESHOLDS.fullMarksWithoutFiles,
    ...(stored as object),
  });
  return checked.ok ? checked.thresholds : DEFAULT_INFLATION_THRESHOLDS;
}
