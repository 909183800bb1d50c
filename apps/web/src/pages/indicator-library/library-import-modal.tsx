import { useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import {
  LIBRARY_COLUMNS,
  LIBRARY_FIELD_LABELS,
  LIBRARY_FILE_MAX_BYTES,
  LIBRARY_IMPORT_MAX_ROWS,
  type LibraryImportAction,
  type LibraryImportResult,
  type LibrarySheetError,
  XLSX_CONTENT_TYPE,
} from '@evalflow/domain';
import { ApiError, messageOf, type ApiClient } from '../../api/client';
import { importLibrary } from '../../api/indicator-library-api';
import { IndicatorCell, NatureTag } from './library-labels';

const MAX_SIZE = `${LIBRARY_FILE_MAX_BYTES / (1024 * 1024)} MB`;

const ACTION_TAGS: Record<LibraryImportAction, { color: string; label: string }> = {
  create: { color: 'green', label: '新增' },
  update: { color: 'blue', label: '更新' },
  unchanged: { color: 'default', label: '不变' },
};

/** One line of the preview: a row of the sheet and what importing it does, or what is wrong with it. */
export interface PreviewLine {
  id: string;
  row: number;
  action: LibraryImportAction | 'error';
  level1: string;
  level2: string;
  level3: string;
  nature: LibraryImportResult['rows'][number]['entry']['nature'] | null;
  suggestedTarget: string;
  /** an update's changed fields, or the row's problems */
  notes: string[];
}

/** The preview's rows in the sheet's order: the entries with their action, the wrong rows with their problems. */
export function previewLines(result: Pick<LibraryImportResult, 'rows' | 'errors'>): PreviewLine[] {
  const lines: PreviewLine[] = result.rows.map((r) => ({
    id: `row-${r.row}`,
    row: r.row,
    action: r.action,
    level1: r.entry.level1,
    level2: r.entry.level2,
    level3: r.entry.level3,
    nature: r.entry.nature,
    suggestedTarget: r.entry.suggestedTarget,
    notes: r.changes.length
      ? [`修改：${r.changes.map((c) => (c === 'active' ? '恢复启用' : LIBRARY_FIELD_LABELS[c])).join('、')}`]
      : [],
  }));
  const byRow = new Map<number, LibrarySheetError[]>();
  for (const e of result.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [row, errors] of byRow) {
    lines.push({
      id: `error-${row}`,
      row,
      action: 'error',
      level1: '',
      level2: '',
      level3: '',
      nature: null,
      suggestedTarget: '',
      notes: errors.map((e) => (e.column ? `${e.column}：${e.message}` : e.message)),
    });
  }
  return lines.sort((a, b) => a.row - b.row);
}

const COLUMNS: TableColumnsType<PreviewLine> = [
  { title: '行号', dataIndex: 'row', width: 64, align: 'right' },
  {
    title: '结果',
    dataIndex: 'action',
    width: 84,
    render: (action: PreviewLine['action']) =>
      action === 'error' ? (
        <Tag color="red">有错误</Tag>
      ) : (
        <Tag color={ACTION_TAGS[action].color}>{ACTION_TAGS[action].label}</Tag>
      ),
  },
  {
    title: '指标',
    key: 'indicator',
    render: (_, line) =>
      line.action === 'error' ? '—' : <IndicatorCell entry={line} />,
  },
  {
    title: '性质',
    dataIndex: 'nature',
    width: 72,
    render: (nature: PreviewLine['nature']) => (nature ? <NatureTag nature={nature} /> : '—'),
  },
  { title: '建议指标值', dataIndex: 'suggestedTarget', width: 110, render: (v: string) => v || '—' },
  {
    title: '说明',
    dataIndex: 'notes',
    render: (notes: string[], line) =>
      notes.map((note) => (
        <Typography.Text
          key={note}
          type={line.action === 'error' ? 'danger' : 'secondary'}
          style={{ display: 'block' }}
        >
          {note}
        </Typography.Text>
      )),
  },
];

interface LibraryImportModalProps {
  api: ApiClient;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** After a successful import: the list should load again. */
  onImported: () => void;
}

/**
 * 导入: choose an .xlsx, see what each row would do (新增, 更新, 不变) and every row's problems, then
 * 确认导入 — possible only when the file has no error; the import is all or nothing.
 */
export function LibraryImportModal({ api, open, onClose, afterClose, onImported }: LibraryImportModalProps) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<LibraryImportResult>();
  const [checking, setChecking] = useState(false);
  const [applying, setApplying] = useState(false);
  const [failure, setFailure] = useState<string>();

  const choose = async (chosen: File) => {
    setFile(chosen);
    setPreview(undefined);
    setFailure(undefined);
    if (chosen.size > LIBRARY_FILE_MAX_BYTES) {
      setFailure(`文件过大：指标库文件不能超过 ${MAX_SIZE}`);
      return;
    }
    setChecking(true);
    try {
      setPreview(await importLibrary(api, chosen, 'preview'));
    } catch (e) {
      setFailure(messageOf(e, '无法检查该文件，请稍后重试'));
    } finally {
      setChecking(false);
    }
  };

  const apply = async () => {
    if (!file) return;
    setApplying(true);
    setFailure(undefined);
    try {
      const done = await importLibrary(api, file, 'apply');
      message.success(`已导入：新增 ${done.counts.create} 条，更新 ${done.counts.update} 条`);
      onImported();
      onClose();
    } catch (e) {
      // the library changed since the preview in a way the file no longer fits: show the rows again
      const errors =
        (e instanceof ApiError && (e.body.details as { errors?: LibrarySheetError[] })?.errors) || undefined;
      if (errors && preview) setPreview({ ...preview, errors });
      setFailure(messageOf(e, '导入失败，请稍后重试'));
    } finally {
      setApplying(false);
    }
  };

  const errors = preview?.errors.length ?? 0;
  const changes = preview ? preview.counts.create + preview.counts.update : 0;
  // why 确认导入 is off, if it is
  const blocked = !preview
    ? '请先选择文件'
    : errors
      ? '请先改正文件中的错误'
      : changes === 0
        ? '没有需要导入的变化'
        : undefined;

  return (
    <Modal
      open={open}
      title="导入指标库"
      width={880}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Tooltip title={blocked}>
            <Button type="primary" disabled={blocked !== undefined} loading={applying} onClick={() => void apply()}>
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
          disabled={checking || applying}
          beforeUpload={(chosen) => {
            void choose(chosen);
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
            .xlsx 格式，不超过 {MAX_SIZE}、{LIBRARY_IMPORT_MAX_ROWS} 行；表头为
            {LIBRARY_COLUMNS.map((c) => c.header).join('、')}（可先导出作为模板）
          </p>
        </Upload.Dragger>
        {checking && <Alert type="info" showIcon title="正在检查文件…" />}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {preview && (
          <>
            <Alert
              type={errors ? 'error' : 'success'}
              showIcon
              title={
                errors
                  ? `文件中有 ${errors} 处错误，请改正后重新选择文件；改正前不能导入`
                  : changes
                    ? '文件检查通过，确认后将一次全部导入'
                    : '文件检查通过，与指标库中的现有指标完全相同'
              }
              description={`新增 ${preview.counts.create} 条，更新 ${preview.counts.update} 条，不变 ${preview.counts.unchanged} 条`}
            />
            <Table<PreviewLine>
              rowKey="id"
              size="small"
              columns={COLUMNS}
              dataSource={previewLines(preview)}
              pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
              scroll={{ y: 360 }}
              onRow={(line) => (line.action === 'error' ? { style: { background: '#fff2f0' } } : {})}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
