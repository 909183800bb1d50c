import { Card, Flex, Switch, Typography } from 'antd';
import type { FourEyesSettings } from '@evalflow/domain';
import { updateSettings } from '../../api/settings-api';
import type { SettingsView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { useConfirmedUpdate } from '../../hooks/use-confirmed-update';

interface Rule {
  key: keyof FourEyesSettings;
  label: string;
  help: string;
  /** said when turning the rule off, then on */
  off: string;
  on: string;
}

const RULES: Rule[] = [
  {
    key: 'reviewerMayNotApprove',
    label: '审核人不能审批通过',
    help: '开始审核本次提交的人，不能再对同一份报告审批通过，须由另一位审批人审批。',
    off: '关闭后，同一人可以既审核又审批通过同一份报告。',
    on: '开启后，开始审核的人不能再审批通过同一份报告。',
  },
  {
    key: 'authorMayNotReview',
    label: '填报人不能审核自己的报告',
    help: '填报或提交报告的人，即使同时拥有财政局的角色，也不能审核、退回或审批该报告。',
    off: '关闭后，同时拥有财政局角色的填报人可以审核自己的报告。',
    on: '开启后，填报人或提交人不能审核、退回或审批自己的报告。',
  },
];

/** 四眼原则: the county's two separation-of-duties rules, each a switch (both on by default). */
export function FourEyesCard({ settings, onSaved }: { settings: SettingsView; onSaved: (s: SettingsView) => void }) {
  const session = useSession();
  const confirmUpdate = useConfirmedUpdate();
  const toggle = (rule: Rule) => {
    const on = settings.fourEyes[rule.key];
    confirmUpdate({
      title: on ? `不再要求「${rule.label}」？` : `要求「${rule.label}」？`,
      content: on ? rule.off : rule.on,
      okText: on ? '关闭' : '开启',
      danger: on,
      send: () => updateSettings(session, settings.version, { fourEyes: { [rule.key]: !on } }),
      success: on ? `已关闭：${rule.label}` : `已开启：${rule.label}`,
      onSaved,
    });
  };
  return (
    <Card title="审核分工（四眼原则）">
      <Flex vertical gap={12}>
        {RULES.map((rule) => (
          <Flex key={rule.key} align="center" gap={12}>
            <Switch checked={settings.fourEyes[rule.key]} onChange={() => toggle(rule)} aria-label={rule.label} />
            <div>
              <Typography.Text strong>{rule.label}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {rule.help}
              </Typography.Paragraph>
            </div>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
