import { defaultTemplate, validateContent, type OverallReportContent } from '@evalflow/domain';
import { doc } from './doc.spec-helper';
import { importReport } from './import-report';
import type { SourceDocument } from '../source-document';

const importOverall = (document: SourceDocument) =>
  importReport({
    document,
    kind: 'department_overall',
    template: defaultTemplate('department_overall'),
    fiscalYear: 2024,
    departmentName: '某县文化馆',
  });

describe('importReport on documents other than the sample', () => {
  it('places the parts of a report numbered 第X部分 with its sections in another order', () => {
    const d = doc(
      'docx',
      '某县文化馆2024年度部门整体支出绩效自评报告',
      '第一部分 评价结论和评价等级',
      '经评价，总得分88.5分，等级为良好。',
      '第二部分 存在的问题和改进措施',
      '一、存在的主要问题',
      '资金支付进度偏慢。',
      '二、改进措施和建议',
      '加快支付进度。',
      '强化预算约束。',
      '第三部分 单位概况',
      '一、主要职能',
      '主要职责是组织群众文化活动，履行公共文化服务职能。',
      '二、机构和人员',
      [
        ['单位名称', '单位性质', '单位规格', '经费保障形式'],
        ['某县文化馆', '事业', '股级', '财政拨款'],
      ],
      [
        ['人员类别', '编制数', '实有人数'],
        ['事业人员', '12', '10'],
      ],
      '第四部分 部门收支预决算情况',
      [
        ['项目名称', '资金文号', '金额（万元）'],
        ['文化下乡', '冀财教【2024】12号', '12.5'],
      ],
    );
    const r = importOverall(d);
    const c = r.content as OverallReportContent;
    expect(validateContent(c).ok).toBe(true);
    expect(c.conclusion).toMatchObject({ totalScore: '88.5', grade: 'good', basis: '经评价' });
    expect(r.sources['conclusion.totalScore']).toEqual({ block: 2, start: 7, end: 11, text: '88.5' });
    expect(c.problems).toEqual({ problems: '资金支付进度偏慢。', measures: '加快支付进度。\n强化预算约束。' });
    expect(c.basicInfo.functions).toEqual(['主要职责是组织群众文化活动，履行公共文化服务职能。']);
    expect(c.basicInfo.orgUnits).toEqual([
      { name: '某县文化馆', nature: '事业', level: '股级', fundingForm: '财政拨款' },
    ]);
    expect(c.basicInfo.staffing.categories).toEqual([{ category: '事业人员', authorized: 12, actual: 10 }]);
    expect(r.sources['basicInfo.staffing.categories.0.actual']).toMatchObject({
      block: 14,
      cell: { row: 1, column: 2 },
      text: '10',
    });
    expect(c.budget.lines).toEqual([
      { name: '文化下乡', amount: '12.5', spent: null, documentNumber: '冀财教【2024】12号' },
    ]);
    // 「主要职能」 is not 「部门职能」 by title: matched by its words, and flagged
    expect(r.inferred).toEqual(expect.arrayContaining(['basicInfo.functions', 'basicInfo.functions.0']));
    expect(r.inferred).not.toContain('problems.problems');
    expect(r.filledParts).toEqual(expect.arrayContaining(['conclusion', 'problems', 'basicInfo', 'budget']));
    expect(r.filledParts).not.toContain('team');
    // the department's name before the title is the header's, not the title's
    expect(c.header.title).toBe('2024年度部门整体支出绩效自评报告');
    expect(r.unplaced).toEqual([]);
  });

  it('lists an unknown table and stray text as unplaced, each with its reason', () => {
    const d = doc(
      'txt',
      [
        ['人员类别', '实有人数'],
        ['行政人员', '约4'],
      ],
      '一、自评的组织工作',
      '成立了自评小组。',
      [
        ['车辆类型', '数量'],
        ['轿车', '2'],
      ],
      '二、其他需要说明的情况',
      '本年度无其他事项。',
    );
    const r = importOverall(d);
    expect((r.content as OverallReportContent).selfEvaluation.organization).toBe('成立了自评小组。');
    expect(r.unplaced).toEqual([
      { block: 0, excerpt: '行政人员 约4', reason: '人员情况表第 2 行未能准确读出，未导入' },
      { block: 3, excerpt: '车辆类型 数量 轿车 2', reason: '未识别的表格' },
      { block: 4, excerpt: '二、其他需要说明的情况', reason: '未归入任何部分的文字' },
      { block: 5, excerpt: '本年度无其他事项。', reason: '未归入任何部分的文字' },
    ]);
    expect((r.content as OverallReportContent).basicInfo.staffing.categories).toEqual([]);
  });

  it('fills nothing from a sentence it cannot read exactly: an empty field beats a wrong one', () => {
    const d = doc(
      'txt',
      '一、评价结论和评价等级',
      '综合评定得分约九十分，等级较高。',
      '二、部门概况',
      '资产情况：资产总额约400万元。',
    );
    const c = importOverall(d).content as OverallReportContent;
    expect(c.conclusion.totalScore).toBeNull();
    expect(c.conclusion.grade).toBeNull();
    expect(c.basicInfo.assets.current).toBeNull();
  });

  it('cuts a text over the schema’s limit and lists the cut, so the draft can still be written', () => {
    const long = `${'职'.repeat(4000)}超出的文字`;
    const r = importOverall(doc('docx', '一、部门职能', long));
    const c = r.content as OverallReportContent;
    expect(c.basicInfo.functions[0]).toHaveLength(4000);
    expect(validateContent(c).ok).toBe(true);
    expect(r.unplaced).toEqual([
      { block: 1, excerpt: '超出的文字', reason: '「部门职能」超过 4000 字，超出部分未导入' },
    ]);
  });

  it('gives a 项目 report its own project and the empty table when the document has no score table', () => {
    const r = importReport({
      document: doc('txt', '一、项目概况', '项目实施顺利。'),
      kind: 'project',
      template: defaultTemplate('project'),
      fiscalYear: 2024,
      departmentName: '某县文化馆',
      project: { code: '13013324T000000012345', name: '文化下乡' },
    });
    expect(r.content.kind).toBe('project');
    expect(validateContent(r.content).ok).toBe(true);
    expect(r.content).toMatchObject({ projectInfo: { code: '13013324T000000012345', name: '文化下乡' } });
    expect(r.filledParts).toEqual([]);
    expect(r.unplaced.map((u) => u.reason)).toEqual(['未归入任何部分的文字', '未归入任何部分的文字']);
  });

  it('keeps the 自评表’s 总分 when a sentence says another, and lists the sentence', () => {
    const r = importOverall(
      doc(
        'docx',
        '一、评价结论和评价等级',
        '经评价，总得分90分，等级为优秀。',
        [
          ['项目', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
          ['年度资金总额', '10', '10', '10', '10', '100%', '10'],
          ['其中：本年财政拨款', '10', '10', '10', '—', '—', '—'],
          ['上年结转资金', '0', '0', '0', '—', '—', '—'],
          ['其他资金', '0', '0', '0', '—', '—', '—'],
        ],
        [
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
          ['产出指标', '数量指标', '慰问人数', '≥100人', '120人', '90', '85'],
          ['总分', '', '', '', '', '100', '95'],
        ],
      ),
    );
    const c = r.content as OverallReportContent;
    expect(c.conclusion.totalScore).toBe('95');
    expect(r.sources['conclusion.totalScore'].cell).toBeDefined();
    expect(c.conclusion.grade).toBe('excellent');
    expect(r.unplaced).toContainEqual({
      block: 1,
      excerpt: '90分',
      reason: '文中总得分（90分）与自评表总分（95分）不一致，已按自评表填写',
    });
    expect(c.scoreTable.indicators[0]).toMatchObject({ nature: '>=', target: '100', unit: '人', actual: '120' });
  });

  it('puts a heading’s text in the first of two sections it holds when no sub-heading splits them', () => {
    const r = importOverall(
      doc(
        'docx',
        '一、存在的问题及改进措施',
        '预算编制不够细化。',
        '下一步将细化预算编制。',
        '二、分项绩效目标实现情况及指标分析',
        '全年工作总体完成良好。',
        '1.发放慰问金。总体完成率100%。',
        '2.举办职工运动会。总体完成率95%。',
      ),
    );
    const c = r.content as OverallReportContent;
    expect(c.problems).toEqual({ problems: '预算编制不够细化。\n下一步将细化预算编制。', measures: '' });
    expect(r.inferred).toContain('problems.problems');
    expect(c.results.items).toEqual([
      { text: '全年工作总体完成良好。', completionRate: null, explanation: '' },
      { text: '发放慰问金。', completionRate: '100', explanation: '' },
      { text: '举办职工运动会。', completionRate: '95', explanation: '' },
    ]);
  });
});
