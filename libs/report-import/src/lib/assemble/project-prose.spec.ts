import { defaultTemplate, type ProjectReportContent } from '@evalflow/domain';
import { doc } from './doc.spec-helper';
import { importReport } from './import-report';
import { readProjectGoal } from './prose';

describe('a project report in prose: its 年度总体目标 from a sentence', () => {
  it('reads what follows 绩效目标为 up to the sentence’s end, never a heading', () => {
    const s = '(二)某区水务局2022年衔接资金项目绩效目标为做好某村产业灌溉用水的工作。其他内容。';
    expect(readProjectGoal(s)).toEqual({
      value: '做好某村产业灌溉用水的工作',
      start: s.indexOf('做好'),
      end: s.indexOf('。'),
    });
    expect(readProjectGoal('一、绩效目标分解下达情况')).toBeNull();
  });

  it('fills the first objective’s 预期目标 when no table gave one', () => {
    const r = importReport({
      document: doc('txt', '一、绩效目标分解下达情况', '本项目绩效目标是完成50户危房改造。'),
      kind: 'project',
      template: defaultTemplate('project'),
      fiscalYear: 2022,
      departmentName: '某县住建局',
    });
    expect((r.content as ProjectReportContent).objectives.items[0].expected).toBe('完成50户危房改造');
    expect(r.sources['objectives.items.0.expected']).toMatchObject({ block: 1 });
  });
});
