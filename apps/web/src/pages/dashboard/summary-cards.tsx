import { Card, Flex, Statistic, Typography } from 'antd';
import type { DashboardSummary } from '../../api/dashboard-api';

interface Figure {
  key: string;
  title: string;
  value: string | number;
  suffix?: string;
  color?: string;
}

/**
 * The county's year at a glance: departments, their 部门整体 reports by stage, overdue, average
 * score; the project tables are one figure of their own.
 */
export function SummaryCards({ summary }: { summary: DashboardSummary }) {
  const { byProgress, projects } = summary;
  const figures: Figure[] = [
    { key: 'departments', title: '预算部门', value: summary.departments, suffix: '个' },
    { key: 'submitted', title: '已提交', value: byProgress.submitted, suffix: '份', color: '#1677ff' },
    { key: 'in_review', title: '审核中', value: byProgress.in_review, suffix: '份', color: '#2f54eb' },
    { key: 'returned', title: '已退回', value: byProgress.returned, suffix: '份', color: '#fa8c16' },
    { key: 'approved', title: '已通过', value: byProgress.approved, suffix: '份', color: '#52c41a' },
    {
      key: 'overdue',
      title: '已逾期',
      value: summary.overdue,
      suffix: '个',
      color: summary.overdue > 0 ? '#cf1322' : undefined,
    },
    {
      key: 'average',
      title: `平均得分（已提交及通过 ${summary.scored} 份）`,
      value: summary.averageScore ?? '—',
      suffix: summary.averageScore ? '分' : undefined,
    },
  ];
  const projectFigure: Figure = {
    key: 'projects',
    title: `项目支出绩效自评表（已提交 ${projects.submitted}，已通过 ${projects.approved}）`,
    value: projects.total,
    suffix: '张',
  };
  const rectifications = summary.rectifications;
  if (rectifications) {
    figures.push({
      key: 'rectifications',
      title: `未办结整改事项（逾期 ${rectifications.overdue}）`,
      value: rectifications.open,
      suffix: '项',
      color: rectifications.overdue > 0 ? '#cf1322' : undefined,
    });
  }
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        部门数、各状态份数、逾期和平均得分按各部门的部门整体支出绩效自评报告统计；项目支出绩效自评表单独计数。
        平均得分和等级分布只计已提交、审核中和已通过的报告，不含草稿和退回报告的自评得分
        {summary.draftsScored > 0 && `（另有 ${summary.draftsScored} 份草稿或退回报告已自评得分，未计入）`}。
      </Typography.Paragraph>
      <Flex wrap gap={12} role="list" aria-label="概况">
        {[...figures, projectFigure].map((f) => (
          <Card key={f.key} size="small" role="listitem" data-figure={f.key} style={{ flex: '1 1 140px' }}>
            <Statistic title={f.title} value={f.value} suffix={f.suffix} styles={{ content: { color: f.color } }} />
          </Card>
        ))}
      </Flex>
    </div>
  );
}
