import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Input, Radio, Typography } from 'antd';
import type { ScoringSettings } from '@evalflow/domain';
import { RowActions } from '../../../components/row-actions';
import { moveRow, removeRow } from '../../../components/row-moves';
import { fieldId, setIn, type Path } from '../definition-edit';
import { Field, ProblemText } from '../problems';
import { NumberText } from './number-text';
import type { SectionProps } from './section-props';

const MAX_ROWS = { totalCaps: 10, deviationBands: 10, qualitative: 8 } as const;

/** 计分规则: caps on the total by 执行率, how quantitative indicators score, the qualitative grades. */
export function ScoringSection({ def, update, problems, readOnly }: SectionProps) {
  const scoring = def.scoring;
  const set = (path: Path, value: unknown) => update((d) => setIn(d, ['scoring', ...path], value));
  const setList = <K extends keyof typeof MAX_ROWS>(key: K, change: (rows: ScoringSettings[K]) => ScoringSettings[K]) =>
    update((d) => ({ ...d, scoring: { ...d.scoring, [key]: change(d.scoring[key]) } }));
  const addButton = (key: keyof typeof MAX_ROWS, label: string, add: () => void) =>
    !readOnly &&
    scoring[key].length < MAX_ROWS[key] && (
      <Button size="small" icon={<PlusOutlined />} onClick={add} style={{ alignSelf: 'flex-start' }}>
        {label}
      </Button>
    );

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>总分上限</Typography.Text>
      <Typography.Text type="secondary">
        预算执行率低于规定比例时，总分不超过上限（如执行率低于 80% 的，总分不超过 89 分）。不设则不限。
      </Typography.Text>
      <ProblemText messages={problems.at(['scoring', 'totalCaps'])} />
      {scoring.totalCaps.map((cap, i) => (
        <Flex key={i} align="flex-start" gap={8} wrap role="group" aria-label={`总分上限 ${i + 1}`}>
          <span style={{ lineHeight: '32px' }}>执行率低于</span>
          <NumberText
            path={['scoring', 'totalCaps', i, 'rateBelow']}
            label={`总分上限 ${i + 1} 执行率低于`}
            value={cap.rateBelow}
            suffix="%"
            problems={problems}
            onChange={(v) => set(['totalCaps', i, 'rateBelow'], v)}
          />
          <span style={{ lineHeight: '32px' }}>时，总分不超过</span>
          <NumberText
            path={['scoring', 'totalCaps', i, 'maxTotal']}
            label={`总分上限 ${i + 1} 总分不超过`}
            value={cap.maxTotal}
            suffix="分"
            problems={problems}
            onChange={(v) => set(['totalCaps', i, 'maxTotal'], v)}
          />
          {!readOnly && (
            <RowActions
              name={`总分上限 ${i + 1}`}
              index={i}
              count={scoring.totalCaps.length}
              onRemove={() => setList('totalCaps', (rows) => removeRow(rows, i))}
            />
          )}
        </Flex>
      ))}
      {addButton('totalCaps', '添加总分上限', () =>
        setList('totalCaps', (rows) => [...rows, { rateBelow: '', maxTotal: '' }]),
      )}

      <Divider style={{ margin: '12px 0' }} />
      <Field
        label="定量指标计分"
        path={['scoring', 'quantitative']}
        messages={problems.under(['scoring', 'quantitative'])}
      >
        <Radio.Group
          id={fieldId(['scoring', 'quantitative'])}
          value={scoring.quantitative}
          onChange={(e) => set(['quantitative'], e.target.value)}
          options={[
            { value: 'proportional', label: '按完成比例：完成值 ÷ 指标值 × 分值' },
            { value: 'deviationBands', label: '按偏差率分档扣分' },
          ]}
        />
      </Field>
      {(scoring.quantitative === 'deviationBands' || scoring.deviationBands.length > 0) && (
        <>
          <Typography.Text strong>偏差率扣分档次</Typography.Text>
          <Typography.Text type="secondary">
            偏差率 = |完成值 − 指标值| ÷ 指标值。档次按偏差率从小到大排列，偏差超过最后一档的不得分。
          </Typography.Text>
          <div id={fieldId(['scoring', 'deviationBands'])}>
            <ProblemText messages={problems.at(['scoring', 'deviationBands'])} />
          </div>
          {scoring.deviationBands.map((band, i) => (
            <Flex key={i} align="flex-start" gap={8} wrap role="group" aria-label={`偏差档次 ${i + 1}`}>
              <span style={{ lineHeight: '32px' }}>偏差率不超过</span>
              <NumberText
                path={['scoring', 'deviationBands', i, 'upTo']}
                label={`偏差档次 ${i + 1} 偏差率不超过`}
                value={band.upTo}
                suffix="%"
                problems={problems}
                onChange={(v) => set(['deviationBands', i, 'upTo'], v)}
              />
              <span style={{ lineHeight: '32px' }}>，扣减分值的</span>
              <NumberText
                path={['scoring', 'deviationBands', i, 'deduct']}
                label={`偏差档次 ${i + 1} 扣减比例`}
                value={band.deduct}
                suffix="%"
                problems={problems}
                onChange={(v) => set(['deviationBands', i, 'deduct'], v)}
              />
              {!readOnly && (
                <RowActions
                  name={`偏差档次 ${i + 1}`}
                  index={i}
                  count={scoring.deviationBands.length}
                  onMove={(delta) => setList('deviationBands', (rows) => moveRow(rows, i, delta))}
                  onRemove={() => setList('deviationBands', (rows) => removeRow(rows, i))}
                />
              )}
            </Flex>
          ))}
          {addButton('deviationBands', '添加偏差档次', () =>
            setList('deviationBands', (rows) => [...rows, { upTo: '', deduct: '' }]),
          )}
        </>
      )}

      <Divider style={{ margin: '12px 0' }} />
      <Typography.Text strong>定性指标完成情况</Typography.Text>
      <Typography.Text type="secondary">
        审核人按完成情况在得分比例范围内打分（得分 = 分值 × 比例）。不设则由评价人自行判断。
      </Typography.Text>
      <ProblemText messages={problems.at(['scoring', 'qualitative'])} />
      {scoring.qualitative.map((grade, i) => {
        const name = grade.label.trim() || `完成情况 ${i + 1}`;
        const labelPath = ['scoring', 'qualitative', i, 'label'];
        return (
          <Flex key={i} align="flex-start" gap={8} wrap role="group" aria-label={`完成情况 ${i + 1}`}>
            <div style={{ width: 140 }}>
              <Input
                id={fieldId(labelPath)}
                aria-label={`完成情况 ${i + 1} 名称`}
                value={grade.label}
                maxLength={20}
                placeholder="如：基本达成"
                status={problems.under(labelPath).length ? 'error' : undefined}
                onChange={(e) => set(['qualitative', i, 'label'], e.target.value)}
              />
              <ProblemText messages={problems.under(labelPath)} />
            </div>
            <span style={{ lineHeight: '32px' }}>得分为分值的</span>
            <NumberText
              path={['scoring', 'qualitative', i, 'minShare']}
              label={`${name} 得分比例下限`}
              value={grade.minShare}
              suffix="%"
              problems={problems}
              onChange={(v) => set(['qualitative', i, 'minShare'], v)}
            />
            <span style={{ lineHeight: '32px' }}>至</span>
            <NumberText
              path={['scoring', 'qualitative', i, 'maxShare']}
              label={`${name} 得分比例上限`}
              value={grade.maxShare}
              suffix="%"
              problems={problems}
              onChange={(v) => set(['qualitative', i, 'maxShare'], v)}
            />
            {!readOnly && (
              <RowActions
                name={name}
                index={i}
                count={scoring.qualitative.length}
                onMove={(delta) => setList('qualitative', (rows) => moveRow(rows, i, delta))}
                onRemove={() => setList('qualitative', (rows) => removeRow(rows, i))}
              />
            )}
          </Flex>
        );
      })}
      {addButton('qualitative', '添加完成情况', () =>
        setList('qualitative', (rows) => [...rows, { label: '', minShare: '0', maxShare: '100' }]),
      )}
    </Flex>
  );
}
