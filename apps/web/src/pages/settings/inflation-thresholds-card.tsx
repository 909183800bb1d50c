import { Button, Card, Col, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import {
  INFLATION_THRESHOLD_LABELS,
  INFLATION_RULE_TITLES,
  validateInflationThresholds,
  type InflationThresholds,
} from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { FormAlerts } from '../../components/form-alerts';
import { useSettingsCard } from './use-settings-card';

type Field = keyof typeof INFLATION_THRESHOLD_LABELS;
/** Every threshold as typed: text, turned into numbers (counts) or decimal strings on saving. */
type Values = Record<string, string>;

const COUNTS: ReadonlySet<Field> = new Set([
  'allComplete.minIndicators',
  'copiedFullMarks.yellowCount',
  'copiedFullMarks.redCount',
  'fullMarksWithoutFiles.yellowCount',
  'fullMarksWithoutFiles.redCount',
]);
const UNITS: Record<Field, string> = {
  'allComplete.minIndicators': '项',
  'allComplete.yellowShare': '%',
  'allComplete.redShare': '%',
  'highScoreLowRate.minScore': '分',
  'highScoreLowRate.yellowRateBelow': '%',
  'highScoreLowRate.redRateBelow': '%',
  'scoreUpRateDown.minScoreRise': '分',
  'scoreUpRateDown.yellowRateFall': '个百分点',
  'scoreUpRateDown.redRateFall': '个百分点',
  'copiedFullMarks.yellowCount': '项',
  'copiedFullMarks.redCount': '项',
  'fullMarksWithoutFiles.yellowCount': '项',
  'fullMarksWithoutFiles.redCount': '项',
  'selfAboveReScore.yellowGap': '分',
  'selfAboveReScore.redGap': '分',
};
const GROUPS = [
  { key: 'allComplete', rule: 'all-complete-little-evidence' },
  { key: 'highScoreLowRate', rule: 'high-score-low-execution' },
  { key: 'scoreUpRateDown', rule: 'score-up-execution-down' },
  { key: 'copiedFullMarks', rule: 'copied-full-marks' },
  { key: 'fullMarksWithoutFiles', rule: 'full-marks-without-files' },
  { key: 'selfAboveReScore', rule: 'self-above-rescore' },
] as const;
const FIELDS = Object.keys(INFLATION_THRESHOLD_LABELS) as Field[];
/** Form field names cannot hold dots (they would nest): a.b is a__b. */
const nameOf = (field: Field) => field.replace('.', '__');

function valuesOf(t: InflationThresholds): Values {
  const values: Values = {};
  for (const field of FIELDS) {
    const [group, key] = field.split('.') as [keyof InflationThresholds, string];
    values[nameOf(field)] = String((t[group] as Record<string, string | number>)[key]);
  }
  return values;
}

function thresholdsOf(values: Values): Record<string, Record<string, string | number>> {
  const result: Record<string, Record<string, string | number>> = {};
  for (const field of FIELDS) {
    const [group, key] = field.split('.');
    const text = (values[nameOf(field)] ?? '').trim();
    result[group] = { ...result[group], [key]: COUNTS.has(field) && /^\d+$/.test(text) ? Number(text) : text };
  }
  return result;
}

/** 虚高预警阈值: when 县级概览 lights a department yellow or red (the county administrator sets them). */
export function InflationThresholdsCard({
  settings,
  onSaved,
}: {
  settings: SettingsView;
  onSaved: (s: SettingsView) => void;
}) {
  const { form, conflict, problems, saving, error, save } = useSettingsCard<Values>(settings, onSaved, (latest) =>
    valuesOf(latest.inflationThresholds),
  );

  const submit = (values: Values) => {
    const checked = validateInflationThresholds(thresholdsOf(values));
    if (!checked.ok)
      return save(
        checked.problems.map((p) => p.message),
        {},
        '',
      );
    return save([], { inflationThresholds: checked.thresholds }, '已保存虚高预警阈值');
  };

  return (
    <Card title="虚高预警阈值" extra={settings.isDefault && <Tag>默认</Tag>}>
      <Typography.Paragraph type="secondary">
        县级概览按这些阈值为各部门亮红、黄、绿灯：有红色提示为红灯，有黄色提示为黄灯，否则为绿灯。
      </Typography.Paragraph>
      <FormAlerts error={error} conflict={conflict} problems={problems} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(settings.inflationThresholds)}
        onFinish={submit}
        requiredMark={false}
      >
        {GROUPS.map((g) => (
          <div key={g.key}>
            <Typography.Text strong>{INFLATION_RULE_TITLES[g.rule]}</Typography.Text>
            <Row gutter={16} style={{ marginTop: 8 }}>
              {FIELDS.filter((f) => f.startsWith(`${g.key}.`)).map((field) => (
                <Col key={field} xs={24} sm={8}>
                  <Form.Item
                    label={INFLATION_THRESHOLD_LABELS[field]}
                    name={nameOf(field)}
                    rules={[{ required: true, whitespace: true, message: '请填写' }]}
                  >
                    <Input aria-label={INFLATION_THRESHOLD_LABELS[field]} suffix={UNITS[field]} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={saving}>
            保存预警阈值
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
