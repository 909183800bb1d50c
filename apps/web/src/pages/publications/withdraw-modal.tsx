import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import type { PublicationView } from '../../api/publications-api';

interface WithdrawModalProps {
  publication: PublicationView | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** true when withdrawn (the dialog closes), false to keep it open */
  onSubmit: (reason: string) => Promise<boolean>;
}

/** 撤销公开: asks for the reason, which the register keeps. */
export function WithdrawModal({ publication, open, onClose, afterClose, onSubmit }: WithdrawModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      if (await onSubmit(reason.trim())) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="撤销公开"
      open={open}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        afterClose();
      }}
      onOk={() => void submit().catch(() => undefined)}
      okText="撤销公开"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      destroyOnHidden
    >
      {publication && (
        <Typography.Paragraph>
          撤销后，{publication.reportName}将立即从公开页面移除，公众不能再下载其公开版。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[
            { required: true, whitespace: true, message: '请填写撤销公开的原因' },
            { max: 500, message: '撤销原因不能超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：数据有误，更正后重新公开" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
