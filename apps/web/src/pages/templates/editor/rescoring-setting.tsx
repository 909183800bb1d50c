import { Flex, Radio, Typography } from 'antd';
import { rescoringRuleOf } from '@evalflow/domain';
import { fieldId } from '../definition-edit';
import { ProblemText } from '../problems';
import { NumberText } from './number-text';
import type { SectionProps } from './section-props';

/** 财政复核评分: whether the re-score replaces the self-score or counts with a weight (a template without it replaces). */
export function RescoringSetting({ def, update, problems }: SectionProps) {
  const rule = rescoringRuleOf(def);
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>财政复核评分的计分方式</Typography.Text>
      <Radio.Group
        id={fieldId(['rescoring'])}
        aria-label="财政复核评分的计分方式"
        value={rule.mode}
        onChange={(e) =>
          update((d) => ({
            ...d,
            rescoring:
              e.target.value === 'weighted' ? { mode: 'weighted', weight: '' } : { mode: 'replace', weight: null },
          }))
        }
        options={[
          { value: 'replace', label: '复核得分替换自评得分' },
          { value: 'weighted', label: '按权重加权：最终得分 = 权重 × 复核得分 + (1 − 权重) × 自评得分' },
        ]}
      />
      <ProblemText messages={problems.at(['rescoring'])} />
      {rule.mode === 'weighted' && (
        <Flex gap={8} align="center">
          <Typography.Text>复核得分权重</Typography.Text>
          <NumberText
            path={['rescoring', 'weight']}
            label="复核得分权重"
            value={rule.weight ?? ''}
            problems={problems}
            onChange={(v) => update((d) => ({ ...d, rescoring: { mode: 'weighted', weight: v } }))}
            width={160}
          />
          <Typography.Text type="secondary">大于 0、不超过 1，最多 4 位小数，如 0.6</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
