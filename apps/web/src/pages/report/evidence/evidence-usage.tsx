import { Progress, Typography, Flex } from 'antd';
import { formatFileSize } from '@evalflow/domain';
import type { EvidenceListView } from '../../../api/evidence-api';

/** 「已用 12 MB / 上限 200 MB」 of the report's files together, and how many there are of how many allowed. */
export function EvidenceUsage({ list }: { list: EvidenceListView }) {
  const { usedBytes, limits, items } = list;
  const percent = limits.maxReportBytes > 0 ? Math.min(100, (usedBytes / limits.maxReportBytes) * 100) : 0;
  return (
    <Flex gap={12} align="center" wrap role="group" aria-label="佐证材料用量">
      <Typography.Text data-evidence-usage>
        已用 {formatFileSize(usedBytes)} / 上限 {formatFileSize(limits.maxReportBytes)}
      </Typography.Text>
      <Progress percent={Math.round(percent)} showInfo={false} size="small" style={{ width: 120, margin: 0 }} />
      <Typography.Text type="secondary">
        共 {items.length} 个文件（最多 {limits.maxFiles} 个），单个文件不超过 {formatFileSize(limits.maxFileBytes)}
      </Typography.Text>
    </Flex>
  );
}
