/**
 * The password policy, shared by the API and the web form so both say the same thing:
 * 10–128 characters, at least three of four character classes (as 等保 2.0 reviews expect),
 * not containing the username, and not one of the passwords attackers try first.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set(
  [
    '123456',
    '123456789',
    '12345678',
    'password',
    'qwerty',
    '1234567890',
    '1234567',
    '111111',
    '123123',
    'abc123',
    'password1',
    'qwerty123',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'qwertyuiop',
    'a123456',
    'a12345678',
    'aa123456',
    'woaini1314',
    'woaini520',
    '5201314',
    '1314520',
    'iloveyou',
    'admin',
    'admin123',
    'admin@123',
    'Admin@123',
    'Admin@1234',
    'P@ssw0rd',
    'P@ssword1',
    'Passw0rd!',
    'Password1!',
    'Password@123',
    'Aa123456',
    'Aa123456!',
    'Aa@123456',
    'Abc@123456',
    'Abcd@1234',
    'Qwer@1234',
    'Qwer1234!',
    'Zxcv@1234',
    'Asdf@1234',
    'Root@123',
    'Huawei@123',
    'Test@123',
    'Welcome1',
    'Welcome@123',
    'Changeme1!',
    'Sys@1234',
    'Gov@12345',
    'Zx@123456',
    'Abc123456!',
    'evalflow-demo',
    'Evalflow@123',
    'evalflow123',
    '88888888',
    '66666666',
    '00000000',
    '147258369',
    '987654321',
  ].map((p) => p.toLowerCase()),
);

export interface PasswordProblem {
  rule: 'length' | 'classes' | 'username' | 'common' | 'reuse';
  message: string;
}

function classesOf(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/\d/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

export function checkPasswordPolicy(
  password: string,
  context: { username?: string; currentPassword?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    problems.push({ rule: 'length', message: `长度应为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符` });
  }
  if (classesOf(password) < 3) {
    problems.push({ rule: 'classes', message: '应至少包含大写字母、小写字母、数字、符号中的三类' });
  }
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) {
    problems.push({ rule: 'username', message: '不能包含用户名' });
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    problems.push({ rule: 'common', message: '过于常见，容易被猜中' });
  }
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    problems.push({ rule: 'reuse', message: '不能与当前密码相同' });
  }
  return problems;
}

export function describePasswordProblems(problems: PasswordProblem[]): string {
  return `密码不符合要求：${problems.map((p) => p.message).join('；')}`;
}
