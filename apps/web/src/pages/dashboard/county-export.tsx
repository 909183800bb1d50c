import { useState, type ReactNode } from 'react';
import { FileExcelOutlined, FileZipOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { EXPORT_STATUS_LABELS, type ExportKind } from '@evalflow/domain';
import { messageOf, type ApiClient } from '../../api/client';
import { useExportJob } from '../../hooks/use-export-job';

/** What each kind of export says: its button, its dialog's title, what a done one holds. */
const EXPORT_TEXTS: Record<
  ExportKind,
  { button: string; icon: ReactNode; title: (year: number) => string; count: (n: number) => string }
> = {
  indicator_rows: {
    button: '导出指标明细',
    icon: <FileExcelOutlined />,
    title: (year) => `导出 ${year} 年度绩效指标明细`,
    count: (n) => `共 ${n} 行`,
  },
  approved_pdfs: {
    button: '下载已通过报告 PDF',
    icon: <FileZipOutlined />,
    title: (year) => `下载 ${year} 年度全部已审核通过报告的 PDF（.zip）`,
    count: (n) => `共 ${n} 份 PDF`,
  },
};

interface CountyExportProps {
  api: ApiClient;
  kind: ExportKind;
  fiscalYear: number;
}

/**
 * A county-wide export of a year, made by the worker (导出指标明细; the approved reports' PDFs in one .zip). The
 * dialog shows the export's progress while it runs and the file downloads when it is done; a failure is said
 * with its reason.
 */
export function CountyExport({ api, kind, fiscalYear }: CountyExportProps) {
  const texts = EXPORT_TEXTS[kind];
  const [open, setOpen] = useState(false);
  const { job, starting, error, start, reset, download } = useExportJob(api, kind);
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
      <Button icon={texts.icon} loading={starting} onClick={begin}>
        {texts.button}
      </Button>
      <Modal
        title={texts.title(fiscalYear)}
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
                  `：${texts.count(job.rowCount)}，已开始下载 ${job.fileName}`}
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

/** 导出指标明细: every indicator row of the county's year. */
export function IndicatorExport({ api, fiscalYear }: Omit<CountyExportProps, 'kind'>) {
  return <CountyExport api={api} kind="indicator_rows" fiscalYear={fiscalYear} />;
}
