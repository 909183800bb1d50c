import {
  readAssetSentence,
  readCompletion,
  readConclusion,
  readLineList,
  readPolicySentence,
  readStaffSentence,
  splitInlineList,
} from './prose';

describe('figures read from sentences', () => {
  const assets =
    '资产情况：截至2024年12月31日，我单位资产总额（账面净值）400.21万元，较上年减少1.9%。负债总额0.00万元，较上年减少0%。净资产400.21万元，较上年增长2%';

  it('reads each asset figure with its basis and its signed change, offsets on the number', () => {
    const total = readAssetSentence(assets, '资产总额');
    expect(total).toEqual({
      amount: { value: '400.21', start: assets.indexOf('400.21'), end: assets.indexOf('400.21') + 6 },
      basis: '账面净值',
      yoy: { value: '-1.9', start: assets.indexOf('1.9%'), end: assets.indexOf('1.9%') + 3 },
    });
    expect(readAssetSentence(assets, '负债总额')?.yoy?.value).toBe('0');
    expect(readAssetSentence(assets, '净资产')?.yoy?.value).toBe('2');
    expect(readAssetSentence('资产总额约400万元', '资产总额')).toBeNull();
  });

  it('reads the headcount and works out last year’s from the stated change', () => {
    expect(readStaffSentence('截至2024年年底，我单位实有行政人员4人，与2023年相比较减少1人。')).toMatchObject({
      category: '行政人员',
      actual: { value: 4 },
      previous: 5,
      asOf: '2024年年底',
    });
    expect(readStaffSentence('实有事业人员12人，与上年相比增加2人')).toMatchObject({ previous: 10 });
    expect(readStaffSentence('人员情况：包括当年变动情况及原因。')).toBeNull();
  });

  it('reads 总得分 and 等级, and the basis written before them', () => {
    expect(readConclusion('根据项目执行情况和项目绩效情况，总得分95分，等级为优秀。')).toMatchObject({
      score: { value: '95' },
      grade: 'excellent',
      basis: '根据项目执行情况和项目绩效情况',
    });
    expect(readConclusion('总得分105分，等级：中')).toMatchObject({ score: null, grade: 'fair' });
  });

  it('reads the project lines a sentence lists after 其中, with their document numbers as written', () => {
    const text =
      '2024年年初项目预算57.336万元，其中上解市总工会经费47万元，关于提前下达困难职工帮扶资金的通知（冀财行【2023】98号）10.336万元，当年项目支出57.336万元。';
    expect(readLineList(text).map(({ name, amount, documentNumber }) => ({ name, amount, documentNumber }))).toEqual([
      { name: '上解市总工会经费', amount: '47', documentNumber: '' },
      { name: '关于提前下达困难职工帮扶资金的通知', amount: '10.336', documentNumber: '冀财行【2023】98号' },
    ]);
    // an amount the schema cannot hold exactly: no lines at all rather than some wrong
    expect(readLineList('其中办公费1.00005万元，差旅费2万元')).toEqual([]);
  });

  it('splits an inline numbered list only at the next number after 。 or ；', () => {
    expect(splitInlineList('1.甲；2.乙。3.丙有3.5万元')).toEqual(['1.甲；', '乙。', '丙有3.5万元']);
    expect(splitInlineList('1.甲，2.乙')).toEqual(['1.甲，2.乙']);
  });

  it('takes 总体完成率 off a result item’s end', () => {
    expect(readCompletion('及时上交。总体完成率100%。')).toMatchObject({ text: '及时上交。', rate: { value: '100' } });
    expect(readCompletion('完成率较高。')).toEqual({ text: '完成率较高。', rate: null });
  });

  it('reads the policy the evaluation follows', () => {
    expect(
      readPolicySentence(
        '贯彻落实县委、县政府《全面落实预算绩效管理的实施意见》（[2019]77）文件精神，遵循“科学性、规范性、客观性和公正性”的原则',
      ),
    ).toEqual({
      issuer: '县委、县政府',
      title: '全面落实预算绩效管理的实施意见',
      number: '[2019]77',
      principles: '科学性、规范性、客观性和公正性',
    });
  });
});
