import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { dec, SCORE_PATTERN, type Framework, type FrameworkLevel1 } from '@evalflow/domain';
import { RowActions } from '../../../components/row-actions';
import { moveRow, removeRow } from '../../../components/row-moves';
import { fieldId, setIn, type Path } from '../definition-edit';
import { Field, ProblemText } from '../problems';
import type { SectionProps } from './section-props';

const MAX_LEVEL1 = 8;

/** The framework's total as typed so far: the weights that are numbers, and whether any is not. */
export function frameworkTotal(framework: Framework): { total: string; complete: boolean } {
  const weights = [framework.executionWeight, ...framework.level1.map((l) => l.weight)];
  const valid = weights.filter((w) => SCORE_PATTERN.test(w.trim()));
  const total = valid.reduce((acc, w) => acc.plus(dec(w.trim())), dec(0));
  return { total: total.toString(), complete: valid.length === weights.length };
}

/** 指标体系: the 预算执行率 weight, the 一级指标 with their weights and required 二级指标, how strictly it applies. */
export function FrameworkSection({ def, update, problems, readOnly }: SectionProps) {
  const framework = def.framework;
  const set = (path: Path, value: unknown) => update((d) => setIn(d, ['framework', ...path], value));
  const setLevel1 = (change: (rows: FrameworkLevel1[]) => FrameworkLevel1[]) =>
    update((d) => ({ ...d, framework: { ...d.framework, level1: change(d.framework.level1) } }));
  const { total, complete } = frameworkTotal(framework);
  const totalOk = complete && dec(total).equals(100);
  const rowName = (row: FrameworkLevel1, i: number) => row.name.trim() || `一级指标 ${i + 1}`;
  const executionPath = ['framework', 'executionWeight'];

  return (
    <>
      <Field
        label="预算执行率 分值"
        path={executionPath}
        messages={problems.under(executionPath)}
        extra="绩效自评表中预算执行率一行的分值，按执行率计分"
      >
        <Input
          id={fieldId(executionPath)}
          value={framework.executionWeight}
          inputMode="decimal"
          suffix="分"
          style={{ width: 140 }}
          status={problems.under(executionPath).length ? 'error' : undefined}
          onChange={(e) => set(['executionWeight'], e.target.value)}
        />
      </Field>
      <Typography.Text strong>一级指标</Typography.Text>
      <Table<FrameworkLevel1 & { index: number }>
        size="small"
        pagination={false}
        rowKey="index"
        style={{ marginTop: 8 }}
        dataSource={framework.level1.map((row, index) => ({ ...row, index }))}
        columns={[
          {
            title: '一级指标',
            key: 'name',
            width: 180,
            render: (_, row) => {
              const path = ['framework', 'level1', row.index, 'name'];
              const messages = problems.under(path);
              return (
                <>
                  <Input
                    id={fieldId(path)}
                    aria-label={`一级指标 ${row.index + 1} 名称`}
                    value={row.name}
                    maxLength={50}
                    placeholder="如：产出指标"
                    status={messages.length ? 'error' : undefined}
                    onChange={(e) => set(['level1', row.index, 'name'], e.target.value)}
                  />
                  <ProblemText messages={messages} />
                </>
              );
            },
          },
          {
            title: '分值',
            key: 'weight',
            width: 120,
            render: (_, row) => {
              const path = ['framework', 'level1', row.index, 'weight'];
              const messages = problems.under(path);
              return (
                <>
                  <Input
                    id={fieldId(path)}
                    aria-label={`${rowName(row, row.index)} 分值`}
                    value={row.weight}
                    inputMode="decimal"
                    suffix="分"
                    status={messages.length ? 'error' : undefined}
                    onChange={(e) => set(['level1', row.index, 'weight'], e.target.value)}
                  />
                  <ProblemText messages={messages} />
                </>
              );
            },
          },
          {
            title: '必备的二级指标',
            key: 'requiredLevel2',
            render: (_, row) => {
              const path = ['framework', 'level1', row.index, 'requiredLevel2'];
              const messages = problems.under(path);
              return (
                <>
                  <Select<string[]>
                    id={fieldId(path)}
                    mode="tags"
                    aria-label={`${rowName(row, row.index)} 必备二级指标`}
                    value={row.requiredLevel2}
                    placeholder={readOnly ? '无' : '输入后按回车添加，如：数量指标'}
                    style={{ width: '100%', minWidth: 200 }}
                    status={messages.length ? 'error' : undefined}
                    tokenSeparators={['，', ',', '、']}
                    onChange={(values) =>
                      set(['level1', row.index, 'requiredLevel2'], values.map((v) => v.trim()).filter(Boolean))
                    }
                  />
                  <ProblemText messages={messages} />
                </>
              );
            },
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, row: FrameworkLevel1 & { index: number }) => (
                    <RowActions
                      name={rowName(row, row.index)}
                      index={row.index}
                      count={framework.level1.length}
                      onMove={(delta) => setLevel1((rows) => moveRow(rows, row.index, delta))}
                      onRemove={() => setLevel1((rows) => removeRow(rows, row.index))}
                      removeDisabled={framework.level1.length <= 1}
                    />
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && framework.level1.length < MAX_LEVEL1 && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => setLevel1((rows) => [...rows, { name: '', weight: '0', requiredLevel2: [] }])}
        >
          添加一级指标
        </Button>
      )}
      <section id={fieldId(['framework', 'level1'])} aria-label="分值合计" style={{ margin: '12px 0 16px' }}>
        <Flex align="center" gap={8}>
          <Typography.Text strong>合计</Typography.Text>
          <Typography.Text strong type={totalOk ? 'success' : 'danger'} aria-live="polite">
            {total} 分
          </Typography.Text>
          {totalOk ? <Tag color="success">等于 100 分</Tag> : <Tag color="error">应为 100 分</Tag>}
          {!complete && <Typography.Text type="secondary">（有分值未按数字填写，未计入）</Typography.Text>}
        </Flex>
        <ProblemText messages={[...problems.at(['framework', 'level1']), ...problems.at(['framework'])]} />
      </section>
      <Field
        label="分值不一致时"
        path={['framework', 'enforcement']}
        messages={problems.under(['framework', 'enforcement'])}
      >
        <Radio.Group
          id={fieldId(['framework', 'enforcement'])}
          value={framework.enforcement}
          onChange={(e) => set(['enforcement'], e.target.value)}
          options={[
            { value: 'error', label: '强制：报告的分值与指标体系不一致时不能提交' },
            { value: 'warning', label: '提示：原则上按此分值，不一致时提示但可以提交' },
          ]}
        />
      </Field>
    </>
  );
}
