import { Button, Card, Flex, Form, Input, Table, Tag } from 'antd';
import {
  checkGradeBands,
  DEFAULT_GRADE_BANDS,
  GRADE_KEYS,
  SCORE_PATTERN,
  type GradeBand,
  type GradeKey,
} from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { FormAlerts } from '../../components/form-alerts';
import { useSettingsCard } from './use-settings-card';

type BandValues = Record<GradeKey, { label: string; min: string }>;

const DEFAULT_LABELS = Object.fromEntries(DEFAULT_GRADE_BANDS.map((b) => [b.grade, b.label])) as Record<
  GradeKey,
  string
>;

function valuesOf(bands: GradeBand[]): BandValues {
  const values = {} as BandValues;
  for (const grade of GRADE_KEYS) {
    const band = bands.find((b) => b.grade === grade);
    values[grade] = { label: band?.label ?? DEFAULT_LABELS[grade], min: band?.min ?? '' };
  }
  return values;
}

/** 评价等级划分: each grade's name and inclusive lower bound (财预〔2020〕10号 by default). */
export function GradeBandsCard({ settings, onSaved }: { settings: SettingsView; onSaved: (s: SettingsView) => void }) {
  const { form, conflict, problems, saving, error, save } = useSettingsCard<BandValues>(settings, onSaved, (latest) =>
    valuesOf(latest.gradeBands),
  );

  const submit = (values: BandValues) => {
    const bands: GradeBand[] = GRADE_KEYS.map((grade) => ({
      grade,
      label: values[grade].label.trim(),
      min: values[grade].min.trim(),
    }));
    return save(checkGradeBands(bands), { gradeBands: bands }, '已保存评价等级划分');
  };

  return (
    <Card title="评价等级划分" extra={settings.isDefault && <Tag>默认（财预〔2020〕10号）</Tag>}>
      <FormAlerts error={error} conflict={conflict} problems={problems} />
      <Form<BandValues>
        form={form}
        initialValues={valuesOf(settings.gradeBands)}
        onFinish={submit}
        requiredMark={false}
      >
        <Table
          size="small"
          pagination={false}
          rowKey="grade"
          dataSource={GRADE_KEYS.map((grade) => ({ grade }))}
          columns={[
            { title: '等级', dataIndex: 'grade', width: 80, render: (g: GradeKey) => DEFAULT_LABELS[g] },
            {
              title: '显示名称',
              key: 'label',
              render: (_, { grade }) => (
                <Form.Item
                  name={[grade, 'label']}
                  style={{ margin: 0 }}
                  rules={[
                    { required: true, whitespace: true, message: '请填写名称' },
                    { max: 10, message: '不超过 10 个字符' },
                  ]}
                >
                  <Input aria-label={`${DEFAULT_LABELS[grade]}的显示名称`} maxLength={10} style={{ width: 140 }} />
                </Form.Item>
              ),
            },
            {
              title: '得分下限（含）',
              key: 'min',
              render: (_, { grade }) => (
                <Form.Item
                  name={[grade, 'min']}
                  style={{ margin: 0 }}
                  rules={[
                    { required: true, message: '请填写下限' },
                    { pattern: SCORE_PATTERN, message: '应为 0–100 的数，最多 2 位小数' },
                  ]}
                >
                  <Input aria-label={`${DEFAULT_LABELS[grade]}的得分下限`} style={{ width: 120 }} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存等级划分
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
