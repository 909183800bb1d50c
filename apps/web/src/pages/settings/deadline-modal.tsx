import { useState } from 'react';
import { App, DatePicker, Form, InputNumber, Modal } from 'antd';
import { chinaDate, deadlineConfirmationReason } from '@evalflow/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { latestFromConflict } from '../../api/error-details';
import { putDeadline } from '../../api/settings-api';
import type { DeadlineView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface DeadlineValues {
  fiscalYear: number;
  dueOn: Dayjs;
}

interface DeadlineModalProps {
  /** The year being changed; absent to set a new year's. */
  deadline?: DeadlineView;
  /** Every year's deadline as loaded: a year that has one already is changed, not created. */
  existing: DeadlineView[];
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onSaved: (deadline: DeadlineView) => void;
}

/** Sets the 填报截止日期 of one fiscal year (PUT with the year's version, 0 for a new one). */
export function DeadlineModal({ deadline, existing, open, onClose, afterClose, onSaved }: DeadlineModalProps) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DeadlineValues>();
  const [conflict, setConflict] = useState(false);
  const recover = (error: unknown) => {
    const latest = latestFromConflict<DeadlineView>(error);
    if (!latest) return false;
    onSaved(latest);
    form.setFieldsValue({ dueOn: dayjs(latest.dueOn) });
    setConflict(true);
    return true;
  };
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['fiscalYear', 'dueOn'],
    fieldOfCode: { DEADLINE_INVALID: 'dueOn', DEADLINE_NEEDS_CONFIRMATION: 'dueOn' },
    failure: '保存失败，请稍后重试',
    recover,
  });
  const thisYear = new Date().getFullYear();

  /** A past or too-near day is a mistake more often than a choice: the administrator says it is meant. */
  const confirmed = (reason: string) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: '确认设置这个截止日期？',
        content: reason,
        okText: '确认设置',
        cancelText: '重新选择',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );

  const submit = async (values: DeadlineValues) => {
    const dueOn = values.dueOn.format('YYYY-MM-DD');
    const reason = deadlineConfirmationReason(dueOn, chinaDate(new Date()));
    if (reason && !(await confirmed(reason))) return;
    await run(async () => {
      const current = existing.find((d) => d.fiscalYear === values.fiscalYear);
      const saved = await putDeadline(session, values.fiscalYear, current?.version ?? 0, dueOn, reason !== null);
      message.success(`已设置 ${saved.fiscalYear} 年度的填报截止日期`);
      onSaved(saved);
      onClose();
    });
  };

  return (
    <Modal
      open={open}
      title={deadline ? `修改 ${deadline.fiscalYear} 年度的填报截止日期` : '设置填报截止日期'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
    >
      <FormAlerts error={error} conflict={conflict} />
      <Form<DeadlineValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={
          deadline ? { fiscalYear: deadline.fiscalYear, dueOn: dayjs(deadline.dueOn) } : { fiscalYear: thisYear - 1 }
        }
      >
        <Form.Item
          label="年度"
          name="fiscalYear"
          extra="被评价的预算年度，如 2024 年度的自评在 2025 年填报"
          rules={[{ required: true, message: '请填写年度' }]}
        >
          <InputNumber min={2000} max={2100} precision={0} disabled={deadline !== undefined} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="填报截止日期" name="dueOn" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
