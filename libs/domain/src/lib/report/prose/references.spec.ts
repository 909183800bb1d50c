import { validProjectReport, validReport } from '../fixture.spec-helper';
import type { OverallReportContent, ReportContent } from '../schema';
import { referencesIn } from './references';

function sample(): OverallReportContent {
  const c = validReport();
  c.basicInfo.staffing.categories = [{ category: '行政人员', authorized: 5, actual: 4 }];
  c.basicInfo.staffing.previousHeadcount = 5;
  c.basicInfo.assets.current = { totalAssets: '400.21', totalLiabilities: '0.00', netAssets: '400.21' };
  c.basicInfo.assets.previous = { totalAssets: '407.95', totalLiabilities: '0.00', netAssets: '407.95' };
  c.budget.expenditure.project = { budget: '178.646', actual: '178.646' };
  c.conclusion.totalScore = '95';
  return c;
}

/** What each reference quotes and which figure it names. */
const refs = (text: string, c: ReportContent = sample(), year = 2024) =>
  referencesIn(text, c, year).map((r) => [text.slice(r.quoteStart, r.quoteEnd), r.figure.name, r.signed]);

describe('referencesIn', () => {
  it('finds every figure the sample’s sentences name (so “no warning” on them is not for want of looking)', () => {
    const text =
      '截至 2024 年年底，我单位实有行政人员 4 人，与 2023 年相比较减少 1 人。资产情况：截至 2024 年 12 月 31 日，我单位资产总额（账面净值）400.21 万元，较上年减少 1.9%。负债总额 0.00 万元, 较上年减少 0%。净资产 400.21 万元 ,较上年减少 1.9%。2024 年年初项目预算 178.646 万元，其中上解市总工会经费 47 万元，当年项目支出 178.646 万元。总得分 95 分，等级为优秀。';
    expect(refs(text)).toEqual([
      ['实有行政人员 4 人', '人员情况中行政人员的实有人数', '4'],
      ['与 2023 年相比较减少 1 人', '人员情况中的人数变化', '-1'],
      ['资产总额（账面净值）400.21 万元', '资产情况表中的资产总额', '400.21'],
      ['较上年减少 1.9%', '资产情况表中资产总额的同比变化', '-1.9'],
      ['负债总额 0.00 万元', '资产情况表中的负债总额', '0.00'],
      ['较上年减少 0%', '资产情况表中负债总额的同比变化', '-0'],
      ['净资产 400.21 万元', '资产情况表中的净资产', '400.21'],
      ['较上年减少 1.9%', '资产情况表中净资产的同比变化', '-1.9'],
      ['年初项目预算 178.646 万元', '收支预决算情况中的年初项目预算', '178.646'],
      ['当年项目支出 178.646 万元', '收支预决算情况中的当年项目支出', '178.646'],
      ['总得分 95 分', '评价结论中的总得分', '95'],
    ]);
  });

  it('a 较上年 takes its subject from its own words, else from its sentence only', () => {
    expect(refs('净资产较上年减少 1.9%。')).toEqual([['较上年减少 1.9%', '资产情况表中净资产的同比变化', '-1.9']]);
    // a new sentence has no subject yet
    expect(refs('净资产 400.21 万元。较上年减少 1.9%。')).toEqual([
      ['净资产 400.21 万元', '资产情况表中的净资产', '400.21'],
    ]);
  });

  it('words must stand close to the number, in the same clause', () => {
    expect(refs('净资产，主要为房屋建筑物，价值 300 万元')).toEqual([]);
    expect(refs('净资产的构成中固定资产占比很高共计 300 万元')).toEqual([]);
  });

  it('预算编制 is not 编制数; 人次 is not a headcount; 约 is not a figure', () => {
    expect(refs('预算编制 3 人负责。编制数 5 人。在职人数 120 人次。实有人数约 4 人。')).toEqual([
      ['编制数 5 人', '人员情况中的编制数合计', '5'],
    ]);
  });

  it('a category the report does not list is not compared with the total', () => {
    expect(refs('实有事业人员 8 人。')).toEqual([]);
  });

  it('the project table’s words name its own funding and total', () => {
    expect(
      refs('项目预算10.05万元，执行率97.51%，总得分94.25分。', validProjectReport(), 2025).map((r) => r[1]),
    ).toEqual(['项目资金和绩效指标中的年度资金总额', '项目资金和绩效指标中的执行率', '评价结论中的总得分']);
    // section (二) words have nothing to refer to in a project table
    expect(refs('人员经费 120 万元，净资产 100 万元。', validProjectReport(), 2025)).toEqual([]);
  });
});

describe('referencesIn leaves alone what only looks like a figure', () => {
  it('a change without 比/较, a scale, points, one project’s money in a 部门整体 report', () => {
    expect(
      refs(
        '执行率提高2个百分点。预算执行率提高 2%。指标总分值 100 分。该项目年初预算 10 万元。专项资金执行率 90%。人员经费较上年减少 5 万元。固定资产总额 300 万元，流动负债 2 万元。',
      ),
    ).toEqual([]);
  });
});
