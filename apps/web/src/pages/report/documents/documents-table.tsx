import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from '@evalflow/domain';
import type { DocumentView } from '../../../api/report-types';
import { chineseDateTime, DOCUMENT_FORMAT_LABELS, editionLabel, sizeLabel } from './document-labels';

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

/** The report's documents, newest first: which content, watermark, size, when finished, and the file. */
export function DocumentsTable({ documents, loading, download, downloading }: DocumentsTableProps) {
  return (
    <ResponsiveTable<DocumentView>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={documents}
      locale={{ emptyText: '还没有生成过正式文档' }}
      scroll={{ x: 860 }}
      columns={[
        {
          title: '文件',
          key: 'file',
          render: (_, d) => (
            <Typography.Text>
              <Tag>{DOCUMENT_FORMAT_LABELS[d.format]}</Tag>
              {d.fileName}
            </Typography.Text>
          ),
        },
        { title: '版本', key: 'edition', width: 190, render: (_, d) => editionLabel(d) },
        { title: '水印', dataIndex: 'watermark', width: 90, render: (v: string | null) => v ?? '无' },
        {
          title: '状态',
          key: 'status',
          width: 160,
          render: (_, d) => (
            <>
              <Tag color={STATUS_COLORS[d.status]}>
                {DOCUMENT_STATUS_LABELS[d.status]}
                {d.status === 'rendering' && ` ${d.progress}%`}
              </Tag>
              {d.status === 'failed' && d.error && (
                <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                  {d.error}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: '大小', dataIndex: 'sizeBytes', width: 100, render: (v: number | null) => sizeLabel(v) },
        { title: '生成时间', dataIndex: 'finishedAt', width: 170, render: (v: string | null) => chineseDateTime(v) },
        {
          title: '操作',
          key: 'actions',
          width: 90,
          render: (_, d) =>
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
