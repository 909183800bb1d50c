import fc from 'fast-check';
import { dec, sum } from '../money/decimal';
import { emptyScoreTable } from '../report/empty-report';
import { expectedFundingScore, indicatorScoreRange } from '../report/scoring';
import type { Indicator, IndicatorNature } from '../report/schema';
import type { ScoringSettings } from './definition';

/**
 * Whatever the template says (weights, scoring method, deviation bands, qualitative grades) and whatever a
 * department states (targets, actuals, money), the score computed under the template never exceeds the
 * framework's weights: each row its own weight, each 一级 indicator its weight, the whole 100.
 */
const weightsSumming = (total: number, parts: number) =>
  fc.array(fc.integer({ min: 0, max: total }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), total];
    return sorted.slice(1).map((v, i) => v - sorted[i]);
  });

const value = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('', '全面完成', '≥95%', '1,200'),
);

const percentText = fc.integer({ min: 0, max: 100 }).map(String);

const scoringArb: fc.Arbitrary<ScoringSettings> = fc.record({
  totalCaps: fc.constant([]),
  quantitative: fc.constantFrom('proportional' as const, 'deviationBands' as const),
  deviationBands: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }).chain((bounds) =>
    fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: bounds.length, maxLength: bounds.length })
      .map((deducts) => {
        const ups = [...bounds].sort((a, b) => a - b);
        const ds = [...deducts].sort((a, b) => a - b);
        return ups.map((u, i) => ({ upTo: String(u), deduct: String(ds[i]) }));
      }),
  ),
  qualitative: fc.array(fc.tuple(percentText, percentText), { maxLength: 4 }).map((pairs) =>
    pairs.map(([a, b], i) => ({
      label: ['达成', '基本达成', '部分达成', '未达成'][i],
      minShare: String(Math.min(+a, +b)),
      maxShare: String(Math.max(+a, +b)),
    })),
  ),
});

const NATURES: IndicatorNature[] = ['=', '>=', '<=', 'qualitative'];

describe('scores computed under a template stay within the framework’s weights (property)', () => {
  it('each row ≤ its weight, each 一级 indicator ≤ its weight, the total ≤ 100', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 30 })
          .chain((execution) => fc.tuple(fc.constant(execution), weightsSumming(100 - execution, 3))),
        fc.integer({ min: 1, max: 4 }),
        scoringArb,
        fc.array(
          fc.tuple(
            value,
            value,
            fc.constantFrom(...NATURES),
            fc.constantFrom('达成', '基本达成', '部分达成', '未达成', '其他'),
          ),
          {
            minLength: 12,
            maxLength: 12,
          },
        ),
        fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 20_000 })),
        (framework, rowsPerLevel, scoring, values, [budget, executed]) => {
          const [executionWeight, levelWeights] = framework;
          const table = emptyScoreTable();
          table.funding.total = {
            initialBudget: String(budget),
            adjustedBudget: String(budget),
            executed: String(executed),
          };
          table.funding.weight = String(executionWeight);
          let k = 0;
          const perLevel = levelWeights.map((levelWeight, level) => {
            // the level's weight split evenly over its rows, the remainder on the first (exact decimals)
            const share = Math.floor((levelWeight * 100) / rowsPerLevel) / 100;
            return Array.from({ length: rowsPerLevel }, (_, i): Indicator => {
              const [target, actual, nature, grade] = values[k++ % values.length];
              const weight = i === 0 ? (levelWeight - share * (rowsPerLevel - 1)).toFixed(2) : share.toFixed(2);
              return {
                level1: `一级${level}`,
                level2: '二级',
                level3: `指标${level}-${i}`,
                nature,
                target,
                unit: '',
                actual: nature === 'qualitative' ? grade : actual,
                weight,
                score: null,
                deviationNote: '',
                evidence: '',
              };
            });
          });
          const levelTotals = perLevel.map((rows) =>
            sum(
              rows.map((row) => {
                const range = indicatorScoreRange(row, scoring);
                const most = range ? range.max : dec(0);
                expect(most.lessThanOrEqualTo(row.weight as string)).toBe(true);
                expect(range === null || range.min.lessThanOrEqualTo(range.max)).toBe(true);
                expect(most.isNegative()).toBe(false);
                return most.toString();
              }),
            ),
          );
          levelTotals.forEach((t, level) => expect(t.lessThanOrEqualTo(levelWeights[level])).toBe(true));
          const execution = expectedFundingScore(table) ?? dec(0);
          expect(execution.lessThanOrEqualTo(executionWeight)).toBe(true);
          expect(sum([execution.toString(), ...levelTotals.map((t) => t.toString())]).lessThanOrEqualTo(100)).toBe(
            true,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
