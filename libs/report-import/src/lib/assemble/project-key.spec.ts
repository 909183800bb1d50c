import { defaultTemplate, type ProjectReportContent } from '@evalflow/domain';
import { doc } from './doc.spec-helper';
import { importReport } from './import-report';

describe('a project’s table that prints no 项目编码, imported with no project given', () => {
  const r = importReport({
    document: doc('docx', [
      ['项目名称', '办公楼暖通改造经费', '', '', '', '', '', ''],
      ['主管部门', '某市发改委', '', '', '', '', '', ''],
      ['实施单位', '某市食品学校', '', '', '', '', '', ''],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', '43.2', '43.2', '37.24', '10', '86%', '9'],
    ]),
    kind: 'project',
    template: defaultTemplate('project'),
    fiscalYear: 2019,
    departmentName: '某市食品学校',
  });
  const info = (r.content as ProjectReportContent).projectInfo;

  it('keeps the name and the units read, the code left for the clerk and listed', () => {
    expect(info).toMatchObject({
      name: '办公楼暖通改造经费',
      code: '',
      supervisingDepartment: '某市发改委',
      implementingUnit: '某市食品学校',
    });
    expect(r.filledParts).toContain('projectInfo');
    expect(r.unplaced).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ excerpt: 'projectInfo.code', reason: expect.stringContaining('请补填') }),
      ]),
    );
  });
});
