import { dec } from '../money/decimal';
import type { GradeKey } from './schema';

/**
 * Grade bands (财预〔2020〕10号): each band includes its lower bound, so 90 is 优 and 89.5 is 良.
 * Labels vary by place (Hebei writes 「优秀」): bands and labels are tenant settings.
 */
export interface GradeBand {
  grade: GradeKey;
  label: string;
  /** inclusive lower bound, 0–100 */
  min: string;
}

export const DEFAULT_GRADE_BANDS: GradeBand[] = [
  { grade: 'excellent', label: '优', min: '90' },
  { grade: 'good', label: '良', min: '80' },
  { grade: 'fair', label: '中', min: '60' },
  { grade: 'poor', label: '差', min: '0' },
];

/** The band a score falls into: the highest band whose lower bound it reaches. */
export function bandFor(score: string, bands: GradeBand[] = DEFAULT_GRADE_BANDS): GradeBand {
  const ordered = [...bands].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
  const found = ordered.find((band) => dec(score).greaterThanOrEqualTo(band.min));
  return found ?? ordered[ordered.length - 1];
}

export function gradeLabel(grade: GradeKey, bands: GradeBand[] = DEFAULT_GRADE_BANDS): string {
  return bands.find((b) => b.grade === grade)?.label ?? grade;
}

/** Bands must cover 0–100 with one band per grade, lower bounds strictly falling from 优 to 差. */
export function checkGradeBands(bands: GradeBand[]): string[] {
  const problems: string[] = [];
  const order: GradeKey[] = ['excellent', 'good', 'fair', 'poor'];
  if (bands.length !== 4 || order.some((g) => bands.filter((b) => b.grade === g).length !== 1)) {
    return ['应恰好包含优、良、中、差四个等级各一次'];
  }
  const byGrade = order.map((g) => bands.find((b) => b.grade === g) as GradeBand);
  if (!dec(byGrade[3].min).isZero()) problems.push('最低等级的下限应为 0');
  for (let i = 0; i < 3; i++) {
    const hi = dec(byGrade[i].min);
    const lo = dec(byGrade[i + 1].min);
    if (hi.lessThanOrEqualTo(lo)) problems.push(`「${byGrade[i].label}」的下限应高于「${byGrade[i + 1].label}」`);
  }
  if (byGrade.some((b) => dec(b.min).greaterThan(100) || dec(b.min).isNegative())) problems.push('下限应在 0–100 之间');
  if (byGrade.some((b) => !b.label.trim() || b.label.length > 10)) problems.push('等级名称应为 1–10 个字符');
  return problems;
}
