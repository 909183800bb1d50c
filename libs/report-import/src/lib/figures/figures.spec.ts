import { readFileSync } from 'fs';
import { join } from 'path';
import {
  amountUnitInHeader,
  findFigures,
  parseAmount,
  parseCount,
  parseDate,
  parseDocNumber,
  parsePercent,
  parseScore,
} from './index';
import { parseChineseInteger } from './chinese-numerals';

const ok = (value: string) => expect.objectContaining({ ok: true, value });
const refused = (problem: string) => ({ ok: false, problem });

describe('parseAmount', () => {
  it.each([
    ['178.646万元', '178.646'],
    ['178.646 万元', '178.646'],
    ['1,786,460元', '178.646'],
    ['１，７８６，４６０元', '178.646'],
    ['１７８．６４６万元', '178.646'],
    ['0.00 万元', '0'],
    ['5 元', '0.0005'],
    ['1.5亿元', '15000'],
    ['12千元', '1.2'],
    ['400.21 万 元', '400.21'],
  ])('%s → %s 万元', (text, value) => {
    expect(parseAmount(text)).toEqual(ok(value));
  });

  it('moves the point exactly, never through a float', () => {
    expect(parseAmount('0.3元')).toEqual(refused('too_precise'));
    expect(parseAmount('1,234,567,891.2元')).toEqual(refused('too_precise'));
    expect(parseAmount('1,234,567,891.6元')).toEqual(refused('too_precise'));
    expect(parseAmount('1,234,567,891元')).toEqual(ok('123456.7891'));
    expect(parseAmount('0.1万元')).toEqual(ok('0.1'));
    expect(parseAmount('1000元')).toEqual(ok('0.1'));
  });

  it('keeps what the schema cannot hold as not parsable rather than rounding', () => {
    expect(parseAmount('178.64601万元')).toEqual(refused('too_precise'));
    expect(parseAmount('1.23元')).toEqual(refused('too_precise'));
    expect(parseAmount('123,456,789,012万元')).toEqual(refused('too_large'));
    expect(parseAmount('-3万元')).toEqual(refused('negative'));
  });

  it('uses the unit of the column when the cell has none, and refuses a bare number otherwise', () => {
    expect(parseAmount('178.646', { defaultUnit: '万元' })).toEqual(ok('178.646'));
    expect(parseAmount('1,786,460', { defaultUnit: '元' })).toEqual(ok('178.646'));
    expect(parseAmount('178.646')).toEqual(refused('not_a_figure'));
    expect(parseAmount('12,34元')).toEqual(refused('not_a_figure'));
  });
});

describe('percentages, counts, scores, dates, document numbers', () => {
  it('parses percentages, Arabic and Chinese', () => {
    expect(parsePercent('98.5%')).toEqual(ok('98.5'));
    expect(parsePercent('９８．５％')).toEqual(ok('98.5'));
    expect(parsePercent('-1.9%')).toEqual(ok('-1.9'));
    expect(parsePercent('百分之九十八点五')).toEqual(ok('98.5'));
    expect(parsePercent('百分之一百')).toEqual(ok('100'));
    expect(parsePercent('98.555%')).toEqual(refused('too_precise'));
  });

  it('parses counts with their unit', () => {
    expect(parseCount('4人')).toEqual({ ok: true, value: '4', unit: '人' });
    expect(parseCount('3个单位')).toEqual({ ok: true, value: '3', unit: '个单位' });
    expect(parseCount('5 辆')).toEqual({ ok: true, value: '5', unit: '辆' });
    expect(parseCount('4.5人')).toEqual(refused('not_a_figure'));
    expect(parseCount('3个月')).toEqual(refused('not_a_figure'));
  });

  it('parses scores from 0 to 100', () => {
    expect(parseScore('95 分')).toEqual(ok('95'));
    expect(parseScore('92.5分')).toEqual(ok('92.5'));
    expect(parseScore('101分')).toEqual(refused('out_of_range'));
  });

  it('parses dates in the three usual forms and refuses one off the calendar', () => {
    for (const text of ['2024年12月31日', '2024 年 12 月 31 日', '2024-12-31', '2024.12.31', '２０２４．１２．３１']) {
      expect(parseDate(text)).toEqual(ok('2024-12-31'));
    }
    expect(parseDate('2024年2月30日')).toEqual(refused('invalid_date'));
    expect(parseDate('2024年3月5日')).toEqual(ok('2024-03-05'));
  });

  it.each([
    ['冀财行【2023】98号', '冀财行〔2023〕98号'],
    ['赵财〔2024〕12号', '赵财〔2024〕12号'],
    ['财预[2020]10号', '财预〔2020〕10号'],
    ['财预（2020）10号', '财预〔2020〕10号'],
    ['财预(2020)10号', '财预〔2020〕10号'],
    ['财预［2020］10号', '财预〔2020〕10号'],
    ['石工办字{2024}3 号', '石工办字〔2024〕3号'],
  ])('document number %s', (text, value) => {
    expect(parseDocNumber(text)).toEqual(ok(value));
  });

  it('reads Chinese integers up to the thousands', () => {
    expect([
      parseChineseInteger('一'),
      parseChineseInteger('十'),
      parseChineseInteger('十二'),
      parseChineseInteger('二十'),
    ]).toEqual([1, 10, 12, 20]);
    expect([
      parseChineseInteger('一百零五'),
      parseChineseInteger('九十九'),
      parseChineseInteger('一二'),
      parseChineseInteger('部分'),
    ]).toEqual([105, 99, null, null]);
  });
});

describe('findFigures', () => {
  it('finds each figure with its exact span and nothing inside another', () => {
    const text =
      '截至2024年12月31日，资产总额（账面净值）400.21 万元，较上年减少 1.9%，在职人员 6人，下设3个单位，冀财行【2023】98号拨付1,786,460元，得分95分。';
    const found = findFigures(text).map((f) => [f.kind, f.value, f.unit, f.text]);
    expect(found).toEqual([
      ['date', '2024-12-31', '', '2024年12月31日'],
      ['amount', '400.21', '万元', '400.21 万元'],
      ['percent', '1.9', '%', '1.9%'],
      ['count', '6', '人', '6人'],
      ['count', '3', '个单位', '3个单位'],
      ['docNumber', '冀财行〔2023〕98号', '', '冀财行【2023】98号'],
      ['amount', '178.646', '万元', '1,786,460元'],
      ['score', '95', '分', '95分'],
    ]);
    for (const f of findFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('cuts the issuer of a document number from the words before it', () => {
    const [doc] = findFigures('根据河北省财政厅河北省总工会冀财行【2017】36 号文件精神');
    expect(doc).toMatchObject({ kind: 'docNumber', value: '冀财行〔2017〕36号', text: '冀财行【2017】36 号' });
  });

  it('keeps an amount the schema cannot hold, with its problem, instead of dropping or rounding it', () => {
    expect(findFigures('支付 0.35 元手续费')).toEqual([
      { kind: 'amount', value: null, problem: 'too_precise', unit: '', start: 3, end: 9, text: '0.35 元' },
    ]);
  });

  it('does not read years, ordinals, durations or percentage points as counts', () => {
    const text = '2024 年第 3 名，历时 3 个月，提高 2 个百分点，成立 75 周年，人民币';
    expect(findFigures(text)).toEqual([]);
  });

  it('finds in the sample the figures the prose rule will check', () => {
    const sample = readFileSync(join(__dirname, '../../../test/fixtures/zhaoxian-union-2024.txt'), 'utf8').replace(
      /\n+/g,
      '',
    );
    const figures = findFigures(sample);
    const pairs = figures.map((f) => `${f.kind}:${f.value}:${f.text}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'amount:400.21:400.21 万元',
        'percent:1.9:1.9%',
        'amount:178.646:178.646 万元',
        'count:4:4 人',
        'count:6:6人',
        'date:2024-12-31:2024 年 12 月 31 日',
        'docNumber:冀财行〔2023〕98号:冀财行【2023】98号',
        'docNumber:石财行〔2024〕25号:石财行【2024】25 号',
        'docNumber:石工办字〔2024〕3号:石工办字{2024}3 号',
        'score:95:95 分',
      ]),
    );
    expect(figures.filter((f) => f.kind === 'amount')).toHaveLength(18);
    expect(figures.every((f) => f.value !== null)).toBe(true);
  });
});

describe('amountUnitInHeader', () => {
  it('reads the unit a header or caption states', () => {
    expect(amountUnitInHeader('年初预算数（万元）')).toBe('万元');
    expect(amountUnitInHeader('金额(元)')).toBe('元');
    expect(amountUnitInHeader('单位：万元')).toBe('万元');
    expect(amountUnitInHeader('（单位：亿元）')).toBe('亿元');
    expect(amountUnitInHeader('预算执行率（%）')).toBeNull();
    expect(amountUnitInHeader('项目名称')).toBeNull();
  });
});
