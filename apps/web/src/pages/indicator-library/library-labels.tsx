import { Tag } from 'antd';
import { INDICATOR_NATURES, NATURE_DESCRIPTIONS, NATURE_LABELS, type IndicatorNature } from '@evalflow/domain';

/** The 一级指标 of the 绩效指标体系, offered in the filter even before the library uses them. */
export const STANDARD_LEVEL1 = ['产出指标', '成本指标', '效益指标', '满意度指标'];

/** 指标性质 choices: the sign, and what it means. */
export const NATURE_OPTIONS = INDICATOR_NATURES.map((n) => ({
  value: n,
  label: n === 'qualitative' ? NATURE_LABELS[n] : `${NATURE_LABELS[n]}（${NATURE_DESCRIPTIONS[n]}）`,
}));

export function NatureTag({ nature }: { nature: IndicatorNature }) {
  return (
    <Tag color={nature === 'qualitative' ? 'purple' : 'blue'} title={NATURE_DESCRIPTIONS[nature]}>
      {NATURE_LABELS[nature]}
    </Tag>
  );
}

export function ActiveTag({ active }: { active: boolean }) {
  return active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>;
}

/** The 一级指标 choices: the standard ones, then any others the rows use. */
export function level1Options(seen: readonly string[]): Array<{ value: string; label: string }> {
  const names = [...STANDARD_LEVEL1, ...seen.filter((n) => !STANDARD_LEVEL1.includes(n)).sort()];
  return [...new Set(names)].map((value) => ({ value, label: value }));
}
