import { proseMismatches, referencesIn } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { SAMPLE_FISCAL_YEAR, SAMPLE_LINES } from '@evalflow/samples/testing';

/**
 * The sample's whole text as an import would leave it in the narrative (lines joined, page footers
 * dropped), checked against the seeded figures: every number it writes for a figure agrees with it.
 */
describe('赵县总工会 2024: the numbers of its text agree with its figures', () => {
  const text = SAMPLE_LINES.map((l) => l.trim()).join('');
  const content = structuredClone(ZHAOXIAN_UNION_2024);
  content.results.overall = text;

  it('finds the figures the text names', () => {
    const quoted = referencesIn(text, content, SAMPLE_FISCAL_YEAR).map((r) => text.slice(r.quoteStart, r.quoteEnd));
    expect(quoted).toEqual([
      '实有行政人员 4 人',
      '与 2023 年相比较减少 1 人',
      '资产总额（账面净值）400.21 万元',
      '较上年减少 1.9%',
      '负债总额 0.00 万元',
      '较上年减少 0%',
      '净资产 400.21 万元',
      '较上年减少 1.9%',
      '年初项目预算 178.646 万元',
      '当年项目支出 178.646 万元',
      '总得分 95 分',
    ]);
  });

  it('and none of them disagrees', () => {
    expect(proseMismatches(content, SAMPLE_FISCAL_YEAR)).toEqual([]);
  });
});
