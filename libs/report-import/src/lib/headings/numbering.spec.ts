import { parseHeadingNumbering, styleHeadingLevel } from './numbering';

const head = (text: string) => {
  const n = parseHeadingNumbering(text);
  return (
    n && {
      level: n.level,
      ordinal: n.ordinal,
      marker: n.marker,
      title: n.title,
      body: n.body?.text ?? null,
      titleLike: n.titleLike,
    }
  );
};

describe('parseHeadingNumbering', () => {
  it.each([
    ['第一部分 部门整体支出绩效自评情况', 0, 1, '第一部分', '部门整体支出绩效自评情况'],
    ['第十二部分：附表', 0, 12, '第十二部分：', '附表'],
    ['一、部门基本情况', 1, 1, '一、', '部门基本情况'],
    ['十一、其他需要说明的情况', 1, 11, '十一、', '其他需要说明的情况'],
    ['二．自评工作开展情况', 1, 2, '二．', '自评工作开展情况'],
    ['（一）部门概况', 2, 1, '（一）', '部门概况'],
    ['(三) 部门整体支出绩效目标、指标', 2, 3, '(三)', '部门整体支出绩效目标、指标'],
    ['（ 二 ）部门收支预决算情况', 2, 2, '（ 二 ）', '部门收支预决算情况'],
    ['1.部门职能', 3, 1, '1.', '部门职能'],
    ['2．组织机构及人员', 3, 2, '2．', '组织机构及人员'],
    ['3、 资产情况', 3, 3, '3、', '资产情况'],
    ['１２．其他', 3, 12, '１２．', '其他'],
    ['（1）预算执行率', 4, 1, '（1）', '预算执行率'],
    ['(2)产出指标', 4, 2, '(2)', '产出指标'],
    ['3）效益指标', 4, 3, '3）', '效益指标'],
    ['　　（１）数量指标', 4, 1, '（１）', '数量指标'],
  ])('%s', (text, level, ordinal, marker, title) => {
    expect(head(text)).toMatchObject({ level, ordinal, marker, title, body: null, titleLike: true });
  });

  it('keeps only the title of a heading line that runs on into body text, and the rest as body', () => {
    const text = '（一）项目存在的主要问题：预算编制不够明确和细化，预算执行力度还要进一步加强。';
    const n = parseHeadingNumbering(text);
    expect(n).toMatchObject({ level: 2, title: '项目存在的主要问题', titleLike: true });
    expect(n?.body).toEqual({
      start: 13,
      end: text.length,
      text: '预算编制不够明确和细化，预算执行力度还要进一步加强。',
    });
    expect(text.slice(n?.titleStart, n?.titleEnd)).toBe('项目存在的主要问题');
    expect(head('1.部门职能。赵县总工会为行政机关')).toMatchObject({ title: '部门职能', body: '赵县总工会为行政机关' });
  });

  it('marks a numbered sentence as not title-like', () => {
    expect(
      head(
        '1.及时发放职工手中工资，社会养老保险、社会医疗保险、工伤保险按照比例和应缴纳的数额及时上交。总体完成率 100%。',
      ),
    ).toMatchObject({
      level: 3,
      titleLike: false,
    });
    expect(
      head('4.在五一劳动节、十一国庆节和春节大型节假日期间举行大型的文化和体育活动，丰富职工文化生活')?.titleLike,
    ).toBe(false);
  });

  it.each([
    '10.336 万元，其中',
    '1.9%的增长',
    '2024 年年初项目预算',
    '（[2019]77）文件精神',
    '（冀财行【2023】98号）',
    '一是召开座谈会',
    '十一国庆节',
    '一、',
    '（2019）',
    '部门概况',
  ])('is not a heading: %s', (text) => {
    expect(parseHeadingNumbering(text)).toBeNull();
  });
});

describe('styleHeadingLevel', () => {
  it('reads Word heading styles in English and Chinese, and the outline level', () => {
    expect(styleHeadingLevel('Heading 1', undefined)).toBe(1);
    expect(styleHeadingLevel('标题 2', undefined)).toBe(2);
    expect(styleHeadingLevel('heading3', undefined)).toBe(3);
    expect(styleHeadingLevel('Normal', 0)).toBe(1);
    expect(styleHeadingLevel('Normal', 9)).toBeNull();
    expect(styleHeadingLevel('Body Text', undefined)).toBeNull();
  });
});
