import { useCallback, useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind } from '@evalflow/domain';
import { latestFromConflict } from '../../api/error-details';
import {
  getNotificationSettings,
  saveNotificationSettings,
  type NotificationSettings,
} from '../../api/notifications-api';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { FullPageSpin } from '../../components/full-page-spin';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useRemote } from '../../hooks/use-remote';
import { EMAIL_RULES, trimmed } from '../users/user-rules';

interface SettingsForm {
  email: string;
  /** the kinds to e-mail: the complement of what is stored (mailOptOut) */
  mailed: MailKind[];
}

const formOf = (s: NotificationSettings): SettingsForm => ({
  email: s.email ?? '',
  mailed: MAIL_KINDS.filter((kind) => !s.mailOptOut.includes(kind)),
});

/** 通知设置: where one's notification e-mail goes and which kinds to e-mail; the inbox always gets everything. */
export function NotificationSettingsPage() {
  const session = useSession();
  const load = useCallback((signal: AbortSignal) => getNotificationSettings(session, signal), [session]);
  const remote = useRemote(load);

  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  if (!remote.data) return <FullPageSpin description="正在读取通知设置…" />;
  return <SettingsCard settings={remote.data} onSaved={remote.setData} />;
}

function SettingsCard({
  settings,
  onSaved,
}: {
  settings: NotificationSettings;
  onSaved: (s: NotificationSettings) => void;
}) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const [conflict, setConflict] = useState(false);
  const recover = (error: unknown) => {
    const latest = latestFromConflict<NotificationSettings>(error);
    if (!latest) return false;
    onSaved(latest);
    form.setFieldsValue(formOf(latest));
    setConflict(true);
    return true;
  };
  const { saving, error, run } = useFormSubmit(form, {
    // a problem with the kinds cannot be pinned on the checkboxes: it shows above the form
    fields: ['email'],
    failure: '保存失败，请稍后重试',
    recover,
  });
  const email: string = Form.useWatch('email', form) ?? settings.email ?? '';

  const submit = (values: SettingsForm) =>
    run(async () => {
      const saved = await saveNotificationSettings(session, settings.version, {
        email: values.email.trim() || null,
        mailOptOut: MAIL_KINDS.filter((kind) => !values.mailed.includes(kind)),
      });
      setConflict(false);
      onSaved(saved);
      form.setFieldsValue(formOf(saved));
      message.success('通知设置已保存');
    });

  return (
    <>
      <PageHeader title="通知设置" description="站内消息总会送达；这里设置是否同时发送电子邮件。" />
      <Card style={{ maxWidth: 640 }}>
        <FormAlerts error={error} conflict={conflict} />
        <Form<SettingsForm>
          form={form}
          layout="vertical"
          initialValues={formOf(settings)}
          onFinish={submit}
          requiredMark={false}
        >
          <Form.Item
            label="电子邮箱"
            name="email"
            rules={EMAIL_RULES}
            normalize={trimmed}
            extra="留空则不发送邮件。县级管理员也可为您填写。"
          >
            <Input placeholder="如：wangfang@zhaoxian.gov.cn" maxLength={254} autoComplete="email" />
          </Form.Item>
          <Form.Item label="通过邮件接收" name="mailed" extra={email.trim() ? undefined : '填写电子邮箱后才会发送邮件'}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={8}>
                {MAIL_KINDS.map((kind) => (
                  <Checkbox key={kind} value={kind}>
                    {MAIL_KIND_LABELS[kind].label}
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                      {MAIL_KIND_LABELS[kind].description}
                    </Typography.Text>
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
