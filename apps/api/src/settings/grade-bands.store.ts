import { DEFAULT_GRADE_BANDS, type GradeBand } from '@evalflow/domain';
import type { EntityManager } from 'typeorm';

export interface StoredSettings {
  gradeBands: GradeBand[];
  /** a dept_editor's submission needs the head's sign-off of the current content */
  requireHeadSignOff: boolean;
  /** 0 while the county still uses the defaults (no row yet) */
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

/** The county's settings inside the current tenant transaction; the national defaults when it has none. */
export async function loadSettings(em: EntityManager, forUpdate = false): Promise<StoredSettings> {
  const [row] = await em.query(
    `SELECT grade_bands, require_head_sign_off, version, updated_at FROM tenant_settings${forUpdate ? ' FOR UPDATE' : ''}`,
  );
  if (!row) {
    return { gradeBands: DEFAULT_GRADE_BANDS, requireHeadSignOff: false, version: 0, isDefault: true, updatedAt: null };
  }
  return {
    gradeBands: row.grade_bands as GradeBand[],
    requireHeadSignOff: row.require_head_sign_off as boolean,
    version: row.version as number,
    isDefault: false,
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}
