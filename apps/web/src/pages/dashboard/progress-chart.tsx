import { Card, Flex, Typography } from 'antd';
import { PROGRESS_LABELS, PROGRESS_ORDER, type Progress } from './dashboard-data';

export const PROGRESS_COLORS: Record<Progress, string> = {
  missing: '#d9d9d9',
  draft: '#8c8c8c',
  submitted: '#1677ff',
  in_review: '#2f54eb',
  returned: '#fa8c16',
  approved: '#52c41a',
};

const percentText = (count: number, total: number) => `${((count / total) * 100).toFixed(1)}%`;

/** 填报进度: one stacked bar of every department by the stage of its 部门整体 report, with a legend. */
export function ProgressChart({ byProgress, total }: { byProgress: Record<Progress, number>; total: number }) {
  const stages = PROGRESS_ORDER.map((p) => ({ key: p, label: PROGRESS_LABELS[p], count: byProgress[p] }));
  return (
    <Card title="填报进度（部门整体报告）" size="small" style={{ height: '100%' }}>
      <div
        role="img"
        aria-label={`填报进度：${stages.map((s) => `${s.label} ${s.count} 个`).join('，')}`}
        style={{ display: 'flex', height: 24, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}
      >
        {total > 0 &&
          stages
            .filter((s) => s.count > 0)
            .map((s) => (
              <div
                key={s.key}
                title={`${s.label}：${s.count} 个（${percentText(s.count, total)}）`}
                style={{ width: `${(s.count / total) * 100}%`, background: PROGRESS_COLORS[s.key] }}
              />
            ))}
      </div>
      <Flex wrap gap="8px 20px" component="ul" aria-label="图例" style={{ margin: '16px 0 0', padding: 0 }}>
        {stages.map((s) => (
          <li key={s.key} data-stage={s.key} style={{ listStyle: 'none' }}>
            <Flex align="center" gap={6}>
              <span
                aria-hidden
                style={{ width: 10, height: 10, borderRadius: 2, background: PROGRESS_COLORS[s.key], flex: 'none' }}
              />
              <Typography.Text>{s.label}</Typography.Text>
              <Typography.Text strong>{s.count}</Typography.Text>
              {total > 0 && <Typography.Text type="secondary">{percentText(s.count, total)}</Typography.Text>}
            </Flex>
          </li>
        ))}
      </Flex>
    </Card>
  );
}
