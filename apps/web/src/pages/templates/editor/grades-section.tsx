import { useCallback } from 'react';
import { Flex, Input, Radio, Table, Typography } from 'antd';
import { DEFAULT_GRADE_BANDS, GRADE_KEYS, gradeLabel, type GradeBand, type GradeKey } from '@evalflow/domain';
import { getSettings } from '../../../api/settings-api';
import { useSession } from '../../../auth/session-context';
import { useRemote } from '../../../hooks/use-remote';
import { fieldId, setIn } from '../definition-edit';
import { ProblemText } from '../problems';
import { NumberText } from './number-text';
import { RescoringSetting } from './rescoring-setting';
import type { SectionProps } from './section-props';

/** 评价等级: the county's own bands (本县设置), or four bands of the template's own. */
export function GradesSection(props: SectionProps) {
  const { def, update, problems } = props;
  const own = def.gradeBands !== null;
  const bands: GradeBand[] = def.gradeBands ?? DEFAULT_GRADE_BANDS;
  // a template's own bands start from the county's (its labels, e.g. 优秀/良好/合格/不合格), not the national defaults
  const session = useSession();
  const county = useRemote(useCallback((signal: AbortSignal) => getSettings(session, signal), [session]));
  const startFrom = county.data?.gradeBands ?? DEFAULT_GRADE_BANDS;
  return (
    <Flex vertical gap={12}>
      <Radio.Group
        id={fieldId(['gradeBands'])}
        aria-label="评价等级划分"
        value={own ? 'own' : 'county'}
        onChange={(e) =>
          update((d) => ({
            ...d,
            gradeBands: e.target.value === 'own' ? startFrom.map((b) => ({ ...b })) : null,
          }))
        }
        options={[
          { value: 'county', label: '使用本县设置（设置 › 评价等级划分）' },
          // offered once the county's bands are known (or could not be read): they are where its own bands start
          { value: 'own', label: '本模板自定义等级', disabled: county.loading && !own },
        ]}
      />
      <ProblemText messages={problems.at(['gradeBands'])} />
      {own ? (
        <Table<GradeBand & { index: number }>
          size="small"
          pagination={false}
          rowKey="grade"
          dataSource={GRADE_KEYS.map((grade) => {
            const index = bands.findIndex((b) => b.grade === grade);
            return { ...(bands[index] ?? { grade, label: gradeLabel(grade), min: '' }), index };
          })}
          columns={[
            { title: '等级', dataIndex: 'grade', width: 80, render: (g: GradeKey) => gradeLabel(g) },
            {
              title: '显示名称',
              key: 'label',
              render: (_, band) => {
                const path = ['gradeBands', band.index, 'label'];
                const messages = problems.under(path);
                return (
                  <div style={{ width: 160 }}>
                    <Input
                      id={fieldId(path)}
                      aria-label={`${gradeLabel(band.grade)}的显示名称`}
                      value={band.label}
                      maxLength={10}
                      status={messages.length ? 'error' : undefined}
                      onChange={(e) => update((d) => setIn(d, path, e.target.value))}
                    />
                    <ProblemText messages={messages} />
                  </div>
                );
              },
            },
            {
              title: '得分下限（含）',
              key: 'min',
              render: (_, band) => (
                <NumberText
                  path={['gradeBands', band.index, 'min']}
                  label={`${gradeLabel(band.grade)}的得分下限`}
                  value={band.min}
                  suffix="分"
                  problems={problems}
                  onChange={(v) => update((d) => setIn(d, ['gradeBands', band.index, 'min'], v))}
                  width={130}
                />
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">
          按本县（区）在「设置」中规定的评价等级划分评定等级；本县未设置时为优 ≥90、良 ≥80、中 ≥60、差 &lt;60。
        </Typography.Text>
      )}
      <RescoringSetting {...props} />
    </Flex>
  );
}
