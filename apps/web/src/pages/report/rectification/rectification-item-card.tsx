import { useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { messageOf, type ApiClient } from '../../../api/client';
import {
  answerRectification,
  decideRectification,
  evidenceFile,
  updateRectification,
  uploadEvidence,
  type Rectification,
} from '../../../api/spot-checks-api';
import { formatDateTime } from '../../../components/date-time';
import { saveBlob } from '../documents/save-blob';
import { actionLabel, EVIDENCE_MAX_BYTES, fileToBase64, STATUS_COLORS, statusLabel } from './rectification-labels';

export interface ItemCardProps {
  api: ApiClient;
  item: Rectification;
  side: 'finance' | 'department';
  onChange: (item: Rectification) => void;
  /** after a refusal (a stale version): load again */
  onStale: () => void;
}

/** One 整改事项: what, who, by when, its state (overdue in red), the answer and evidence, its history; the side's actions. */
export function RectificationItemCard({ api, item, side, onChange, onStale }: ItemCardProps) {
  const { message } = App.useApp();
  const [answering, setAnswering] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [evidenceText, setEvidenceText] = useState(item.evidenceText ?? '');
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ title: item.title, ownerName: item.ownerName, dueOn: item.dueOn });
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<Rectification>, done: string) => {
    setBusy(true);
    try {
      onChange(await work());
      message.success(done);
      return true;
    } catch (error) {
      message.error(messageOf(error));
      onStale();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) {
      message.error('佐证材料文件过大（不超过 2 MB）');
      return;
    }
    await run(async () => uploadEvidence(api, item.id, file.name, await fileToBase64(file)), '已上传佐证材料');
  };

  const download = async (evidenceId: string, fileName: string) => {
    try {
      saveBlob(await evidenceFile(api, item.id, evidenceId), fileName);
    } catch (error) {
      message.error(messageOf(error));
    }
  };

  const open = item.status !== 'closed';
  return (
    <Card
      size="small"
      data-testid={`rectification-${item.id}`}
      style={item.overdue ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Space wrap>
          <Tag color={STATUS_COLORS[item.status]}>{statusLabel(item.status)}</Tag>
          {item.overdue && <Tag color="red">已逾期</Tag>}
          <Typography.Text strong>{item.title}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {side === 'department' && open && (
            <>
              <Button size="small" type="primary" onClick={() => setAnswering(true)}>
                答复
              </Button>
              <input
                ref={fileInput}
                type="file"
                aria-label="上传佐证材料"
                accept="application/pdf,image/jpeg,image/png"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void upload(file);
                }}
              />
              <Button size="small" loading={busy} onClick={() => fileInput.current?.click()}>
                上传佐证
              </Button>
            </>
          )}
          {side === 'finance' && open && (
            <Button
              size="small"
              onClick={() => {
                setDraft({ title: item.title, ownerName: item.ownerName, dueOn: item.dueOn });
                setEditing(true);
              }}
            >
              修改
            </Button>
          )}
          {side === 'finance' && open && (
            <Button
              size="small"
              type="primary"
              loading={busy}
              onClick={() => void run(() => decideRectification(api, item, 'close'), '已办结')}
            >
              办结
            </Button>
          )}
          {side === 'finance' && item.status !== 'open' && (
            <Button size="small" danger onClick={() => setReopening(true)}>
              重新打开
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'owner', label: '责任人', children: item.ownerName },
          {
            key: 'due',
            label: '整改期限',
            children: <Typography.Text type={item.overdue ? 'danger' : undefined}>{item.dueOn}</Typography.Text>,
          },
          { key: 'answeredAt', label: '答复时间', children: item.answeredAt ? formatDateTime(item.answeredAt) : '—' },
          { key: 'answer', label: '整改情况', span: 3, children: item.answer ?? '尚未答复' },
          { key: 'evidenceText', label: '佐证说明', span: 3, children: item.evidenceText ?? '—' },
          {
            key: 'evidence',
            label: '佐证文件',
            span: 3,
            children: item.evidence.length ? (
              <Space wrap>
                {item.evidence.map((e) => (
                  <Button key={e.id} type="link" size="small" onClick={() => void download(e.id, e.fileName)}>
                    {e.fileName}
                  </Button>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">处理记录</Typography.Text>
      <Timeline
        style={{ marginTop: 8, marginBottom: 0 }}
        items={item.history.map((h, i) => ({
          key: i,
          children: (
            <span>
              {formatDateTime(h.occurredAt)} {h.actorName} {actionLabel(h.action)}
              {h.note ? `：${h.note}` : ''}
            </span>
          ),
        }))}
      />
      <Modal
        title="答复整改事项"
        open={answering}
        okText="提交答复"
        confirmLoading={busy}
        okButtonProps={{ disabled: !answer.trim() }}
        onCancel={() => setAnswering(false)}
        onOk={async () => {
          const ok = await run(
            () => answerRectification(api, item, { answer, evidenceText: evidenceText || undefined }),
            '已答复',
          );
          if (ok) setAnswering(false);
        }}
      >
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label="整改情况"
            placeholder="整改情况说明"
            rows={4}
            maxLength={4000}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <Input
            aria-label="佐证材料说明"
            placeholder="佐证材料说明（文件名、文号等）"
            maxLength={1000}
            value={evidenceText}
            onChange={(e) => setEvidenceText(e.target.value)}
          />
        </Flex>
      </Modal>
      <Modal
        title="修改整改事项"
        open={editing}
        okText="保存"
        confirmLoading={busy}
        okButtonProps={{ disabled: !draft.title.trim() || !draft.ownerName.trim() }}
        onCancel={() => setEditing(false)}
        onOk={async () => {
          const changes = {
            ...(draft.title !== item.title ? { title: draft.title } : {}),
            ...(draft.ownerName !== item.ownerName ? { ownerName: draft.ownerName } : {}),
            ...(draft.dueOn !== item.dueOn ? { dueOn: draft.dueOn } : {}),
          };
          const ok = await run(() => updateRectification(api, item, changes), '已保存');
          if (ok) setEditing(false);
        }}
      >
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label="修改整改事项"
            autoSize
            maxLength={1000}
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
          <Input
            aria-label="修改责任人"
            maxLength={100}
            value={draft.ownerName}
            onChange={(e) => setDraft({ ...draft, ownerName: e.target.value })}
          />
          <DatePicker
            aria-label="修改整改期限"
            allowClear={false}
            value={dayjs(draft.dueOn)}
            onChange={(d) => d && setDraft({ ...draft, dueOn: d.format('YYYY-MM-DD') })}
          />
        </Flex>
      </Modal>
      <Modal
        title="重新打开整改事项"
        open={reopening}
        okText="重新打开"
        confirmLoading={busy}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onCancel={() => setReopening(false)}
        onOk={async () => {
          const ok = await run(() => decideRectification(api, item, 'reopen', reason), '已重新打开');
          if (ok) {
            setReopening(false);
            setReason('');
          }
        }}
      >
        <Input.TextArea
          aria-label="重新打开的原因"
          placeholder="请写明原因"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
