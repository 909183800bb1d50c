import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { INDICATOR_NATURES, NATURE_DESCRIPTIONS, NATURE_LABELS, type IndicatorNature } from '@evalflow/domain';
import type { LibraryEntryView } from '../../api/indicator-library-api';

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

/** An indicator as one cell: its 三级指标 (with what follows it), its 一级 / 二级 under it. */
export function IndicatorCell({
  entry,
  after,
}: {
  entry: Pick<LibraryEntryView, 'level1' | 'level2' | 'level3'>;
  after?: ReactNode;
}) {
  return (
    <>
      <div>
        {entry.level3}
        {after}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {entry.level1} / {entry.level2}
      </Typography.Text>
    </>
  );
}
