import { bundleEntryName } from './approved-pdfs.export';

describe("a PDF's name in the bundle", () => {
  const pdf = {
    reportId: 'r',
    departmentName: '赵县总工会',
    kind: 'project' as const,
    projectCode: 'A1',
    projectName: '困难职工帮扶',
    storageKey: 'k',
    sizeBytes: 1,
  };

  it('is the name the report’s own PDF downloads under, numbered when a second report would take it', () => {
    const taken = new Set<string>();
    expect(bundleEntryName(pdf, 2024, taken)).toBe('赵县总工会2024年度困难职工帮扶项目支出绩效自评表.pdf');
    expect(bundleEntryName({ ...pdf, projectCode: 'A2' }, 2024, taken)).toBe(
      '赵县总工会2024年度困难职工帮扶项目支出绩效自评表-2.pdf',
    );
    expect(bundleEntryName({ ...pdf, kind: 'department_overall', projectName: null }, 2024, taken)).toBe(
      '赵县总工会2024年度整体支出绩效自评报告.pdf',
    );
    expect(bundleEntryName({ ...pdf, departmentName: 'a/b:c' }, 2024, taken)).toBe(
      'a_b_c2024年度困难职工帮扶项目支出绩效自评表.pdf',
    );
  });
});
