import { useState } from 'react';
import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography, type FormRule } from 'antd';
import { generatePassword } from './generated-password';
import { PasswordChecklist, passwordPolicyRule } from './password-checklist';

interface NewPasswordFieldsProps {
  /** Form field of the password; its confirmation is `${name}Confirm`. */
  name?: string;
  label?: string;
  /** The account's username: the policy forbids passwords containing it. */
  username?: string;
  /** Other fields whose change should re-check the password (the username field of a new account). */
  dependencies?: string[];
  /** Checks beyond the shared policy (say, differing from the current password). */
  extraRules?: FormRule[];
  /**
   * An administrator sets this password for someone else: offer a generated strong one, shown once to pass on,
   * and say that its user must change it at first sign-in.
   */
  setForSomeoneElse?: boolean;
}

/** A new password, its live policy checklist, and a confirmation that must match. */
export function NewPasswordFields({
  name = 'password',
  label = '初始密码',
  username,
  dependencies = [],
  extraRules = [],
  setForSomeoneElse = false,
}: NewPasswordFieldsProps) {
  const form = Form.useFormInstance();
  const password: string = Form.useWatch(name) ?? '';
  const confirmName = `${name}Confirm`;
  const [generated, setGenerated] = useState<string>();
  const generate = () => {
    const next = generatePassword();
    setGenerated(next);
    form.setFieldsValue({ [name]: next, [confirmName]: next });
    void form.validateFields([name, confirmName]);
  };
  return (
    <>
      {setForSomeoneElse && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="该用户首次使用此密码登录后，须先修改为只有本人知道的密码。"
          action={
            <Button size="small" icon={<KeyOutlined />} onClick={generate}>
              生成强密码
            </Button>
          }
          description={
            generated !== undefined &&
            password === generated && (
              <span>
                已生成并填入：
                <Typography.Text code copyable={{ text: generated, tooltips: ['复制', '已复制'] }}>
                  <span data-generated-password>{generated}</span>
                </Typography.Text>
                请复制后告知该用户。
              </span>
            )
          }
        />
      )}
      <Form.Item
        label={label}
        name={name}
        dependencies={dependencies}
        rules={[{ required: true, message: `请输入${label}` }, passwordPolicyRule(() => username), ...extraRules]}
        extra={<PasswordChecklist password={password} username={username} />}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name={confirmName}
        dependencies={[name]}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue(name)) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
