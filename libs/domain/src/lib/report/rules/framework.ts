import { dec, sum } from '../../money/decimal';
import type { ScoredContent } from './score-table';
import type { Finding, Rule } from './rule';

/**
 * The 绩效自评表 against the template's indicator framework: the 执行率 row's weight, each 一级 indicator's
 * weight, its required 二级 indicators, no 一级 indicator the framework does not know. Their severity is
 * the framework's: error where the notice fixes the weights, warning where it says 原则上.
 */
const indicatorLabel = (level3: string, i: number) => `「${level3 || `第 ${i + 1} 个指标`}」`;

export const FRAMEWORK_RULES: Rule<ScoredContent>[] = [
  {
    id: 'framework.execution-weight',
    severity: 'error',
    severityOf: (template) => template.framework.enforcement,
    title: '预算执行率的分值与本年度指标体系一致',
    check: ({ scoreTable: { funding } }, { template }) => {
      const expected = template.framework.executionWeight;
      if (funding.weight === null || dec(funding.weight).equals(expected)) return [];
      return [
        {
          path: 'scoreTable.funding.weight',
          message: `预算执行率的分值填报为 ${funding.weight} 分，本年度指标体系规定为 ${expected} 分`,
          remedy: `把预算执行率的分值改为 ${expected} 分`,
        },
      ];
    },
  },
  {
    id: 'framework.level1-weights',
    severity: 'error',
    severityOf: (template) => template.framework.enforcement,
    title: '各一级指标的分值合计与本年度指标体系一致',
    check: ({ scoreTable: { indicators } }, { template }) => {
      if (indicators.length === 0) return [];
      return template.framework.level1.flatMap((level1): Finding[] => {
        const weights = indicators.filter((ind) => ind.level1.trim() === level1.name).map((ind) => ind.weight ?? '0');
        const total = weights.length === 0 ? dec(0) : sum(weights);
        if (total.equals(level1.weight)) return [];
        return [
          {
            path: 'scoreTable.indicators',
            message: `${level1.name}的分值合计 ${total.toString()} 分，本年度指标体系规定为 ${level1.weight} 分`,
            remedy:
              weights.length === 0
                ? `添加${level1.name}，分值合计 ${level1.weight} 分`
                : `调整${level1.name}下各指标的分值，使其合计 ${level1.weight} 分`,
          },
        ];
      });
    },
  },
  {
    id: 'framework.required-level2',
    severity: 'error',
    severityOf: (template) => template.framework.enforcement,
    title: '指标体系要求的二级指标齐全',
    check: ({ scoreTable: { indicators } }, { template }) => {
      if (indicators.length === 0) return [];
      return template.framework.level1.flatMap((level1) =>
        level1.requiredLevel2
          .filter(
            (level2) => !indicators.some((ind) => ind.level1.trim() === level1.name && ind.level2.trim() === level2),
          )
          .map((level2) => ({
            path: 'scoreTable.indicators',
            message: `${level1.name}下缺少二级指标「${level2}」`,
            remedy: `在${level1.name}下添加至少一个「${level2}」的三级指标（可从指标库选取）`,
          })),
      );
    },
  },
  {
    id: 'framework.known-level1',
    severity: 'error',
    severityOf: (template) => template.framework.enforcement,
    title: '一级指标属于本年度指标体系',
    check: ({ scoreTable: { indicators } }, { template }) => {
      const names = template.framework.level1.map((l) => l.name);
      return indicators.flatMap((ind, i): Finding[] =>
        ind.level1.trim() && !names.includes(ind.level1.trim())
          ? [
              {
                path: `scoreTable.indicators.${i}.level1`,
                message: `${indicatorLabel(ind.level3, i)}的一级指标「${ind.level1}」不在本年度指标体系中`,
                remedy: `一级指标应为：${names.join('、')}`,
              },
            ]
          : [],
      );
    },
  },
];
