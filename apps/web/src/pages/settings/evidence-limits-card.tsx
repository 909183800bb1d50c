import { Alert, Button, Col, Card, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import type { EvidenceLimits } from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { FormAlerts } from '../../components/form-alerts';
import { useSettingsCard } from './use-settings-card';

type Values = Record<keyof EvidenceLimits, string>;

const LABELS: Record<keyof EvidenceLimits, string> = {
  maxFileMb: '单个文件上限',
  maxReportMb: '每份报告合计上限',
};
const FIELDS = Object.keys(LABELS) as Array<keyof EvidenceLimits>;

const valuesOf = (limits: EvidenceLimits): Values => ({
  maxFileMb: String(limits.maxFileMb),
  maxReportMb: String(limits.maxReportMb),
});

/** The limits as numbers, or what is wrong with them in Chinese (whole MB, 1 up to the platform's ceiling). */
export function checkEvidenceLimits(
  values: Values,
  ceilings: EvidenceLimits,
): { ok: true; limits: EvidenceLimits } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const limits = {} as EvidenceLimits;
  for (const field of FIELDS) {
    const text = (values[field] ?? '').trim();
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > ceilings[field]) {
      problems.push(`${LABELS[field]}应为 1–${ceilings[field]} 的整数（MB）`);
    }
    limits[field] = n;
  }
  if (problems.length === 0 && limits.maxFileMb > limits.maxReportMb) {
    problems.push(`${LABELS.maxFileMb}不能大于${LABELS.maxReportMb}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, limits };
}

/** 佐证材料上限: how large one uploaded file, and one report's files together, may be (the county administrator sets them). */
export function EvidenceLimitsCard({
  settings,
  onSaved,
}: {
  settings: SettingsView;
  onSaved: (s: SettingsView) => void;
}) {
  const { form, conflict, problems, saving, error, save } = useSettingsCard<Values>(settings, onSaved, (latest) =>
    valuesOf(latest.evidenceLimits),
  );
  const ceilings = settings.evidenceCeilings;

  const submit = (values: Values) => {
    const checked = checkEvidenceLimits(values, ceilings);
    if (!checked.ok) return save(checked.problems, {}, '');
    return save([], { evidenceLimits: checked.limits }, '已保存佐证材料上限');
  };

  return (
    <Card title="佐证材料上限" extra={settings.isDefault && <Tag>默认</Tag>}>
      <Typography.Paragraph type="secondary">
        各部门为绩效指标上传佐证材料时，单个文件和每份报告全部文件合计的大小上限（以 MB 计）。
        本平台允许的最高值为单个文件 {ceilings.maxFileMb} MB、每份报告 {ceilings.maxReportMb} MB。
      </Typography.Paragraph>
      <FormAlerts error={error} conflict={conflict} />
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" title={problems.join('；')} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(settings.evidenceLimits)}
        onFinish={submit}
        requiredMark={false}
      >
        <Row gutter={16}>
          {FIELDS.map((field) => (
            <Col key={field} xs={24} sm={12}>
              <Form.Item
                label={LABELS[field]}
                name={field}
                extra={`1–${ceilings[field]} MB`}
                rules={[{ required: true, whitespace: true, message: '请填写' }]}
              >
                <Input aria-label={LABELS[field]} suffix="MB" inputMode="numeric" />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={saving}>
            保存佐证材料上限
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
