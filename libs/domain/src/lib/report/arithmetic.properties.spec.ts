import fc from 'fast-check';
import { amount, fixed, halfUp, moneyArb, pow10 } from '../money/money-arbitraries.spec-helper';
import { check } from './fixture.spec-helper';
import { bandFor, checkGradeBands, DEFAULT_GRADE_BANDS, type GradeBand } from './grades';
import type { GradeKey, Indicator } from './schema';

/*
 * Property tests of the arithmetic rules, run through runChecks on the fixture report with one
 * thing changed. Expected outcomes come from an independent BigInt reference: money in
 * ten-thousandths of a 万元, scores and weights in hundredths of a point, percentages as rationals.
 */

const positiveMoneyArb = moneyArb.filter((m) => m.units > 0n);

/** A score or weight as SCORE_PATTERN admits it (0–100, at most 2 decimals), in hundredths. */
const hundredthsArb = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n * 100),
  fc.integer({ min: 0, max: 10_000 }),
);

/** As Decimal#toString writes it: no trailing zeros. */
function plain(k: bigint | number, places: number): string {
  const text = fixed(k, places);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const RANK: Record<GradeKey, number> = { poor: 0, fair: 1, good: 2, excellent: 3 };

describe('arithmetic rules (property-based)', () => {
  describe('budget.lines-sum-to-total', () => {
    const linesArb = fc.array(moneyArb, { minLength: 1, maxLength: 12 });

    it('passes when the total is the exact sum, however it is written', () => {
      fc.assert(
        fc.property(linesArb, fc.integer({ min: 0, max: 4 }), (amounts, padTo) => {
          const exact = amounts.reduce((a, m) => a + m.units, 0n);
          // the same value written with 4 decimals, or with as few as it needs
          const total = padTo === 4 ? fixed(exact, 4) : plain(exact, 4);
          const result = check('budget.lines-sum-to-total', (c) => {
            c.budget.lines = amounts.map((m, i) => ({
              name: `项目${i + 1}`,
              amount: m.text,
              spent: null,
              documentNumber: '',
            }));
            c.budget.expenditure.project.budget = total;
          });
          expect(result).toMatchObject({ severity: 'error', passed: true, findings: [] });
        }),
      );
    });

    it('fails, naming both numbers, when the total is off by 0.0001', () => {
      fc.assert(
        fc.property(linesArb, fc.constantFrom(1n, -1n), (amounts, delta) => {
          const exact = amounts.reduce((a, m) => a + m.units, 0n);
          const stated = exact + delta < 0n ? exact + 1n : exact + delta;
          const result = check('budget.lines-sum-to-total', (c) => {
            c.budget.lines = amounts.map((m, i) => ({
              name: `项目${i + 1}`,
              amount: m.text,
              spent: null,
              documentNumber: '',
            }));
            c.budget.expenditure.project.budget = plain(stated, 4);
          });
          expect(result.passed).toBe(false);
          expect(result.findings).toEqual([
            {
              path: 'budget.expenditure.project.budget',
              message: `项目预算明细合计 ${amount(exact)} 万元，与填报的年初项目预算 ${amount(stated)} 万元不一致`,
              remedy: `核对各条预算明细的金额，或把年初项目预算改为 ${amount(exact)} 万元`,
            },
          ]);
        }),
      );
    });
  });

  describe("the year's money (schema v2): parts add up to their total, per column", () => {
    /** A stated total: the exact sum, one unit off it, or anything. */
    const statedArb = (exact: bigint) =>
      fc.oneof(
        fc.constant({ text: plain(exact, 4), units: exact }),
        fc.constantFrom(exact + 1n, exact > 0n ? exact - 1n : exact + 2n).map((u) => ({ text: fixed(u, 4), units: u })),
        moneyArb,
      );
    const sumCaseArb = fc
      .tuple(moneyArb, moneyArb)
      .chain(([a, b]) => statedArb(a.units + b.units).map((stated) => ({ a, b, stated })));

    it('budget.expenditure-adds-up passes iff 人员经费 + 公用经费 = 基本支出 exactly, in either column', () => {
      fc.assert(
        fc.property(sumCaseArb, fc.constantFrom('budget' as const, 'actual' as const), ({ a, b, stated }, column) => {
          const result = check('budget.expenditure-adds-up', (c) => {
            const e = c.budget.expenditure;
            e.personnel[column] = a.text;
            e.publicExpense[column] = b.text;
            e.basic[column] = stated.text;
            // the other sum of the rule is not in question here
            e.total = { budget: null, actual: null };
          });
          expect(result.passed).toBe(stated.units === a.units + b.units);
          if (!result.passed) {
            const label = column === 'budget' ? '年初预算数' : '决算数';
            expect(result.findings).toEqual([
              {
                path: `budget.expenditure.basic.${column}`,
                message: `${label}：人员经费 ${amount(a.units)} 万元 + 公用经费 ${amount(b.units)} 万元 = ${amount(a.units + b.units)} 万元，与填报的基本支出 ${amount(stated.units)} 万元不一致`,
                remedy: `核对各分项，或把基本支出改为 ${amount(a.units + b.units)} 万元`,
              },
            ]);
          }
        }),
      );
    });

    it('budget.expenditure-adds-up passes iff 基本支出 + 项目支出 = 支出合计 exactly', () => {
      fc.assert(
        fc.property(sumCaseArb, ({ a, b, stated }) => {
          const result = check('budget.expenditure-adds-up', (c) => {
            const e = c.budget.expenditure;
            e.personnel = { budget: null, actual: null };
            e.basic.actual = a.text;
            e.project.actual = b.text;
            e.total.actual = stated.text;
          });
          expect(result.passed).toBe(stated.units === a.units + b.units);
        }),
      );
    });

    it('budget.income-adds-up passes iff 财政拨款收入 + 其他收入 = 收入合计 exactly', () => {
      fc.assert(
        fc.property(sumCaseArb, ({ a, b, stated }) => {
          const result = check('budget.income-adds-up', (c) => {
            c.budget.income = {
              appropriation: { budget: a.text, actual: null },
              other: { budget: b.text, actual: null },
              total: { budget: stated.text, actual: null },
            };
          });
          expect(result.passed).toBe(stated.units === a.units + b.units);
        }),
      );
    });

    it("budget.lines-sum-to-spent passes iff the lines' 执行数 add up to 当年项目支出 exactly", () => {
      fc.assert(
        fc.property(
          fc
            .array(moneyArb, { minLength: 1, maxLength: 12 })
            .chain((spent) => statedArb(spent.reduce((n, m) => n + m.units, 0n)).map((stated) => ({ spent, stated }))),
          ({ spent, stated }) => {
            const result = check('budget.lines-sum-to-spent', (c) => {
              c.budget.lines = spent.map((m, i) => ({
                name: `项目${i + 1}`,
                amount: m.text,
                spent: m.text,
                documentNumber: '',
              }));
              c.budget.expenditure.project.actual = stated.text;
            });
            const exact = spent.reduce((n, m) => n + m.units, 0n);
            expect(result.passed).toBe(stated.units === exact);
            if (!result.passed) {
              expect(result.findings).toEqual([
                {
                  path: 'budget.expenditure.project.actual',
                  message: `各项目执行数合计 ${amount(exact)} 万元，与填报的当年项目支出 ${amount(stated.units)} 万元不一致`,
                  remedy: `核对各条预算明细的执行数，或把当年项目支出改为 ${amount(exact)} 万元`,
                },
              ]);
            }
          },
        ),
      );
    });

    it('budget.expenditure-within-income warns iff 支出 > 收入 + 年初结转结余', () => {
      fc.assert(
        fc.property(moneyArb, moneyArb, moneyArb, (spent, income, carryover) => {
          const result = check('budget.expenditure-within-income', (c) => {
            c.budget.expenditure.total.actual = spent.text;
            c.budget.income.total.actual = income.text;
            c.budget.carryover = carryover.text;
          });
          expect(result.severity).toBe('warning');
          expect(result.passed).toBe(spent.units <= income.units + carryover.units);
        }),
      );
    });
  });

  it('budget.spent-within-budget passes iff spending ≤ the project budget', () => {
    fc.assert(
      fc.property(moneyArb, moneyArb, (budget, spent) => {
        const result = check('budget.spent-within-budget', (c) => {
          c.budget.lines = [];
          c.budget.expenditure.project = { budget: budget.text, actual: spent.text };
        });
        expect(result.passed).toBe(spent.units <= budget.units);
      }),
    );
  });

  describe('assets.net-equals-assets-minus-liabilities', () => {
    /** Net assets: often the exact difference or one unit off it, otherwise anything. */
    const figuresArb = fc.tuple(moneyArb, moneyArb).chain(([assets, liabilities]) => {
      const diff = assets.units - liabilities.units;
      const near = [diff, diff + 1n, diff - 1n].filter((u) => u >= 0n).map((u) => ({ text: plain(u, 4), units: u }));
      return fc
        .oneof(near.length > 0 ? fc.constantFrom(...near) : moneyArb, moneyArb)
        .map((net) => ({ assets, liabilities, net }));
    });

    it('passes iff net assets = total assets − total liabilities exactly, this year and last', () => {
      fc.assert(
        fc.property(figuresArb, fc.boolean(), ({ assets, liabilities, net }, lastYear) => {
          const key = lastYear ? 'previous' : 'current';
          const result = check('assets.net-equals-assets-minus-liabilities', (c) => {
            c.basicInfo.assets[key] = {
              totalAssets: assets.text,
              totalLiabilities: liabilities.text,
              netAssets: net.text,
            };
          });
          const expected = assets.units - liabilities.units;
          expect(result.severity).toBe('error');
          expect(result.passed).toBe(net.units === expected);
          if (!result.passed) {
            expect(result.findings).toEqual([
              {
                path: `basicInfo.assets.${key}.netAssets`,
                message: `${lastYear ? '上年' : '年末'}净资产 ${amount(net.units)} 万元，应等于资产总额 ${amount(assets.units)} 万元减负债总额 ${amount(liabilities.units)} 万元，即 ${amount(expected)} 万元`,
              },
            ]);
          }
        }),
      );
    });
  });

  describe('assets.yoy-agrees-with-figures (percentage rule)', () => {
    it('accepts the half-up rounding of the exact change at 0–2 places and rejects any other value', () => {
      fc.assert(
        fc.property(
          moneyArb,
          positiveMoneyArb,
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
          (current, previous, places, offset) => {
            const k = halfUp((current.units - previous.units) * 100n * pow10(places), previous.units);
            const outcome = (stated: string) =>
              check('assets.yoy-agrees-with-figures', (c) => {
                c.basicInfo.assets.current = {
                  totalAssets: current.text,
                  totalLiabilities: '0',
                  netAssets: current.text,
                };
                c.basicInfo.assets.previous = {
                  totalAssets: previous.text,
                  totalLiabilities: '0',
                  netAssets: previous.text,
                };
                c.basicInfo.assets.yoy = { totalAssets: stated, totalLiabilities: '0', netAssets: stated };
              });
            expect(outcome(fixed(k, places))).toMatchObject({ passed: true, findings: [] });
            const wrong = outcome(fixed(k + BigInt(offset), places));
            expect(wrong.passed).toBe(false);
            expect(wrong.findings.map((f) => f.path)).toEqual([
              'basicInfo.assets.yoy.totalAssets',
              'basicInfo.assets.yoy.netAssets',
            ]);
          },
        ),
      );
    });
  });

  describe('scoreTable.execution-rate (percentage rule)', () => {
    it('accepts executed ÷ adjusted budget rounded half-up at 0–2 places, and nothing else at that precision', () => {
      fc.assert(
        fc.property(
          positiveMoneyArb,
          moneyArb,
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
          (budget, executed, places, offset) => {
            const k = halfUp(executed.units * 100n * pow10(places), budget.units);
            const outcome = (stated: string) =>
              check('scoreTable.execution-rate', (c) => {
                c.scoreTable.funding.total = {
                  initialBudget: budget.text,
                  adjustedBudget: budget.text,
                  executed: executed.text,
                };
                c.scoreTable.funding.executionRate = stated;
              });
            expect(outcome(fixed(k, places))).toMatchObject({ passed: true, findings: [] });
            const stated = fixed(k + BigInt(offset), places);
            const twoPlaces = fixed(halfUp(executed.units * 10_000n, budget.units), 2);
            expect(outcome(stated)).toMatchObject({
              severity: 'error',
              passed: false,
              findings: [
                {
                  path: 'scoreTable.funding.executionRate',
                  message: `执行率填报为 ${stated}%，按全年执行数 ${amount(executed.units)} 万元 ÷ 全年预算数 ${amount(budget.units)} 万元应为 ${twoPlaces}%`,
                  remedy: `把执行率改为 ${twoPlaces}%，或核对全年预算数和全年执行数`,
                },
              ],
            });
          },
        ),
      );
    });
  });

  describe('scoreTable.execution-score', () => {
    /*
     * Weights whose only prime factors are 2 and 5. With these, an exact half (x.xx5) of
     * rate × weight is a terminating decimal and the rule's arithmetic is exact; see the
     * known-bug test below for weights such as 30 or 15.06.
     */
    const weightArb = fc.constantFrom(5, 10, 20, 25, 40, 50, 100).map((w) => w * 100);

    it('is executed ÷ adjusted budget × weight, half-up to 2 places, capped at the weight', () => {
      fc.assert(
        fc.property(
          positiveMoneyArb,
          moneyArb,
          weightArb,
          fc.integer({ min: -100, max: 100 }).filter((d) => d !== 0),
          (budget, executed, weight, offset) => {
            const w = BigInt(weight);
            const expected = executed.units >= budget.units ? w : halfUp(executed.units * w, budget.units);
            const outcome = (stated: bigint) =>
              check('scoreTable.execution-score', (c) => {
                c.scoreTable.funding.total = {
                  initialBudget: budget.text,
                  adjustedBudget: budget.text,
                  executed: executed.text,
                };
                c.scoreTable.funding.weight = plain(w, 2);
                c.scoreTable.funding.score = plain(stated, 2);
              });
            expect(outcome(expected)).toMatchObject({ passed: true, findings: [] });
            const stated = expected + BigInt(offset) < 0n ? expected - BigInt(offset) : expected + BigInt(offset);
            const rate = fixed(halfUp(executed.units * 10_000n, budget.units), 2);
            expect(outcome(stated)).toMatchObject({
              severity: 'error',
              passed: false,
              findings: [
                {
                  path: 'scoreTable.funding.score',
                  message: `预算执行率得分填报为 ${plain(stated, 2)} 分，按执行率 ${rate}% × 分值 ${plain(w, 2)} 分应为 ${fixed(expected, 2)} 分`,
                  remedy: `把预算执行率得分改为 ${fixed(expected, 2)} 分`,
                },
              ],
            });
          },
        ),
      );
    });

    // Regression: dividing first (executed ÷ budget to 40 digits, then × weight) let an exact half
    // land just below it and round down: 7 ÷ 12 × 15.06 = 8.785 must give 8.79, 1 ÷ 48 × 30 = 0.625
    // must give 0.63. The scoring multiplies before it divides.
    for (const [executed, budget, weight, score] of [
      ['7', '12', '15.06', '8.79'],
      ['1', '48', '30', '0.63'],
    ]) {
      it(`${executed} ÷ ${budget} × ${weight} is an exact half and rounds up to ${score}`, () => {
        const result = check('scoreTable.execution-score', (c) => {
          c.scoreTable.funding.total = { initialBudget: budget, adjustedBudget: budget, executed };
          c.scoreTable.funding.weight = weight;
          c.scoreTable.funding.score = score;
        });
        expect(result.findings).toEqual([]);
      });
    }
  });

  // Regression of the same divide-first rounding in expectedIndicatorScore:
  // 完成值 1 ÷ 指标值 48 × 分值 30 = 0.625 exactly → 0.63, not 0.62.
  it('scoreTable.indicator-score-formula rounds an exact half up (1 ÷ 48 × 30 = 0.625 → 0.63)', () => {
    const result = check('scoreTable.indicator-score-formula', (c) => {
      c.scoreTable.indicators[0] = {
        ...c.scoreTable.indicators[0],
        target: '48',
        actual: '1',
        weight: '30',
        score: '0.63',
      };
    });
    expect(result.findings).toEqual([]);
  });

  describe('scoreTable.score-within-weight', () => {
    it('flags exactly the rows whose score exceeds their weight', () => {
      const rowArb = fc.tuple(hundredthsArb, hundredthsArb);
      fc.assert(
        fc.property(rowArb, fc.array(rowArb, { minLength: 1, maxLength: 10 }), (funding, rows) => {
          const result = check('scoreTable.score-within-weight', (c) => {
            c.scoreTable.funding.weight = plain(funding[0], 2);
            c.scoreTable.funding.score = plain(funding[1], 2);
            c.scoreTable.indicators = rows.map(([weight, score], i) => ({
              ...c.scoreTable.indicators[0],
              level3: `指标${i + 1}`,
              weight: plain(weight, 2),
              score: plain(score, 2),
            }));
          });
          const expected = [
            ...(funding[1] > funding[0]
              ? [
                  {
                    path: 'scoreTable.funding.score',
                    message: `预算执行率得分 ${plain(funding[1], 2)} 分，超过其分值 ${plain(funding[0], 2)} 分`,
                    remedy: `得分不能超过分值 ${plain(funding[0], 2)} 分`,
                  },
                ]
              : []),
            ...rows.flatMap(([weight, score], i) =>
              score > weight
                ? [
                    {
                      path: `scoreTable.indicators.${i}.score`,
                      message: `「指标${i + 1}」得分 ${plain(score, 2)} 分，超过其分值 ${plain(weight, 2)} 分`,
                      remedy: `得分不能超过分值 ${plain(weight, 2)} 分`,
                    },
                  ]
                : [],
            ),
          ];
          expect(result.severity).toBe('error');
          expect(result.findings).toEqual(expected);
          expect(result.passed).toBe(expected.length === 0);
        }),
      );
    });

    it('a score equal to its weight is within it', () => {
      expect(
        check('scoreTable.score-within-weight', (c) => {
          c.scoreTable.indicators[0].weight = '12.5';
          c.scoreTable.indicators[0].score = '12.50';
        }).passed,
      ).toBe(true);
    });
  });

  describe('scoreTable.weights-total-100', () => {
    it('passes iff the funding weight and the indicator weights add up to exactly 100', () => {
      fc.assert(
        fc.property(
          // indicator weights (hundredths) that leave room for a funding weight: 8 × 12.5 ≤ 100
          fc.array(fc.integer({ min: 0, max: 1250 }), { minLength: 1, maxLength: 8 }),
          fc.option(fc.integer({ min: 0, max: 10_000 })),
          (parts, arbitraryFunding) => {
            const rest = parts.reduce((a, b) => a + b, 0);
            // null: the funding weight that makes the total exactly 100; otherwise any weight
            const fundingWeight = arbitraryFunding ?? 10_000 - rest;
            const result = check('scoreTable.weights-total-100', (c) => {
              c.scoreTable.funding.weight = plain(fundingWeight, 2);
              c.scoreTable.indicators = parts.map((w) => ({ ...c.scoreTable.indicators[0], weight: plain(w, 2) }));
            });
            expect(result.severity).toBe('error');
            expect(result.passed).toBe(fundingWeight + rest === 10_000);
          },
        ),
      );
    });
  });

  describe('conclusion.score-equals-table', () => {
    const indicatorsArb = fc.array(hundredthsArb, { minLength: 1, maxLength: 10 });

    it('passes iff the total score is the exact sum of the funding score and the indicator scores', () => {
      fc.assert(
        fc.property(
          hundredthsArb,
          indicatorsArb,
          fc.integer({ min: -5, max: 5 }),
          fc.boolean(),
          (fundingScore, scores, offset, padded) => {
            const exact = scores.reduce((a, b) => a + b, fundingScore);
            const stated = Math.max(0, exact + offset);
            const statedText = padded ? fixed(stated, 2) : plain(stated, 2);
            const result = check('conclusion.score-equals-table', (c) => {
              c.scoreTable.funding.score = plain(fundingScore, 2);
              c.scoreTable.indicators = scores.map(
                (s): Indicator => ({ ...c.scoreTable.indicators[0], score: plain(s, 2) }),
              );
              c.conclusion.totalScore = statedText;
            });
            expect(result.severity).toBe('error');
            expect(result.passed).toBe(stated === exact);
            if (stated !== exact) {
              expect(result.findings).toEqual([
                {
                  path: 'conclusion.totalScore',
                  message: `总得分填报为 ${statedText} 分，绩效自评表各项得分合计为 ${plain(exact, 2)} 分`,
                  remedy: `把总得分改为 ${plain(exact, 2)} 分，或核对绩效自评表各项得分`,
                },
              ]);
            }
          },
        ),
      );
    });
  });

  describe('grade bands', () => {
    const expectedGrade = (hundredths: number): GradeKey =>
      hundredths >= 9000 ? 'excellent' : hundredths >= 8000 ? 'good' : hundredths >= 6000 ? 'fair' : 'poor';

    it('bandFor with the default bands: each band includes its lower bound', () => {
      const cases: Array<[string, GradeKey]> = [
        ['100', 'excellent'],
        ['90', 'excellent'],
        ['90.00', 'excellent'],
        ['89.99', 'good'],
        ['80', 'good'],
        ['79.99', 'fair'],
        ['60', 'fair'],
        ['59.99', 'poor'],
        ['0', 'poor'],
      ];
      expect(cases.map(([score]) => [score, bandFor(score).grade])).toEqual(cases);
    });

    it('bandFor with the default bands is monotone in the score and agrees with the thresholds', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = bandFor(plain(lo, 2)).grade;
          const high = bandFor(plain(hi, 2)).grade;
          expect(low).toBe(expectedGrade(lo));
          expect(RANK[low]).toBeLessThanOrEqual(RANK[high]);
        }),
      );
    });

    it('for any valid bands, in any order, a band’s lower bound is in it and 0.01 below is in the next', () => {
      const bandsArb = fc
        .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 3, maxLength: 3 })
        .map((mins) => [...mins].sort((x, y) => y - x))
        .chain((mins) =>
          fc.shuffledSubarray(
            (['excellent', 'good', 'fair', 'poor'] as const).map(
              (grade, i): GradeBand => ({ grade, label: grade, min: i < 3 ? plain(mins[i], 2) : '0' }),
            ),
            { minLength: 4, maxLength: 4 },
          ),
        );
      fc.assert(
        fc.property(bandsArb, (bands) => {
          expect(checkGradeBands(bands)).toEqual([]);
          for (const band of bands) {
            const min = Math.round(Number(band.min) * 100);
            expect(bandFor(band.min, bands).grade).toBe(band.grade);
            if (min > 0) expect(RANK[bandFor(plain(min - 1, 2), bands).grade]).toBe(RANK[band.grade] - 1);
          }
        }),
      );
    });

    it('conclusion.grade-matches-band passes iff the stated grade is the band of the score', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 10_000 }),
          fc.constantFrom<GradeKey>('excellent', 'good', 'fair', 'poor'),
          (score, grade) => {
            const result = check('conclusion.grade-matches-band', (c) => {
              c.conclusion.totalScore = plain(score, 2);
              c.conclusion.grade = grade;
            });
            expect(result.severity).toBe('error');
            expect(result.passed).toBe(grade === expectedGrade(score));
          },
        ),
        { numRuns: 200 },
      );
      expect(check('conclusion.grade-matches-band', (c) => (c.conclusion.totalScore = '89.99')).findings).toEqual([
        {
          path: 'conclusion.grade',
          message: '总得分 89.99 分对应等级「良」（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 ≥ 0），填报为「优」',
          remedy: '把评价等级改为「良」',
        },
      ]);
    });

    it('the default bands are valid', () => {
      expect(checkGradeBands(DEFAULT_GRADE_BANDS)).toEqual([]);
    });
  });
});
