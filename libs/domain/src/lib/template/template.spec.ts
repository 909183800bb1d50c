import { createHash } from 'node:crypto';
import { OVERALL_PARTS } from '../report/parts';
import { BUILTIN_TEMPLATES, defaultTemplate } from './builtins';
import type { TemplateDefinition } from './definition';
import { headingNumber } from './numbering';
import { expandTitle, numberedOutline, omittedParts, templatePartTitles, templateParts } from './outline';
import { validateTemplate } from './validate';

const hebei = () => structuredClone(defaultTemplate('department_overall'));
const problemsOf = (def: unknown) => {
  const result = validateTemplate(def);
  return result.ok ? [] : result.problems;
};

describe('templates', () => {
  it('every built-in is valid', () => {
    for (const b of BUILTIN_TEMPLATES) expect(problemsOf(b.definition)).toEqual([]);
  });

  it('a published built-in is never edited: a changed form is a new built-in (content pinned by hash)', () => {
    const hash = (d: TemplateDefinition) => createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 16);
    // reports pin these rows; changing one would change reports already created
    expect(Object.fromEntries(BUILTIN_TEMPLATES.map((b) => [b.id, hash(b.definition)]))).toMatchSnapshot();
  });

  it('numbers headings per level in the template’s styles', () => {
    expect([1, 2, 10, 12].map((n) => headingNumber('chinese', n))).toEqual(['一、', '二、', '十、', '十二、']);
    expect(headingNumber('chinese-paren', 3)).toBe('（三）');
    expect(headingNumber('part', 8)).toBe('第八部分 ');
    expect(headingNumber('arabic', 2)).toBe('2.');
    expect(headingNumber('arabic-paren', 4)).toBe('（4）');
    expect(headingNumber('none', 4)).toBe('');
    const outline = numberedOutline(hebei());
    expect(outline.map((h) => `${h.number}${h.title}`)).toEqual([
      '一、部门基本情况',
      '二、自评工作开展情况',
      '三、部门整体支出绩效目标实现情况及指标分析',
      '四、评价结论和评价等级',
      '五、存在的问题及改进措施',
      '六、评价工作组人员名单及签字（姓名、工作单位、职务、职称）',
    ]);
    expect(outline[0].children.map((h) => `${h.number}${h.title}`)).toEqual([
      '（一）部门概况',
      '（二）部门收支预决算情况',
      '（三）部门整体支出绩效目标、指标',
    ]);
    expect(outline[0].children[0].children.map((h) => `${h.number}${h.title}`)).toEqual([
      '1.部门职能',
      '2.组织机构及人员',
    ]);
  });

  it('orders and titles the parts from the outline; a part the outline leaves out is omitted', () => {
    const def = hebei();
    // the sample's outline keeps the catalogue's order
    expect(templateParts(def)).toEqual([...OVERALL_PARTS]);
    expect(templatePartTitles(def)).toMatchObject({
      basicInfo: '一、部门基本情况 · （一）部门概况',
      budget: '一、部门基本情况 · （二）部门收支预决算情况',
      selfEvaluation: '二、自评工作开展情况',
      conclusion: '四、评价结论和评价等级',
      scoreTable: '部门整体支出绩效自评表',
    });
    const eight = BUILTIN_TEMPLATES[1].definition;
    expect(templateParts(eight).slice(0, 4)).toEqual(['header', 'basicInfo', 'goals', 'budget']);
    expect(templatePartTitles(eight).goals).toBe('第二部分 部门整体支出绩效目标');
    def.outline = def.outline.filter((n) => n.title !== '存在的问题及改进措施');
    expect(omittedParts(def)).toEqual(['problems']);
  });

  it('expands the title pattern', () => {
    expect(
      expandTitle('{部门}{年度}年度部门整体支出绩效自评报告', { departmentName: '赵县总工会', fiscalYear: 2025 }),
    ).toBe('赵县总工会2025年度部门整体支出绩效自评报告');
  });

  describe('validation names the field of every problem', () => {
    it('weights that do not total 100', () => {
      const def = hebei();
      def.framework.executionWeight = '20';
      expect(problemsOf(def)).toEqual([
        {
          path: 'framework.level1',
          message:
            '各一级指标与预算执行率的分值合计 110 分（预算执行率 20 + 产出指标 50 + 效益指标 30 + 满意度指标 10），应为 100 分',
        },
      ]);
    });

    it('a 一级 indicator twice, a required 二级 twice', () => {
      const def = hebei();
      def.framework.level1[2] = { name: '效益指标', weight: '10', requiredLevel2: ['A', 'A'] };
      expect(problemsOf(def).map((p) => p.path)).toEqual([
        'framework.level1.2.name',
        'framework.level1.2.requiredLevel2',
      ]);
    });

    it('a section twice, an unknown section, a required section missing, a heading with nothing under it', () => {
      const def = hebei();
      def.outline[4].sections = ['budget', 'no.such'];
      def.outline[3] = { title: '空标题', sections: [], children: [] };
      expect(problemsOf(def)).toEqual([
        { path: 'outline.3.sections', message: '标题「空标题」下没有内容' },
        { path: 'outline.4.sections.0', message: expect.stringContaining('重复引用') },
        { path: 'outline.4.sections.1', message: '未知的内容块「no.such」' },
        { path: 'outline', message: '缺少必备的内容块「评价结论和评价等级」' },
      ]);
    });

    it('a fourth level of headings', () => {
      const def = hebei();
      def.outline[0].children[0].children[0].children = [{ title: '第四级', sections: ['goals'], children: [] }];
      def.outline[0].children[2].sections = [];
      def.outline[0].children[2].children = [];
      expect(problemsOf(def).map((p) => p.message)).toContain('标题最多三级');
    });

    it('problems’ lead-ins under a heading that also has sub-headings', () => {
      const def = hebei();
      def.outline[4].children = [{ title: '其他', sections: ['team'], children: [] }];
      def.outline[5].sections = [];
      def.outline.splice(5, 1);
      expect(problemsOf(def)).toEqual([
        {
          path: 'outline.4.children',
          message: '标题「存在的问题及改进措施」下有「存在的问题」「改进措施」时不能再设下级标题',
        },
      ]);
    });

    it('a project template moves no block', () => {
      const def = structuredClone(defaultTemplate('project'));
      def.outline = [def.outline[1], def.outline[0], ...def.outline.slice(2)];
      expect(problemsOf(def)).toEqual([{ path: 'outline', message: expect.stringContaining('顺序固定') }]);
      const renamed = structuredClone(defaultTemplate('project'));
      renamed.outline[0].title = '一、项目概况';
      renamed.outline = renamed.outline.filter((n) => !n.sections.includes('objectives'));
      expect(problemsOf(renamed)).toEqual([]);
    });

    it('unknown rules, parameters out of range, parameters on a rule without any', () => {
      const def = hebei();
      def.rules = {
        'no.rule': { enabled: false },
        'scoreTable.low-execution-explained': { enabled: true, params: { threshold: '0' } },
        'budget.lines-sum-to-total': { enabled: true, params: { x: 1 } },
        'lint.benefit-not-output': { enabled: true, params: { countUnits: [] } },
      };
      expect(problemsOf(def)).toEqual([
        { path: 'rules.no.rule', message: '未知的规则「no.rule」' },
        { path: 'rules.scoreTable.low-execution-explained.params.threshold', message: '应在 0–100 之间' },
        { path: 'rules.budget.lines-sum-to-total.params', message: expect.stringContaining('没有参数') },
        { path: 'rules.lint.benefit-not-output.params.countUnits', message: '至少一个单位' },
      ]);
    });

    it('caps, deviation bands and qualitative grades that contradict themselves', () => {
      const def = hebei();
      def.scoring = {
        totalCaps: [
          { rateBelow: '80', maxTotal: '79' },
          { rateBelow: '70', maxTotal: '89' },
        ],
        quantitative: 'deviationBands',
        deviationBands: [
          { upTo: '20', deduct: '30' },
          { upTo: '10', deduct: '10' },
        ],
        qualitative: [
          { label: '达成', minShare: '100', maxShare: '90' },
          { label: '达成', minShare: '0', maxShare: '10' },
        ],
      };
      expect(problemsOf(def).map((p) => p.path)).toEqual([
        'scoring.totalCaps.1.maxTotal',
        'scoring.deviationBands.1.upTo',
        'scoring.deviationBands.1.deduct',
        'scoring.qualitative.0.minShare',
        'scoring.qualitative.1.label',
      ]);
    });

    it('unknown title placeholders; {项目名称} only in a project template', () => {
      const def = hebei();
      def.document.titlePattern = '{部门}{项目名称}{单位}';
      expect(problemsOf(def)).toEqual([
        { path: 'document.titlePattern', message: '标题格式中的 {项目名称}、{单位} 无法识别，可用：{部门}、{年度}' },
      ]);
    });

    it('grade bands of its own must cover 0–100', () => {
      const def = hebei();
      def.gradeBands = [
        { grade: 'excellent', label: '优秀', min: '90' },
        { grade: 'good', label: '良好', min: '95' },
        { grade: 'fair', label: '合格', min: '60' },
        { grade: 'poor', label: '不合格', min: '0' },
      ];
      expect(problemsOf(def)).toEqual([{ path: 'gradeBands', message: '「优秀」的下限应高于「良好」' }]);
    });

    it('the shape: a JSON number for a score, a missing field', () => {
      const def = hebei() as unknown as Record<string, unknown>;
      (def['framework'] as Record<string, unknown>)['executionWeight'] = 10;
      delete def['numbering'];
      expect(
        problemsOf(def)
          .map((p) => p.path)
          .sort(),
      ).toEqual(['framework.executionWeight', 'numbering']);
    });
  });
});
