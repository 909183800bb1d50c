import { useCallback } from 'react';
import { Empty, Flex, Spin, Typography } from 'antd';
import type { ApiClient } from '../../../api/client';
import { getRescore } from '../../../api/rescore-api';
import { LoadError } from '../../../components/load-error';
import { useRemote } from '../../../hooks/use-remote';
import { RescoreEditor } from './rescore-editor';
import { RescoreSummary } from './rescore-summary';
import { RescoreTable } from './rescore-table';

/**
 * 复核评分: the finance bureau re-scores while the report is with it; afterwards (and, once approved, for the
 * department too) the comparison 自评 / 复核 / 差异 per row and in total, with the final score and grade.
 */
export function RescoreTab({ api, reportId }: { api: ApiClient; reportId: string }) {
  const remote = useRemote(useCallback((signal: AbortSignal) => getRescore(api, reportId, signal), [api, reportId]));
  const view = remote.data;
  if (!view) {
    return remote.error !== undefined ? <LoadError error={remote.error} onRetry={remote.reload} /> : <Spin />;
  }
  if (view.editable) {
    return <RescoreEditor key={view.version} api={api} reportId={reportId} view={view} onSaved={remote.setData} />;
  }
  if (view.version === 0) return <Empty description="财政局尚未复核评分" />;
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        财政局的复核评分与部门自评得分的对比；得分差 = 自评得分 − 复核得分。
      </Typography.Paragraph>
      <RescoreTable rows={view.rows} label="复核评分对比" />
      <RescoreSummary totals={view.totals} rule={view.rule} />
    </Flex>
  );
}
