import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import {
  MAX_REASON_LENGTH,
  REPORT_STATUS_LABELS,
  transitionReasonLabel,
  TRANSITIONS,
  type ReportKind,
} from '@evalflow/domain';
import type { OpenComment } from '../../../api/report-types';
import { OpenCommentList } from './open-comment-list';

/** The moves that say why (withdraw, return, reopen), and the approval with its optional 审批意见. */
export type ReasonedAction = 'withdraw' | 'return' | 'reopen' | 'approve';

interface ReasonModalProps {
  action: ReasonedAction;
  /** The report's kind, which names the parts the open comments point at. */
  kind: ReportKind;
  open: boolean;
  /** The open threads: they go to the department with a return, and are closed by an approval. */
  openComments: OpenComment[];
  /** Sends the move; true when done (the modal closes), false when it failed (it stays open). */
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
  afterClose?: () => void;
}

const HINTS: Record<ReasonedAction, string> = {
  withdraw: `撤回后报告回到「${REPORT_STATUS_LABELS.draft}」，可修改后重新提交；撤回的原因记入流程记录。财政局开始审核后就不能再撤回了。`,
  approve:
    '审核通过后报告不能再修改（如需修改，须由财政局领导重新打开），意见随之关闭。审批意见可不填；填写的意见记入流程记录，并印在审核通过的正式文档上。',
  return: `退回后报告变为「${REPORT_STATUS_LABELS.returned}」，部门修改后可重新提交。`,
  reopen: `重新打开后报告由「${REPORT_STATUS_LABELS.approved}」变为「${REPORT_STATUS_LABELS.returned}」，部门可再次修改并提交。`,
};

const PLACEHOLDERS: Record<ReasonedAction, string> = {
  withdraw: '说明为何撤回，如发现需要修改的内容',
  approve: '如：同意。请按整改措施于年底前完成佐证材料归档。',
  return: '说明需要部门修改的内容',
  reopen: '说明为何需要重新打开已通过的报告',
};

/**
 * Asks for the reason a withdrawal, return or reopening requires, or the optional 审批意见 of an approval; a
 * return lists the open comments that go with it, an approval those it closes.
 */
export function ReasonModal({ action, kind, open, openComments, onSubmit, onClose, afterClose }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [sending, setSending] = useState(false);
  const label = TRANSITIONS[action].label;
  const required = TRANSITIONS[action].needsReason;
  const field = transitionReasonLabel(action);

  const submit = async () => {
    let reason: string;
    try {
      reason = ((await form.validateFields()).reason ?? '').trim();
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
      okButtonProps={{ danger: action !== 'approve', loading: sending }}
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
          label={required ? field : `${field}（可不填）`}
          name="reason"
          rules={[
            { required, whitespace: required, message: `请填写${label}的原因` },
            { max: MAX_REASON_LENGTH, message: `${field}不能超过 ${MAX_REASON_LENGTH} 个字符` },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={MAX_REASON_LENGTH}
            showCount
            placeholder={PLACEHOLDERS[action]}
          />
        </Form.Item>
      </Form>
      {action === 'approve' && (
        <OpenCommentList
          kind={kind}
          comments={openComments}
          label="审核通过时仍未解决的意见"
          title={`以下 ${openComments.length} 条意见仍未解决，审核通过后将一并关闭：`}
        />
      )}
      {action === 'return' &&
        (openComments.length > 0 ? (
          <OpenCommentList
            kind={kind}
            comments={openComments}
            label="随退回发出的意见"
            title={`以下 ${openComments.length} 条未解决的意见将随退回一并发给部门：`}
          />
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
