import { useEffect, useRef, useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, List, Modal, Progress, Space, Tooltip, Typography, Upload } from 'antd';
import { PART_LABELS, type ReportKind, type ReportPart } from '@evalflow/domain';
import { ApiError, messageOf, type ApiClient } from '../../../api/client';
import {
  applyReportImport,
  discardReportImport,
  getReportImport,
  IMPORT_ACCEPT,
  IMPORT_FILE_HINT,
  importFileProblem,
  uploadReportImport,
  type ReportImportView,
} from '../../../api/report-imports-api';

/** How often a parse under way is asked about. */
const POLL_MS = 1000;

interface ReportImportModalProps {
  api: ApiClient;
  reportId: string;
  kind: ReportKind;
  open: boolean;
  onClose: () => void;
  /** After the import was written: the editor starts again from the server's content. */
  onImported: () => void;
  /** A file already chosen (in 新建报告 → 从文件导入): uploaded as soon as the dialog opens. */
  initialFile?: File;
}

const partLabel = (kind: ReportKind, part: string) =>
  (PART_LABELS[kind] as Partial<Record<ReportPart, string>>)[part as ReportPart] ?? part;
const underway = (v: ReportImportView) => v.status === 'queued' || v.status === 'parsing';

/**
 * 从文件导入（Word/文本）: choose a .docx or .txt, watch it parse, read what will be filled and what could not
 * be placed, then 确认导入 against the report's version (a report changed since is said so, nothing written).
 */
export function ReportImportModal({
  api,
  reportId,
  kind,
  open,
  onClose,
  onImported,
  initialFile,
}: ReportImportModalProps) {
  const { message } = App.useApp();
  const [fileName, setFileName] = useState<string>();
  const [view, setView] = useState<ReportImportView>();
  const [busy, setBusy] = useState<'uploading' | 'applying'>();
  const [failure, setFailure] = useState<string>();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const choose = async (file: File) => {
    setView(undefined);
    setFailure(undefined);
    setFileName(file.name);
    const problem = importFileProblem(file);
    if (problem) return setFailure(problem);
    setBusy('uploading');
    try {
      const uploaded = await uploadReportImport(api, reportId, file);
      setView(uploaded);
      let current = uploaded;
      while (alive.current && underway(current)) {
        current = await getReportImport(api, reportId, uploaded.id);
        if (alive.current) setView(current);
        if (underway(current)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (e) {
      setFailure(messageOf(e, '无法导入该文件，请稍后重试'));
    } finally {
      setBusy(undefined);
    }
  };

  // the file handed over starts at once, once (a remount in development must not upload it twice)
  const started = useRef(false);
  useEffect(() => {
    if (!initialFile || started.current) return;
    started.current = true;
    void choose(initialFile);
  }, [initialFile]);

  const apply = async () => {
    if (!view) return;
    setBusy('applying');
    setFailure(undefined);
    try {
      await applyReportImport(api, reportId, view.id, view.reportVersion);
      message.success('已从文件导入报告内容');
      onImported();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setFailure('报告在解析之后又被修改过，请重新选择文件导入');
      } else setFailure(messageOf(e, '导入失败，请稍后重试'));
    } finally {
      setBusy(undefined);
    }
  };

  const cancel = () => {
    // a parsed import not confirmed is discarded (best effort: it would never be applied anyway)
    if (view && (view.status === 'ready' || underway(view)))
      void discardReportImport(api, reportId, view.id).catch(() => undefined);
    onClose();
  };

  const summary = view?.status === 'ready' ? view.summary : null;
  const blocked = !view
    ? '请先选择文件'
    : underway(view)
      ? '文件正在解析'
      : view.status !== 'ready'
        ? '文件未能解析'
        : summary && summary.filledParts.length === 0
          ? '文件中没有可自动填写的内容'
          : undefined;

  return (
    <Modal
      open={open}
      title="从文件导入（Word/文本）"
      width={760}
      onCancel={cancel}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={cancel}>取消</Button>
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
          accept={IMPORT_ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={busy !== undefined}
          beforeUpload={(chosen) => {
            void choose(chosen);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将往年的报告拖到这里</p>
          <p className="ant-upload-hint">{IMPORT_FILE_HINT}。确认后将替换草稿中能识别的内容，原内容保存为一个版本。</p>
        </Upload.Dragger>
        {fileName && <Typography.Text type="secondary">文件：{fileName}</Typography.Text>}
        {(busy === 'uploading' || (view && underway(view))) && (
          <Flex vertical gap={4}>
            <Typography.Text>正在解析文件…</Typography.Text>
            <Progress percent={view?.progress ?? 0} size="small" aria-label="解析进度" />
          </Flex>
        )}
        {view?.status === 'failed' && <Alert type="error" showIcon role="alert" title={view.error ?? '文件未能解析'} />}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {summary && (
          <>
            <Alert
              type={summary.filledParts.length ? 'success' : 'warning'}
              showIcon
              title={
                summary.filledParts.length
                  ? `将填写${summary.filledParts.map((p) => `「${partLabel(kind, p)}」`).join('')}`
                  : '文件中没有可自动填写的内容'
              }
              description={`绩效指标 ${summary.counts.indicators} 行，${summary.counts.sourced} 个字段注明来源${
                summary.counts.inferred ? `，${summary.counts.inferred} 个为推断` : ''
              }`}
            />
            {summary.unplaced.length > 0 && (
              <List
                size="small"
                header={`未能归入的内容（${summary.unplaced.length} 处，请导入后手工填写）`}
                dataSource={summary.unplaced}
                style={{ maxHeight: 240, overflow: 'auto' }}
                renderItem={(u) => (
                  <List.Item>
                    <Typography.Text ellipsis style={{ maxWidth: 520 }}>
                      {u.excerpt}
                    </Typography.Text>
                    <Typography.Text type="secondary">{u.reason}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
