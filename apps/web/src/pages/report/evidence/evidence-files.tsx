import { useState, type ReactNode } from 'react';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import { EVIDENCE_KIND_INFO, formatFileSize } from '@evalflow/domain';
import type { EvidenceItem } from '../../../api/evidence-api';
import { DateTime } from '../../../components/date-time';
import { EvidencePreview } from './evidence-preview';
import { useEvidenceActions, type EvidenceSource } from './use-evidence-actions';

interface EvidenceFilesProps {
  state: EvidenceSource;
  items: EvidenceItem[];
  /** 删除 is offered (the caller may change the report's files now) */
  editable: boolean;
  /** names the table for assistive technology: 「绩效指标 X 的佐证材料」 */
  label: string;
  empty?: string;
  /** more actions on a file (moving an unmatched one to a row) */
  extra?: (
    item: EvidenceItem,
    actions: { move: (item: EvidenceItem, indicator: string | null) => void; busy: boolean },
  ) => ReactNode;
}

/** Files with their kind, size, who uploaded them and when; 预览 (PDF, images), 下载, and 删除 when editable. */
export function EvidenceFiles({
  state,
  items,
  editable,
  label,
  empty = '尚未上传佐证材料',
  extra,
}: EvidenceFilesProps) {
  const { busy, download, remove, move } = useEvidenceActions(state);
  const [previewing, setPreviewing] = useState<EvidenceItem>();
  return (
    <>
      <ResponsiveTable<EvidenceItem>
        aria-label={label}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: empty }}
        scroll={{ x: 640 }}
        columns={[
          {
            title: '文件名',
            dataIndex: 'fileName',
            render: (name: string) => (
              <Typography.Text style={{ wordBreak: 'break-all' }} data-evidence-file={name}>
                {name}
              </Typography.Text>
            ),
          },
          { title: '类型', key: 'kind', width: 96, render: (_, r) => EVIDENCE_KIND_INFO[r.kind]?.label ?? r.kind },
          { title: '大小', key: 'size', width: 84, align: 'right', render: (_, r) => formatFileSize(r.sizeBytes) },
          {
            title: '上传',
            key: 'uploaded',
            width: 150,
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text>{r.uploadedBy ?? '—'}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={r.uploadedAt} />
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: editable && extra ? 250 : 150,
            render: (_, r) => (
              <Flex gap={4} wrap align="center">
                {r.previewable && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setPreviewing(r)}
                    aria-label={`预览「${r.fileName}」`}
                  >
                    预览
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  loading={busy === r.id}
                  onClick={() => void download(r)}
                  aria-label={`下载「${r.fileName}」`}
                >
                  下载
                </Button>
                {editable && (
                  <Popconfirm
                    title={`删除「${r.fileName}」？`}
                    description="删除后不可恢复。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove(r)}
                  >
                    <Button type="link" size="small" danger aria-label={`删除「${r.fileName}」`}>
                      删除
                    </Button>
                  </Popconfirm>
                )}
                {editable && extra?.(r, { move: (item, indicator) => void move(item, indicator), busy: busy === r.id })}
              </Flex>
            ),
          },
        ]}
      />
      {previewing && (
        <EvidencePreview
          api={state.api}
          reportId={state.reportId}
          item={previewing}
          onDownload={(item) => void download(item)}
          onClose={() => setPreviewing(undefined)}
        />
      )}
    </>
  );
}
