import { defaultTemplate, type OverallReportContent } from '@evalflow/domain';
import { doc } from './doc.spec-helper';
import { isDepartmentName, readDepartmentLabel, readDepartmentLine, splitTitleLine } from './department-name';
import { importReport } from './import-report';
import type { SourceDocument } from '../source-document';

describe('the department’s name on a report’s cover', () => {
  it('is Chinese characters, not a report’s words nor a place alone', () => {
    expect(isDepartmentName('赵县总工会')).toBe(true);
    expect(isDepartmentName('中共寻甸回族彝族自治县委员会办公室')).toBe(true);
    expect(isDepartmentName('大英县司法局（本级）')).toBe(true);
    expect(isDepartmentName('岳阳市')).toBe(false);
    expect(isDepartmentName('绩效评价自评报告')).toBe(false);
    expect(isDepartmentName('附件4')).toBe(false);
    expect(isDepartmentName('（2024年度）')).toBe(false);
  });

  it('reads a line standing alone, the 「部门」 a cover adds left out, with its offsets as written', () => {
    expect(readDepartmentLine('赵县总工会部门')).toEqual({ value: '赵县总工会', start: 0, end: 5 });
    // letter-spaced by a PDF copy: the offsets cover the spaced text
    expect(readDepartmentLine(' 某 县 文 化 馆 部 门')).toEqual({ value: '某县文化馆', start: 1, end: 10 });
    expect(readDepartmentLine('某县文化馆')).toEqual({ value: '某县文化馆', start: 0, end: 5 });
    expect(readDepartmentLine('（征求意见稿）')).toBeNull();
  });

  it('reads the name after a 部门名称 label', () => {
    const raw = '部门(单位)名称:  岳阳市城市管理监督指挥中心';
    expect(readDepartmentLabel(raw)).toEqual({ value: '岳阳市城市管理监督指挥中心', start: 11, end: 24 });
    expect(readDepartmentLabel('单位名称：某县文化馆')).toMatchObject({ value: '某县文化馆', start: 5 });
    expect(readDepartmentLabel('预 算 编 码:   906017')).toBeNull();
    expect(readDepartmentLabel('部门名称：见附表1')).toBeNull();
  });

  it('splits a title line at its year: a name before it is the department’s, a place is not', () => {
    expect(splitTitleLine('中共寻甸回族彝族自治县委员会办公室 2023年部门整体支出绩效自评报告', '')).toEqual({
      department: { value: '中共寻甸回族彝族自治县委员会办公室', start: 0, end: 17 },
      named: true,
      titleStart: 18,
    });
    expect(splitTitleLine('2024 年度整体支出绩效自评报告', '某县文化馆')).toEqual({
      department: null,
      named: true,
      titleStart: 0,
    });
    expect(splitTitleLine('岳阳市2018年度部门整体支出绩效评价自评报告', '')).toMatchObject({
      department: null,
      named: false,
    });
    // the department’s own name, even one no cover rule would take, is its name
    expect(splitTitleLine('某县2024年度部门整体支出绩效自评报告', '某县')).toMatchObject({
      department: { value: '某县' },
      named: true,
    });
  });
});

describe('importReport fills header.departmentName from the cover, with its source', () => {
  const importOverall = (document: SourceDocument, departmentName = '某县文化馆') =>
    importReport({
      document,
      kind: 'department_overall',
      template: defaultTemplate('department_overall'),
      fiscalYear: 2024,
      departmentName,
    });
  const header = (r: ReturnType<typeof importOverall>) => (r.content as OverallReportContent).header;

  it('from the line above the title', () => {
    const r = importOverall(doc('txt', '附件 4', '某县文化馆部门', '2024 年度整体支出绩效自评报告', '一、部门职能'));
    expect(header(r)).toMatchObject({ departmentName: '某县文化馆', title: '2024年度整体支出绩效自评报告' });
    expect(r.sources['header.departmentName']).toEqual({ block: 1, start: 0, end: 5, text: '某县文化馆' });
    expect(r.unplaced.filter((u) => u.block < 3)).toEqual([]);
  });

  it('from before the title’s year, the title left without it', () => {
    const r = importOverall(doc('docx', '某县文化馆2024年度部门整体支出绩效自评报告', '一、部门职能'));
    expect(header(r)).toMatchObject({ departmentName: '某县文化馆', title: '2024年度部门整体支出绩效自评报告' });
    expect(r.sources['header.departmentName']).toMatchObject({ block: 0, start: 0, end: 5 });
    expect(r.sources['header.title']).toMatchObject({ block: 0, start: 5, text: '2024年度部门整体支出绩效自评报告' });
  });

  it('from a labelled line of the cover; a name other than the department’s own is taken as written and listed', () => {
    const r = importOverall(
      doc(
        'txt',
        '某市2024年度部门整体支出',
        '绩效评价自评报告',
        '部门(单位)名称:  某市城市管理监督指挥中心',
        '一、部门职能',
      ),
    );
    expect(header(r).departmentName).toBe('某市城市管理监督指挥中心');
    expect(r.sources['header.departmentName']).toMatchObject({ block: 2, start: 11, text: '某市城市管理监督指挥中心' });
    expect(r.unplaced).toContainEqual({
      block: 2,
      excerpt: '某市城市管理监督指挥中心',
      reason: '文件中的部门名称（某市城市管理监督指挥中心）与本部门名称（某县文化馆）不同，已按文件填写，请核对',
    });
  });

  it('leaves the department’s own name when the cover names none, and a title after a place alone unread', () => {
    const r = importOverall(doc('txt', '某市2024年度部门整体支出绩效自评报告', '一、部门职能'));
    expect(header(r).departmentName).toBe('某县文化馆');
    expect(r.sources['header.departmentName']).toBeUndefined();
    expect(r.unplaced).toContainEqual({
      block: 0,
      excerpt: '某市2024年度部门整体支出绩效自评报告',
      reason: '未能确定的标题',
    });
  });
});
