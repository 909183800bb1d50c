import type { FormRule } from 'antd';

/** The API's username rule (3–64 lowercase letters, digits, . _ -, starting with a letter or digit). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const USERNAME_RULES: FormRule[] = [
  { required: true, message: '请填写用户名' },
  {
    pattern: USERNAME_PATTERN,
    message: '应为 3–64 位小写字母、数字、点、横线或下划线，并以字母或数字开头',
  },
];

export const DISPLAY_NAME_RULES: FormRule[] = [
  { required: true, whitespace: true, message: '请填写姓名' },
  { max: 50, message: '姓名不能超过 50 个字符' },
];

/** An address has no spaces: those typed or pasted around it are dropped as they come. */
export const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** Optional; the API's check is the same (an address of at most 254 characters). */
export const EMAIL_RULES: FormRule[] = [
  { type: 'email', message: '电子邮箱格式不正确' },
  { max: 254, message: '电子邮箱不能超过 254 个字符' },
];
