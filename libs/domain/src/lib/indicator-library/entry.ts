import { z } from 'zod';
import { INDICATOR_NATURES, type Indicator, type IndicatorNature } from '../report/schema/score-table';

/**
 * The county's 指标库: performance indicators the finance bureau curates, which department editors pick
 * into a report's 绩效自评表. An entry is known by its 一级/二级/三级 names (one entry per name in a county).
 */

/**
 * How long each text may be: the 绩效自评表's own limits (so a picked entry always fits the report's
 * row), and the 说明 only the library has.
 */
export const LIBRARY_TEXT_LIMITS = {
  level1: 50,
  level2: 50,
  level3: 200,
  unit: 20,
  suggestedTarget: 100,
  suggestedEvidence: 1000,
  note: 500,
} as const;

export type LibraryTextField = keyof typeof LIBRARY_TEXT_LIMITS;
export type LibraryField = LibraryTextField | 'nature';

/** The entry's fields in the order of the sheet and the forms, with their Chinese names (the sheet's headers). */
export const LIBRARY_FIELD_LABELS: Record<LibraryField, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  unit: '计量单位',
  nature: '指标性质',
  suggestedTarget: '建议指标值',
  suggestedEvidence: '佐证材料',
  note: '说明',
};

export const LIBRARY_FIELDS = Object.keys(LIBRARY_FIELD_LABELS) as LibraryField[];

/** 指标性质 as people write it: ≥ ≤ = and 定性. */
export const NATURE_LABELS: Record<IndicatorNature, string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  qualitative: '定性',
};

/** What each 指标性质 means for the 完成值. */
export const NATURE_DESCRIPTIONS: Record<IndicatorNature, string> = {
  '>=': '完成值不低于指标值',
  '<=': '完成值不高于指标值',
  '=': '完成值等于指标值',
  qualitative: '定性指标，按完成情况评价',
};

const requiredName = (field: 'level1' | 'level2' | 'level3') =>
  z
    .string({ error: `请填写${LIBRARY_FIELD_LABELS[field]}` })
    .trim()
    .min(1, { error: `请填写${LIBRARY_FIELD_LABELS[field]}` })
    .max(LIBRARY_TEXT_LIMITS[field], {
      error: `${LIBRARY_FIELD_LABELS[field]}不能超过 ${LIBRARY_TEXT_LIMITS[field]} 个字符`,
    });

const optionalText = (field: Exclude<LibraryTextField, 'level1' | 'level2' | 'level3'>) =>
  z
    .string({ error: `${LIBRARY_FIELD_LABELS[field]}应为文本` })
    .trim()
    .max(LIBRARY_TEXT_LIMITS[field], {
      error: `${LIBRARY_FIELD_LABELS[field]}不能超过 ${LIBRARY_TEXT_LIMITS[field]} 个字符`,
    })
    .default('');

/** An entry's content, trimmed; the optional texts default to empty. */
export const libraryEntrySchema = z.strictObject({
  level1: requiredName('level1'),
  level2: requiredName('level2'),
  level3: requiredName('level3'),
  unit: optionalText('unit'),
  nature: z.enum(INDICATOR_NATURES, { error: '指标性质只能是 ≥、≤、= 或 定性' }),
  suggestedTarget: optionalText('suggestedTarget'),
  suggestedEvidence: optionalText('suggestedEvidence'),
  note: optionalText('note'),
});

/** What a caller sends (optional texts may be left out). */
export type LibraryEntryInput = z.input<typeof libraryEntrySchema>;
/** An entry's content as stored: every field present and trimmed. */
export type LibraryEntryFields = z.output<typeof libraryEntrySchema>;

/** An entry as the API answers it (and the web app reads it). */
export interface LibraryEntryView extends LibraryEntryFields {
  id: string;
  tenantId: string;
  /** false once archived (停用): no longer offered for new picks, kept for the reports that use it */
  active: boolean;
  /** raised by every change; a change sends it back in If-Match */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One problem of an entry: the field and a Chinese message. */
export interface LibraryEntryProblem {
  field: LibraryField | '';
  message: string;
}

/** The entry trimmed and checked, or its problems (one per field at most, in the fields' order). */
export function checkLibraryEntry(
  input: unknown,
): { ok: true; entry: LibraryEntryFields } | { ok: false; problems: LibraryEntryProblem[] } {
  const parsed = libraryEntrySchema.safeParse(input);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const byField = new Map<LibraryField | '', string>();
  for (const issue of parsed.error.issues) {
    const field = (typeof issue.path[0] === 'string' ? issue.path[0] : '') as LibraryField | '';
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const order = (f: LibraryField | '') => (f === '' ? -1 : LIBRARY_FIELDS.indexOf(f));
  return {
    ok: false,
    problems: [...byField]
      .map(([field, message]) => ({ field, message }))
      .sort((a, b) => order(a.field) - order(b.field)),
  };
}

/** The key an entry is known by in its county: its 一级/二级/三级 names. */
export function libraryKey(entry: Pick<LibraryEntryFields, 'level1' | 'level2' | 'level3'>): string {
  return JSON.stringify([entry.level1, entry.level2, entry.level3]);
}

/** The content fields in which `next` differs from `current`. */
export function libraryEntryChanges(current: LibraryEntryFields, next: LibraryEntryFields): LibraryField[] {
  return LIBRARY_FIELDS.filter((field) => current[field] !== next[field]);
}

/**
 * A 绩效自评表 row from an entry (what the report editor adds when one is picked): the names, unit and
 * 性质, the suggested 指标值 and 佐证材料; the row keeps its own copy and the link to the entry.
 */
export function indicatorFromLibrary(entry: LibraryEntryFields & { id: string }): Indicator {
  return {
    level1: entry.level1,
    level2: entry.level2,
    level3: entry.level3,
    nature: entry.nature,
    target: entry.suggestedTarget,
    unit: entry.unit,
    actual: '',
    weight: null,
    score: null,
    deviationNote: '',
    evidence: entry.suggestedEvidence,
    libraryEntryId: entry.id,
  };
}
