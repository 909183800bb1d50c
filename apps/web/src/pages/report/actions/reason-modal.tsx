import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { MAX_REASON_LENGTH, REPORT_STATUS_LABELS, TRANSITIONS, type ReportKind } from '@evalflow/domain';
import type { OpenComment } from '../../../api/report-types';
import { anchorLabel } from '../comments/thread-anchor';

/** The moves that must say why. */
export type ReasonedAction = 'return' | 'reopen';

interface ReasonModalProps {
  action: ReasonedAction;
  /** The report's kind, which names the parts the open comments point at. */
  kind: ReportKind;
  open: boolean;
  /** The open threads that go to the department with a return. */
  openComments: OpenComment[];
  /** Sends the move; true when done (the modal closes), false when it failed (it stays open). */
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
  afterClose?: () => void;
}

const HINTS: Record<ReasonedAction, string> = {
  return: `退回后报告变为「${REPORT_STATUS_LABELS.returned}」，部门修改后可重新提交。`,
  reopen: `重新打开后报告由「${REPORT_STATUS_LABELS.approved}」变为「${REPORT_STATUS_LABELS.returned}」，部门可再次修改并提交。`,
};

/** Asks for the reason a return or a reopen requires; a return lists the open comments that go with it. */
export function ReasonModal({ action, kind, open, openComments, onSubmit, onClose, afterClose }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [sending, setSending] = useState(false);
  const label = TRANSITIONS[action].label;

  const submit = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setSending(true);
    try {
      if (await onSubmit(reason)) onClose();
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={label}
      okText={label}
      okButtonProps={{ danger: true, loading: sending }}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        afterClose?.();
      }}
      mask={{ closable: false }}
      width={600}
    >
      <Typography.Paragraph type="secondary">{HINTS[action]}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          label={`${label}原因`}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: `请填写${label}的原因` },
            { max: MAX_REASON_LENGTH, message: `原因不能超过 ${MAX_REASON_LENGTH} 个字符` },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={MAX_REASON_LENGTH}
            showCount
            placeholder={action === 'return' ? '说明需要部门修改的内容' : '说明为何需要重新打开已通过的报告'}
          />
        </Form.Item>
      </Form>
      {action === 'return' &&
        (openComments.length > 0 ? (
          <div aria-label="随退回发出的意见">
            <Typography.Text strong>以下 {openComments.length} 条未解决的意见将随退回一并发给部门：</Typography.Text>
            <ol style={{ paddingInlineStart: 20, margin: '8px 0 0', maxHeight: 240, overflowY: 'auto' }}>
              {openComments.map((c) => (
                <li key={c.id} style={{ marginBottom: 6 }}>
                  <Typography.Text type="secondary">{anchorLabel(kind, c, true)}：</Typography.Text>
                  {c.body}
                </li>
              ))}
            </ol>
          </div>
        ) : (
          <Alert
            type="info"
            showIcon
            title="没有未解决的意见"
            description="如需逐条指出问题，可先在报告各部分添加意见，再退回。"
          />
        ))}
    </Modal>
  );
}
