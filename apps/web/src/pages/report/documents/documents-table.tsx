import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from '@evalflow/domain';
import type { DocumentView } from '../../../api/report-types';
import { chineseDateTime, DOCUMENT_FORMAT_LABELS, editionLabel, sizeLabel } from './document-labels';
import { documentRows, type DocumentRow } from './document-rows';

const STATUS_COLORS: Record<DocumentStatus, string> = {
  queued: 'default',
  rendering: 'processing',
  done: 'success',
  failed: 'error',
};

interface DocumentsTableProps {
  documents: DocumentView[];
  loading: boolean;
  download: (doc: DocumentView) => Promise<void>;
  downloading: string | undefined;
}

/**
 * The report's documents, newest first: which content (版本), watermark, size, when made, and the file.
 * The same file made again (the same draft rendered twice) is one row saying how often.
 */
export function DocumentsTable({ documents, loading, download, downloading }: DocumentsTableProps) {
  return (
    <ResponsiveTable<DocumentRow>
      rowKey={(r) => r.doc.id}
      size="small"
      pagination={false}
      loading={loading}
      dataSource={documentRows(documents)}
      locale={{ emptyText: '还没有生成过正式文档' }}
      scroll={{ x: 860 }}
      columns={[
        {
          title: '文件',
          key: 'file',
          render: (_, { doc: d, copies }) => (
            <>
              <Typography.Text>
                <Tag>{DOCUMENT_FORMAT_LABELS[d.format]}</Tag>
                {d.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {editionLabel(d)} · {chineseDateTime(d.finishedAt ?? d.createdAt)}
                {copies > 1 && `（同一文件生成过 ${copies} 次）`}
              </Typography.Text>
            </>
          ),
        },
        { title: '版本', key: 'edition', width: 190, render: (_, { doc: d }) => editionLabel(d) },
        { title: '水印', key: 'watermark', width: 90, render: (_, { doc: d }) => d.watermark ?? '无' },
        {
          title: '状态',
          key: 'status',
          width: 160,
          render: (_, { doc: d }) => (
            <>
              <Tag color={STATUS_COLORS[d.status]}>
                {DOCUMENT_STATUS_LABELS[d.status]}
                {d.status === 'rendering' && d.progress > 0 && ` ${d.progress}%`}
              </Tag>
              {d.status === 'failed' && d.error && (
                <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                  {d.error}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: '大小', key: 'size', width: 100, render: (_, { doc: d }) => sizeLabel(d.sizeBytes) },
        {
          title: '生成时间',
          key: 'time',
          width: 170,
          render: (_, { doc: d }) =>
            d.finishedAt ? chineseDateTime(d.finishedAt) : `${chineseDateTime(d.createdAt)} 请求`,
        },
        {
          title: '操作',
          key: 'actions',
          width: 90,
          render: (_, { doc: d }) =>
            d.status === 'done' && (
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                loading={downloading === d.id}
                aria-label={`下载 ${d.fileName}（${editionLabel(d)}）`}
                onClick={() => void download(d)}
              >
                下载
              </Button>
            ),
        },
      ]}
    />
  );
}
