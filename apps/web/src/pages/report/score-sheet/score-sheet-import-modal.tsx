import { useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Space, Table, Tooltip, Upload, type TableColumnsType } from 'antd';
import {
  PART_LABELS,
  SCORE_SHEET_FILE_MAX_BYTES,
  XLSX_CONTENT_TYPE,
  type ReportKind,
  type ReportPart,
  type ScoreSheetError,
} from '@evalflow/domain';
import { ApiError, messageOf, type ApiClient } from '../../../api/client';
import { importScoreSheet, type ScoreSheetImportView } from '../../../api/score-sheet-api';

const MAX_SIZE = `${SCORE_SHEET_FILE_MAX_BYTES / (1024 * 1024)} MB`;

const ERROR_COLUMNS: TableColumnsType<ScoreSheetError & { key: string }> = [
  { title: '行号', dataIndex: 'row', width: 64, align: 'right', render: (row: number) => row || '—' },
  {
    title: '列',
    key: 'column',
    width: 140,
    render: (_, e) => (e.column ? `${e.column} 列${e.header ? `（${e.header}）` : ''}` : e.header || '—'),
  },
  { title: '问题', dataIndex: 'message' },
];

interface ScoreSheetImportModalProps {
  api: ApiClient;
  reportId: string;
  kind: ReportKind;
  open: boolean;
  onClose: () => void;
  /** After the import was written: the report must load again, and the editor start from it. */
  onImported: () => void;
}

const partLabel = (kind: ReportKind, part: ReportPart) =>
  (PART_LABELS[kind] as Partial<Record<ReportPart, string>>)[part] ?? part;

/**
 * 从 Excel 导入绩效自评表: choose an .xlsx, see every bad cell by row and column or what the import would
 * change, then 确认导入 — the whole table at once, against the report as it was checked (a report changed
 * since is said so, and nothing is written).
 */
export function ScoreSheetImportModal({ api, reportId, kind, open, onClose, onImported }: ScoreSheetImportModalProps) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ScoreSheetImportView>();
  const [busy, setBusy] = useState<'checking' | 'applying'>();
  const [failure, setFailure] = useState<string>();

  const check = async (chosen: File) => {
    setFile(chosen);
    setPreview(undefined);
    setFailure(undefined);
    if (chosen.size > SCORE_SHEET_FILE_MAX_BYTES) {
      setFailure(`文件过大：绩效自评表文件不能超过 ${MAX_SIZE}`);
      return;
    }
    setBusy('checking');
    try {
      setPreview(await importScoreSheet(api, reportId, chosen, 'preview'));
    } catch (e) {
      setFailure(messageOf(e, '无法检查该文件，请稍后重试'));
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    setBusy('applying');
    setFailure(undefined);
    try {
      await importScoreSheet(api, reportId, file, 'apply', preview.reportVersion);
      message.success('已导入绩效自评表');
      onImported();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setFailure('报告在检查之后又被修改过，请重新选择文件检查后再导入');
        setPreview(undefined);
      } else setFailure(messageOf(e, '导入失败，请稍后重试'));
    } finally {
      setBusy(undefined);
    }
  };

  const changed = preview?.parts.filter((p) => p.changed) ?? [];
  const blocked = !preview
    ? '请先选择文件'
    : !preview.ok
      ? '请先改正文件中的错误'
      : changed.length === 0
        ? '文件与报告现有内容相同，没有需要导入的变化'
        : undefined;

  return (
    <Modal
      open={open}
      title="从 Excel 导入绩效自评表"
      width={760}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Tooltip title={blocked}>
            <Button
              type="primary"
              disabled={blocked !== undefined}
              loading={busy === 'applying'}
              onClick={() => void apply()}
            >
              确认导入
            </Button>
          </Tooltip>
        </Flex>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Upload.Dragger
          accept={`.xlsx,${XLSX_CONTENT_TYPE}`}
          multiple={false}
          showUploadList={false}
          disabled={busy !== undefined}
          beforeUpload={(chosen) => {
            void check(chosen);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {file ? `已选择：${file.name}（点击或拖入以更换）` : '点击或将 Excel 文件拖到这里'}
          </p>
          <p className="ant-upload-hint">
            .xlsx 格式，不超过 {MAX_SIZE}。可先「导出绩效自评表」，在 Excel
            中填写后导入；将替换报告中的项目资金、绩效指标
            {kind === 'project' ? '、年度总体目标' : ''}和总分。
          </p>
        </Upload.Dragger>
        {busy === 'checking' && <Alert type="info" showIcon title="正在检查文件…" />}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {preview && !preview.ok && (
          <>
            <Alert
              type="error"
              showIcon
              title={`文件中有 ${preview.errors.length} 处错误，请改正后重新选择文件；改正前不能导入`}
            />
            <Table
              size="small"
              rowKey="key"
              columns={ERROR_COLUMNS}
              dataSource={preview.errors.map((e, i) => ({ ...e, key: `${e.row}-${e.column}-${i}` }))}
              pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
              scroll={{ y: 320 }}
            />
          </>
        )}
        {preview?.ok && preview.counts && (
          <Alert
            type="success"
            showIcon
            title={
              changed.length
                ? `文件检查通过：将更新${changed.map((p) => `「${partLabel(kind, p.part)}」`).join('')}`
                : '文件检查通过，与报告现有内容相同'
            }
            description={[
              `绩效指标 ${preview.counts.indicators} 行`,
              preview.counts.objectives !== null ? `年度总体目标 ${preview.counts.objectives} 条` : null,
              preview.counts.executed !== null ? `全年执行数 ${preview.counts.executed} 万元` : null,
              preview.counts.totalScore !== null ? `总分 ${preview.counts.totalScore}` : null,
            ]
              .filter(Boolean)
              .join('，')}
          />
        )}
      </Space>
    </Modal>
  );
}
