import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Typography, theme } from 'antd';
import {
  checkPasswordPolicy,
  describePasswordProblems,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
} from '@evalflow/domain';

/** `reuse` is not listed: only the change-password form knows the current password, and checks it itself. */
type Rule = Exclude<PasswordProblem['rule'], 'reuse'>;

/** The rules of the shared policy, worded as goals; whether each is met comes from checkPasswordPolicy. */
const RULE_LABELS: Record<Rule, string> = {
  length: `长度 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符`,
  classes: '至少包含大写字母、小写字母、数字、符号中的三类',
  username: '不包含用户名',
  common: '不是常见的弱密码',
};
const RULE_ORDER: Rule[] = ['length', 'classes', 'username', 'common'];

/** Live feedback while a new password is typed, so the user knows before submitting. */
export function PasswordChecklist({ password, username }: { password: string; username?: string }) {
  const { token } = theme.useToken();
  const failed = new Set(checkPasswordPolicy(password, { username }).map((p) => p.rule));
  const pristine = password.length === 0;
  return (
    <ul aria-label="密码要求" style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
      {RULE_ORDER.map((rule) => {
        const met = !failed.has(rule) && !pristine;
        const color = met ? token.colorSuccess : pristine ? token.colorTextTertiary : token.colorError;
        return (
          <li key={rule} aria-label={`${RULE_LABELS[rule]}：${met ? '已满足' : '未满足'}`} data-rule={rule}>
            <Typography.Text style={{ color, fontSize: 12 }}>
              {met ? <CheckCircleFilled /> : <CloseCircleFilled />} {RULE_LABELS[rule]}
            </Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}

/** A Form rule that refuses what the server would refuse, in the server's words. */
export function passwordPolicyRule(username: () => string | undefined) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const problems = checkPasswordPolicy(value, { username: username() });
      if (problems.length) throw new Error(describePasswordProblems(problems));
    },
  };
}
