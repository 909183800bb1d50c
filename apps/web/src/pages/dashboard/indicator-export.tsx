import { useState } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { EXPORT_STATUS_LABELS } from '@evalflow/domain';
import { messageOf, type ApiClient } from '../../api/client';
import { useExportJob } from '../../hooks/use-export-job';

interface IndicatorExportProps {
  api: ApiClient;
  fiscalYear: number;
}

/**
 * 导出指标明细: every indicator row of the county's year, made by the worker. The dialog shows the export's
 * progress while it runs and the file downloads when it is done; a failure is said with its reason.
 */
export function IndicatorExport({ api, fiscalYear }: IndicatorExportProps) {
  const [open, setOpen] = useState(false);
  const { job, starting, error, start, reset, download } = useExportJob(api, 'indicator_rows');
  const begin = () => {
    setOpen(true);
    void start(fiscalYear);
  };
  const close = () => {
    setOpen(false);
    reset();
  };
  const failed = job?.status === 'failed';
  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={starting} onClick={begin}>
        导出指标明细
      </Button>
      <Modal
        title={`导出 ${fiscalYear} 年度绩效指标明细`}
        open={open}
        onCancel={close}
        footer={
          <Space>
            {job?.status === 'done' && <Button onClick={() => void download(job, true)}>重新下载</Button>}
            <Button onClick={close}>关闭</Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!job && !error && <Typography.Text>正在提交导出任务…</Typography.Text>}
          {job && (
            <>
              <Typography.Text aria-live="polite">
                {EXPORT_STATUS_LABELS[job.status]}
                {job.status === 'done' &&
                  job.rowCount !== null &&
                  `：共 ${job.rowCount} 行，已开始下载 ${job.fileName}`}
                {(job.status === 'queued' || job.status === 'running') && '：完成后自动下载，可关闭此窗口稍后再导出'}
              </Typography.Text>
              <Progress
                percent={job.progress}
                status={failed ? 'exception' : job.status === 'done' ? 'success' : 'active'}
                aria-label="导出进度"
              />
            </>
          )}
          {failed && <Alert type="error" showIcon title={job.error ?? '导出失败，请稍后重试'} />}
          {error !== undefined && <Alert type="error" showIcon title={messageOf(error, '导出失败，请稍后重试')} />}
        </Space>
      </Modal>
    </>
  );
}
