import type { Indicator } from '@evalflow/domain';
import { normalizeWidth } from '../figures';

/**
 * An indicator row as a report writes it — 「≥28.826万元」 in one cell — split into the schema's 指标性质,
 * 指标值 and 计量单位. Only a cell that is exactly a sign, a number and a known unit is split, and only when
 * the 实际完成值 is in the same unit (or a bare number); anything else is kept as read.
 */
const UNITS = [
  '万元',
  '元',
  '%',
  '人次',
  '人',
  '个',
  '次',
  '项',
  '户',
  '家',
  '天',
  '日',
  '月',
  '年',
  '小时',
  '件',
  '份',
  '场',
  '所',
  '台',
  '套',
  '公里',
  '米',
  '平方米',
  '亩',
  '吨',
  '分',
];
const SIGNS: Record<string, Indicator['nature']> = { '≥': '>=', '>=': '>=', '≤': '<=', '<=': '<=', '=': '=' };
const VALUE = new RegExp(String.raw`^(≥|>=|≤|<=|=)?\s*(\d+(?:\.\d+)?)\s*(${UNITS.join('|')})$`);

function split(text: string) {
  const m = VALUE.exec(normalizeWidth(text).replace(/＝/g, '=').trim());
  return m ? { sign: m[1] ?? null, number: m[2], unit: m[3] } : null;
}

export interface SplitIndicator {
  indicator: Indicator;
  /** the nature was taken as 「=」 because the target has a number and no sign */
  natureAssumed: boolean;
}

export function splitIndicatorValues(row: Indicator): SplitIndicator | null {
  if (row.unit) return null;
  const target = split(row.target);
  if (!target) return null;
  // the 实际完成值 in the target's unit, or a bare number (「50」 under 「≥50个」: the unit is the row's)
  const bare = /^\d+(\.\d+)?$/.test(normalizeWidth(row.actual).trim());
  const actual = bare
    ? { sign: null, number: normalizeWidth(row.actual).trim(), unit: target.unit }
    : split(row.actual);
  if (row.actual && (!actual || actual.unit !== target.unit || actual.sign)) return null;
  return {
    indicator: {
      ...row,
      // the sheet reader already took a leading ≥/≤ into the nature; a bare number with a unit is 「=」
      nature: target.sign ? SIGNS[target.sign] : row.nature === 'qualitative' ? '=' : row.nature,
      target: target.number,
      unit: target.unit,
      actual: actual ? actual.number : row.actual,
    },
    natureAssumed: !target.sign && row.nature === 'qualitative',
  };
}
