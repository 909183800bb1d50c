import { defaultTemplate, type OverallReportContent } from '@evalflow/domain';
import { doc } from './doc.spec-helper';
import { readDepartmentLabel, readTitleName } from './department-name';
import { importReport } from './import-report';
import { readHeadcountSentence } from './prose';
import type { SourceDocument } from '../source-document';

const importOverall = (document: SourceDocument) =>
  importReport({
    document,
    kind: 'department_overall',
    template: defaultTemplate('department_overall'),
    fiscalYear: 2024,
    departmentName: '',
  });

describe('a headcount stated in a sentence, an unnamed category', () => {
  it('reads 编制数 and 实有人数 in their several wordings, spaces a PDF left between digits and units', () => {
    const pdf = '我局实有编制数 63 人,2021 年末在职人数 57 人、离 退休人数 94 人。';
    expect(readHeadcountSentence(pdf)).toEqual({
      authorized: { value: 63, start: pdf.indexOf('63'), end: pdf.indexOf('63') + 2 },
      actual: { value: 57, start: pdf.indexOf('57'), end: pdf.indexOf('57') + 2 },
    });
    const prose = '无下属二级预算单位；机构编制部门核定人数96人、年末在职人数86人、离退休人数48人。';
    expect(readHeadcountSentence(prose)).toMatchObject({ authorized: { value: 96 }, actual: { value: 86 } });
    // a line break inside a label, as a PDF's text leaves it
    expect(readHeadcountSentence('核定编制 20 人，在职 人数 18 人')).toMatchObject({
      authorized: { value: 20 },
      actual: { value: 18 },
    });
  });

  it('takes nothing when only one count is stated, or a count of something else', () => {
    expect(readHeadcountSentence('年末在职人数86人。')).toBeNull();
    expect(readHeadcountSentence('离退休人数48人、外聘临时工人数18人。')).toBeNull();
  });

  it('fills the staffing from it and never takes the paragraph as a function', () => {
    const r = importOverall(
      doc(
        'txt',
        '某镇2024年度部门整体支出绩效自评报告',
        '一、部门基本情况',
        '（一）部门职能',
        '机构编制部门核定人数96人、年末在职人数86人、离退休人数48人。',
        '负责本镇经济建设和社会事务管理。',
      ),
    );
    const c = r.content as OverallReportContent;
    expect(c.basicInfo.staffing.categories).toEqual([{ category: '', authorized: 96, actual: 86 }]);
    expect(c.basicInfo.functions).toEqual(['负责本镇经济建设和社会事务管理。']);
    expect(r.sources['basicInfo.staffing.categories.0.authorized']).toBeDefined();
  });
});

describe('the department’s name in more places of a cover', () => {
  it('reads it after 评价单位 with a seal’s note, and after 填报单位', () => {
    const line = '评价单位(公章):徐闻县前山镇人民政府';
    expect(readDepartmentLabel(line)).toEqual({ value: '徐闻县前山镇人民政府', start: 9, end: line.length });
    expect(readDepartmentLabel('填报单位（盖章）：某县水务局')?.value).toBe('某县水务局');
    expect(readDepartmentLabel('评价单位(公章):2024年')).toBeNull();
  });

  it('reads it between the title’s year and 整体支出, the 「部门」 and a PDF’s spaces left out', () => {
    expect(readTitleName('2021年茂名市发展和改革局部门整体支出绩效自评报告.pdf')?.value).toBe('茂名市发展和改革局');
    expect(readTitleName('2021 年茂名市发展和 改革局整体支出 绩效自评报告')?.value).toBe('茂名市发展和改革局');
    // a place alone, or report words, are no department
    expect(readTitleName('2018年度岳阳市整体支出绩效自评报告')).toBeNull();
    expect(readTitleName('2024年度部门整体支出绩效自评报告')).toBeNull();
  });

  it('fills the header from a title given as a file’s name', () => {
    const r = importOverall(doc('txt', '2021年某市发展和改革局部门整体支出绩效自评报告.pdf', '一、部门基本情况'));
    const c = r.content as OverallReportContent;
    expect(c.header.departmentName).toBe('某市发展和改革局');
    expect(c.header.title).toBe('2021年某市发展和改革局部门整体支出绩效自评报告');
  });
});
