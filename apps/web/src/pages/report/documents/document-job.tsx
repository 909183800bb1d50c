import type { ReactNode } from 'react';
import { DownloadOutlined, FilePdfOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Spin, Typography } from 'antd';
import { DOCUMENT_STATUS_LABELS, type DocumentFormat } from '@evalflow/domain';
import { messageOf, type ApiClient } from '../../../api/client';
import type { DocumentView } from '../../../api/report-types';
import { DOCUMENT_FORMAT_LABELS, editionLabel, isRendering } from './document-labels';
import { useDocumentJob } from './use-document-job';

interface DocumentJobProps {
  api: ApiClient;
  reportId: string;
  format: DocumentFormat;
  download: (doc: DocumentView) => Promise<void>;
  /** The document being downloaded, if any. */
  downloading: string | undefined;
  onChange: () => void;
}

const ICONS: Record<DocumentFormat, ReactNode> = {
  pdf: <FilePdfOutlined />,
  docx: <FileWordOutlined />,
};

/** The 生成并下载 button of one format and how its document is coming along. */
export function DocumentJob({ api, reportId, format, download, downloading, onChange }: DocumentJobProps) {
  const job = useDocumentJob({ api, reportId, format, download, onChange });
  const { doc } = job;
  const label = DOCUMENT_FORMAT_LABELS[format];
  const busy = job.requesting || (doc !== undefined && isRendering(doc));
  const watchFailed = job.error !== undefined && doc !== undefined && isRendering(doc);

  return (
    <Flex vertical gap={8} role="group" aria-label={`${label} 文档`}>
      <div>
        <Button type="primary" icon={ICONS[format]} loading={busy} onClick={() => void job.start()}>
          生成并下载 {label}
        </Button>
      </div>
      {job.error !== undefined && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={watchFailed ? '无法获取生成进度' : `${label} 文档生成请求失败`}
          description={messageOf(job.error, '请稍后重试')}
          action={
            watchFailed && (
              <Button size="small" onClick={job.resume}>
                重试
              </Button>
            )
          }
        />
      )}
      {doc && <DocumentProgress doc={doc} />}
      {doc?.status === 'done' && (
        <div>
          <Button icon={<DownloadOutlined />} loading={downloading === doc.id} onClick={() => void download(doc)}>
            下载 {doc.fileName}
          </Button>
        </div>
      )}
      {doc?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`${label} 文档生成失败`}
          description={doc.error ?? '生成失败，请重新生成'}
          action={
            <Button size="small" icon={<ReloadOutlined />} loading={job.requesting} onClick={() => void job.start()}>
              重新生成
            </Button>
          }
        />
      )}
    </Flex>
  );
}

/**
 * Status label, edition and progress; read out as it changes. Until the worker reports a step, there is
 * no figure to show: a spinner with the job's status (排队中, 生成中) rather than a bar stuck at 0%.
 */
function DocumentProgress({ doc }: { doc: DocumentView }) {
  const percent = doc.status === 'done' ? 100 : doc.progress;
  const status = doc.status === 'failed' ? 'exception' : doc.status === 'done' ? 'success' : 'active';
  const unknown = isRendering(doc) && !(doc.status === 'rendering' && doc.progress > 0);
  return (
    <div aria-live="polite" aria-busy={isRendering(doc)} data-progress={unknown ? 'indeterminate' : percent}>
      <Flex gap={8} align="center">
        {unknown && <Spin size="small" />}
        <Typography.Text>
          {DOCUMENT_STATUS_LABELS[doc.status]}
          {doc.status === 'rendering' && doc.progress > 0 && ` ${doc.progress}%`}
          {unknown && '…'}
          <Typography.Text type="secondary">（{editionLabel(doc)}）</Typography.Text>
        </Typography.Text>
      </Flex>
      {!unknown && (
        <Progress
          percent={percent}
          status={status}
          aria-label={`${DOCUMENT_FORMAT_LABELS[doc.format]} 生成进度`}
          style={{ maxWidth: 360 }}
        />
      )}
    </div>
  );
}
