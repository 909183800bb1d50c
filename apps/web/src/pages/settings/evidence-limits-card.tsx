import { Button, Col, Card, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import { checkEvidenceLimits, EVIDENCE_LIMIT_LABELS, type EvidenceLimits } from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { FormAlerts } from '../../components/form-alerts';
import { useSettingsCard } from './use-settings-card';

type Values = Record<keyof EvidenceLimits, string>;

const FIELDS = Object.keys(EVIDENCE_LIMIT_LABELS) as Array<keyof EvidenceLimits>;

const valuesOf = (limits: EvidenceLimits): Values => ({
  maxFileMb: String(limits.maxFileMb),
  maxReportMb: String(limits.maxReportMb),
});

/** What was typed, as numbers where it is a whole number (anything else stays text, which the check refuses). */
const limitsOf = (values: Values): Record<keyof EvidenceLimits, unknown> => ({
  maxFileMb: wholeOrText(values.maxFileMb),
  maxReportMb: wholeOrText(values.maxReportMb),
});
const wholeOrText = (text = '') => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

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
    // the API's own check: the same messages before anything is sent
    const limits = limitsOf(values);
    const problems = checkEvidenceLimits(limits, ceilings).map((p) => p.message);
    return save(problems, problems.length ? {} : { evidenceLimits: limits as EvidenceLimits }, '已保存佐证材料上限');
  };

  return (
    <Card title="佐证材料上限" extra={settings.isDefault && <Tag>默认</Tag>}>
      <Typography.Paragraph type="secondary">
        各部门为绩效指标上传佐证材料时，单个文件和每份报告全部文件合计的大小上限（以 MB 计）。
        本平台允许的最高值为单个文件 {ceilings.maxFileMb} MB、每份报告 {ceilings.maxReportMb} MB。
      </Typography.Paragraph>
      <FormAlerts error={error} conflict={conflict} problems={problems} />
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
                label={EVIDENCE_LIMIT_LABELS[field]}
                name={field}
                extra={`1–${ceilings[field]} MB`}
                rules={[{ required: true, whitespace: true, message: '请填写' }]}
              >
                <Input aria-label={EVIDENCE_LIMIT_LABELS[field]} suffix="MB" inputMode="numeric" />
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
