import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, type ApiKeyScope } from '@evalflow/domain';
import { createApiKey, type CreatedApiKey } from '../../api/api-keys-api';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface ApiKeyValues {
  name: string;
  scopes: ApiKeyScope[];
  /** YYYY-MM-DD, the last day the key works (China Standard Time) */
  expiresOn?: string;
}

const FIELDS = ['name', 'scopes', 'expiresAt'] as const;

/**
 * Creates an API key, then shows it once with a copy button: the API keeps only its digest, so
 * what is not copied now is lost (revoke it and create another).
 */
export function ApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const session = useSession();
  const [form] = Form.useForm<ApiKeyValues>();
  const [created, setCreated] = useState<CreatedApiKey>();
  const { saving, error, run } = useFormSubmit(form, {
    fields: FIELDS,
    fieldOfCode: {},
    failure: '创建失败，请稍后重试',
  });

  const submit = (values: ApiKeyValues) =>
    run(async () => {
      const key = await createApiKey(session, {
        name: values.name.trim(),
        scopes: values.scopes,
        ...(values.expiresOn && { expiresAt: new Date(`${values.expiresOn}T23:59:59+08:00`).toISOString() }),
      });
      form.resetFields();
      setCreated(key);
      onCreated(key);
    });

  return (
    <Card title="创建 API 密钥">
      {created && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setCreated(undefined)}
          style={{ marginBottom: 16 }}
          title={`「${created.name}」的密钥已创建，请立即复制并妥善保存`}
          description={
            <>
              <Typography.Paragraph>
                密钥只显示这一次，关闭后无法再次查看；系统只保存其摘要，遗失只能撤销后重新创建。请勿通过聊天工具或邮件明文发送。
              </Typography.Paragraph>
              <Typography.Text
                code
                copyable={{ text: created.key, tooltips: ['复制', '已复制'] }}
                data-testid="new-api-key"
              >
                {created.key}
              </Typography.Text>
            </>
          }
        />
      )}
      <FormAlerts error={error} />
      <Form<ApiKeyValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ scopes: ['reports:read'] }}
        style={{ maxWidth: 520 }}
      >
        <Form.Item
          label="名称"
          name="name"
          extra="用于哪个系统，如「预算管理一体化系统」"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input maxLength={100} aria-label="名称" />
        </Form.Item>
        <Form.Item
          label="权限范围（只读）"
          name="scopes"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一项权限范围' }]}
        >
          <Checkbox.Group options={API_KEY_SCOPES.map((s) => ({ value: s, label: API_KEY_SCOPE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="到期日期" name="expiresOn" extra="可不填：不到期，直至撤销">
          <Input type="date" aria-label="到期日期" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          创建密钥
        </Button>
      </Form>
    </Card>
  );
}
