import { Card, Flex, Switch, Typography } from 'antd';
import { updateSettings } from '../../api/settings-api';
import type { SettingsView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { useConfirmedUpdate } from '../../hooks/use-confirmed-update';

/** The county's rule that a department head signs off a report before an editor may submit it. */
export function SignOffCard({ settings, onSaved }: { settings: SettingsView; onSaved: (s: SettingsView) => void }) {
  const session = useSession();
  const confirmUpdate = useConfirmedUpdate();
  const on = settings.requireHeadSignOff;
  const toggle = () =>
    confirmUpdate({
      title: on ? '不再要求部门负责人签核？' : '要求提交前须经部门负责人签核？',
      content: on
        ? '关闭后，编制人可直接提交报告，无需部门负责人签核。'
        : '开启后，编制人只能提交部门负责人已签核的内容；签核后内容再有修改，需要重新签核。',
      okText: on ? '关闭' : '开启',
      danger: false,
      send: () => updateSettings(session, settings.version, { requireHeadSignOff: !on }),
      success: on ? '已关闭：提交前无需签核' : '已开启：提交前须经部门负责人签核',
      onSaved,
    });
  return (
    <Card title="提交流程">
      <Flex align="center" gap={12}>
        <Switch checked={on} onChange={toggle} aria-label="提交前须经部门负责人签核" />
        <div>
          <Typography.Text strong>提交前须经部门负责人签核</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            开启后，编制人提交报告前，须由部门负责人签核报告的当前内容。
          </Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
}
