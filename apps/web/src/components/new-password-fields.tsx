import { Form, Input, type FormRule } from 'antd';
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
}

/** A new password, its live policy checklist, and a confirmation that must match. */
export function NewPasswordFields({
  name = 'password',
  label = '初始密码',
  username,
  dependencies = [],
  extraRules = [],
}: NewPasswordFieldsProps) {
  const password: string = Form.useWatch(name) ?? '';
  const confirmName = `${name}Confirm`;
  return (
    <>
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
