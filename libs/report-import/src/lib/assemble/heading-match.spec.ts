import { defaultTemplate } from '@evalflow/domain';
import { buildOutline } from '../headings';
import { doc } from './doc.spec-helper';
import { matchSections, TITLE_MATCH_THRESHOLD } from './heading-match';
import { dice, normalizeTitle, titleSimilarity } from './text';

const template = defaultTemplate('department_overall');
const matched = (d: ReturnType<typeof doc>) =>
  Object.fromEntries(
    matchSections(d, buildOutline(d).headings, template).map((m) => [m.section, [m.heading.title, m.by]]),
  );

describe('normalizeTitle and dice', () => {
  it('compares titles by their words: numbering, punctuation, spaces and widths left out', () => {
    expect(normalizeTitle('（二）部门收支预决算情况')).toBe('部门收支预决算情况');
    expect(normalizeTitle('第三部分　评价结论和评价等级')).toBe('评价结论和评价等级');
    expect(normalizeTitle('六、评价工作组人员名单及签字（姓名、工作单位、职务、职称）')).toBe(
      '评价工作组人员名单及签字姓名工作单位职务职称',
    );
    expect(normalizeTitle('1．部门职能')).toBe('部门职能');
  });

  it('scores shared bigrams: the same title 1, a word added still above the threshold, another title below', () => {
    expect(dice('部门职能', '部门职能')).toBe(1);
    expect(dice('存在的问题及改进措施', '存在的问题和改进措施')).toBeGreaterThanOrEqual(TITLE_MATCH_THRESHOLD);
    expect(dice('部门收支预决算情况', '部门收支情况')).toBeGreaterThanOrEqual(TITLE_MATCH_THRESHOLD);
    expect(dice('部门职能', '自评的组织工作')).toBe(0);
    expect(dice('部门职能', '主要职能')).toBeLessThan(TITLE_MATCH_THRESHOLD);
    expect(dice('', '部门职能')).toBe(0);
  });

  it('counts a title that holds another whole (four characters or more) as alike', () => {
    expect(titleSimilarity('改进措施或建议', '针对问题提出具体的改进措施或建议')).toBe(0.8);
    expect(titleSimilarity('预算', '部门预算执行情况')).toBeLessThan(TITLE_MATCH_THRESHOLD);
  });
});

describe('matchSections', () => {
  it('matches headings by title whatever their order and numbering (第X部分, 一、)', () => {
    const d = doc(
      'docx',
      '第一部分 存在的问题和改进措施',
      '一、存在的主要问题',
      '资金支付进度偏慢。',
      '二、改进措施和建议',
      '加快支付进度。',
      '第二部分 部门收支情况',
      '2024年年初项目预算10万元。',
      '第三部分 自评工作开展情况',
      '一、自评的组织工作',
      '成立了自评小组。',
    );
    expect(matched(d)).toEqual({
      'problems.problems': ['存在的主要问题', 'title'],
      'problems.measures': ['改进措施和建议', 'title'],
      budget: ['部门收支情况', 'title'],
      'selfEvaluation.organization': ['自评的组织工作', 'title'],
    });
  });

  it('matches a heading by its key words when its title is another one, and says so', () => {
    const d = doc(
      'txt',
      '一、单位概况',
      '（一）主要职能',
      '主要职责是负责全县工会工作，履行维护职能。',
      '（二）其他事项',
      '无。',
      '二、工作成效',
      '经综合评价，总得分88分，评价等级为良好。',
    );
    const m = matched(d);
    expect(m['basicInfo.functions']).toEqual(['主要职能', 'content']);
    expect(m.conclusion).toEqual(['工作成效', 'content']);
    // 「其他事项」 says nothing a section's key words name
    expect(Object.values(m).map(([title]) => title)).not.toContain('其他事项');
  });

  it('gives a heading two alike sections want to the more similar one; the other looks again by content', () => {
    const d = doc(
      'docx',
      '一、分项绩效目标实现情况及指标分析',
      '1.发放慰问金。总体完成率100%。',
      '2.举办运动会。总体完成率95%。',
    );
    // 「总体绩效目标实现情况」 is 0.61 alike by title, but the heading is 「分项…」's own
    expect(matched(d)).toEqual({ 'results.items': ['分项绩效目标实现情况及指标分析', 'title'] });
  });

  it('leaves a section without a heading when neither title nor content names it', () => {
    const d = doc('txt', '一、其他需要说明的情况', '无。');
    expect(matched(d)).toEqual({});
  });
});
