import { Card, Empty, Typography } from 'antd';
import type { GradeKey } from '@evalflow/domain';
import { BarList } from './bar-list';
import type { GradeCount } from './dashboard-data';

const GRADE_COLORS: Record<GradeKey, string> = {
  excellent: '#52c41a',
  good: '#1677ff',
  fair: '#faad14',
  poor: '#f5222d',
};

/** 等级分布: scored 部门整体 reports per band, with the county's own labels. */
export function GradeChart({ counts, unscored }: { counts: GradeCount[]; unscored: number }) {
  const scored = counts.reduce((n, c) => n + c.count, 0);
  return (
    <Card title="等级分布（部门整体报告）" size="small" style={{ height: '100%' }}>
      {scored === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度还没有评分的部门整体报告" />
      ) : (
        <BarList
          label="等级分布"
          unit="份"
          bars={counts.map((c) => ({
            key: c.grade,
            label: c.label,
            count: c.count,
            color: GRADE_COLORS[c.grade],
            note: `${c.min} 分及以上`,
          }))}
        />
      )}
      {unscored > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          另有 {unscored} 份报告尚未评分
        </Typography.Text>
      )}
    </Card>
  );
}
