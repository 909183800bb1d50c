import { chineseCount, findNumbers } from './numbers';

const brief = (text: string) =>
  findNumbers(text).map((n) => ({
    text: text.slice(n.start, n.end),
    kind: n.kind,
    value: n.value,
    unit: n.unit,
    wan: n.wan?.toString() ?? null,
    approximate: n.approximate,
  }));

describe('findNumbers', () => {
  it('reads the sample’s figures with their units and spans', () => {
    const text = '资产总额（账面净值）400.21 万元，较上年减少 1.9%。负债总额 0.00 万元, 较上年减少 0%。';
    expect(brief(text)).toEqual([
      { text: '400.21 万元', kind: 'amount', value: '400.21', unit: '万元', wan: '400.21', approximate: false },
      { text: '1.9%', kind: 'percent', value: '1.9', unit: '%', wan: null, approximate: false },
      { text: '0.00 万元', kind: 'amount', value: '0.00', unit: '万元', wan: '0', approximate: false },
      { text: '0%', kind: 'percent', value: '0', unit: '%', wan: null, approximate: false },
    ]);
  });

  it('converts 元 and 亿元 to 万元 exactly, thousands separators included', () => {
    expect(brief('支出1,786,460元，收入0.0178646亿元').map((n) => [n.value, n.unit, n.wan])).toEqual([
      ['1786460', '元', '178.646'],
      ['0.0178646', '亿元', '178.646'],
    ]);
    // 0.1 + 0.2 style float drift is impossible: 10.336 万元 is 103360 元 exactly
    expect(findNumbers('103,360元')[0].wan?.equals('10.336')).toBe(true);
  });

  it('reads counts with 人/个/家/辆, Chinese numerals too, and scores in 分', () => {
    expect(
      brief('实有行政人员 4 人，下设三个单位，十二家企业，公务用车2辆，总得分 95 分').map((n) => [
        n.kind,
        n.value,
        n.unit,
      ]),
    ).toEqual([
      ['count', '4', '人'],
      ['count', '3', '个'],
      ['count', '12', '家'],
      ['count', '2', '辆'],
      ['score', '95', '分'],
    ]);
  });

  it('does not take dates, document numbers, ordinals, ranges or codes as figures', () => {
    const text =
      '关于提前下达2024年困难职工及劳模帮扶救助专项资金的通知（冀财行【2023】98号）10.336 万元；石工办字{2024}3 号；截至 2024 年 12 月 31 日；第3个；3-5人；GB50016个；3分钟；一百二十个';
    expect(brief(text).map((n) => n.text)).toEqual(['10.336 万元']);
  });

  it('keeps 人次 and 个百分点 apart from headcounts and percentages', () => {
    expect(brief('培训 120 人次，提高 2 个百分点').map((n) => [n.unit, n.kind])).toEqual([
      ['人次', 'count'],
      ['个百分点', 'percent'],
    ]);
  });

  it('marks approximate figures', () => {
    expect(brief('约400万元，90%以上，近5人，400.21万元').map((n) => n.approximate)).toEqual([true, true, true, false]);
  });

  it('reads full-width digits and ％ in place', () => {
    const text = '净资产４００．２１万元，执行率１００％';
    expect(brief(text).map((n) => [n.text, n.value])).toEqual([
      ['４００．２１万元', '400.21'],
      ['１００％', '100'],
    ]);
  });

  it('chineseCount reads up to 九十九 and refuses the rest', () => {
    expect(['三', '十', '十二', '二十', '二十三', '两'].map(chineseCount)).toEqual([3, 10, 12, 20, 23, 2]);
    expect(['一二', '十十', '零十'].map(chineseCount)).toEqual([null, null, null]);
  });
});
