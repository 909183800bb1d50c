import { emptyProjectContent, emptyReportContent } from '../report/empty-report';
import { CONTENT_SCHEMAS, type OverallReportContent, type ProjectReportContent } from '../report/schema';
import { disclosureDay, disclosureNotice, publicEdition } from './disclosure';
import { MASKED, maskContactText } from './contact-mask';
import { publicReportContent } from './public-content';

const indicator = {
  level1: '产出指标',
  level2: '数量指标',
  level3: '帮扶困难职工人数',
  nature: '>=' as const,
  target: '100',
  unit: '人',
  actual: '120',
  weight: '20',
  score: '20',
  deviationNote: '无',
  evidence: '内部台账第3册，经办人王五 13912345678',
  libraryEntryId: '7f0c8f1e-3a2b-4c5d-8e9f-0a1b2c3d4e5f',
};

function overall(): OverallReportContent {
  const c = emptyReportContent({ departmentName: '赵县总工会', fiscalYear: 2024 }) as OverallReportContent;
  c.selfEvaluation.organization =
    '成立评价工作组。联系人：张三，联系电话：0311-84912345；邮箱 zhangsan@zhaoxian.gov.cn。';
  c.problems.measures = '如有疑问请拨打 138 1234 5678 或 (0311)84967890 咨询。经费 178.646 万元，冀财行【2023】98号。';
  c.team.members = [{ name: '杜力伟', unit: '赵县总工会', position: '党组书记、常务副主席', title: '' }];
  c.scoreTable.indicators = [indicator];
  return c;
}

describe('maskContactText', () => {
  it('masks mobile and landline numbers, e-mail and contact lines; leaves amounts, years and document numbers', () => {
    expect(maskContactText('联系人：张三，电话 13812345678')).toBe(`联系人：${MASKED}，电话 ${MASKED}`);
    expect(maskContactText('手机: +86 138-1234-5678。')).toBe(`手机: ${MASKED}。`);
    expect(maskContactText('值班电话（0311）84912345')).toBe(`值班电话${MASKED}`);
    expect(maskContactText('请发送至 a.b@c.cn')).toBe(`请发送至 ${MASKED}`);
    const kept = '2024年度项目支出178.646万元（冀财行【2023】98号），执行率98.47%，共12345678元。';
    expect(maskContactText(kept)).toBe(kept);
  });
});

describe('publicReportContent (the allow-list of the public version)', () => {
  it('drops team names, evidence, library links and contact data, and still satisfies the schema', () => {
    const pub = publicReportContent(overall()) as OverallReportContent;
    expect(CONTENT_SCHEMAS.department_overall.safeParse(pub).success).toBe(true);
    const text = JSON.stringify(pub);
    for (const secret of [
      '杜力伟',
      '张三',
      '0311-84912345',
      'zhangsan@',
      '13812345678',
      '138 1234 5678',
      '84967890',
      '王五',
      '内部台账',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(pub.team.members).toEqual([{ name: '', unit: '赵县总工会', position: '党组书记、常务副主席', title: '' }]);
    expect(pub.scoreTable.indicators[0]).not.toHaveProperty('libraryEntryId');
    expect(pub.scoreTable.indicators[0]).toMatchObject({ level3: '帮扶困难职工人数', actual: '120', score: '20' });
    expect(pub.problems.measures).toContain('178.646 万元，冀财行【2023】98号');
  });

  it('leaves out a field it does not list (a later addition such as a re-score stays internal)', () => {
    const c = overall();
    const withExtra = {
      ...c,
      reviewNote: '复核意见：内部',
      scoreTable: { ...c.scoreTable, indicators: [{ ...indicator, reviewScore: '15', reviewNote: '复核扣分' }] },
      conclusion: { ...c.conclusion, reviewScore: '80' },
    } as unknown as OverallReportContent;
    const text = JSON.stringify(publicReportContent(withExtra));
    expect(text).not.toContain('复核');
    expect(text).not.toContain('reviewScore');
  });

  it('a project table keeps 填报日期 only of its 填报信息', () => {
    const c = emptyProjectContent({
      departmentName: '赵县总工会',
      project: { code: 'P2024001', name: '困难职工帮扶' },
    }) as ProjectReportContent;
    c.preparers = {
      preparer: '李四',
      phone: '13712345678',
      filledOn: '2025-04-20',
      unitHead: '杜力伟',
      financeHead: '孟荣敏',
    };
    const pub = publicReportContent(c) as ProjectReportContent;
    expect(pub.preparers).toEqual({ preparer: '', phone: '', filledOn: '2025-04-20', unitHead: '', financeHead: '' });
    expect(CONTENT_SCHEMAS.project.safeParse(pub).success).toBe(true);
  });
});

describe('disclosure edition and notice', () => {
  it('names the edition by revision and China day; the notice carries the date', () => {
    const day = disclosureDay(new Date('2025-07-31T16:30:00Z'));
    expect(day).toBe('2025-08-01');
    expect(publicEdition(3, day)).toBe('r3-public-20250801');
    expect(disclosureNotice(day)).toBe('公开版 · 随决算公开 · 2025年8月1日');
    expect(() => publicEdition(0, day)).toThrow(RangeError);
  });
});
