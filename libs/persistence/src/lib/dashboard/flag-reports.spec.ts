import { flagIndicatorOf, flagReportOf } from './flag-reports';

describe('an indicator row as the inflation rules read it', () => {
  it('keeps the fields as PostgreSQL ->> reads them: strings as they are, numbers as text, absent as empty or null', () => {
    expect(
      flagIndicatorOf(
        { level3: ' 资金到位率 ', nature: 'quantitative', target: '100%', actual: 100, weight: 10, score: '10', x: 1 },
        {
          资金到位率: 2,
        },
      ),
    ).toEqual({
      level3: ' 资金到位率 ',
      nature: 'quantitative',
      target: '100%',
      actual: '100',
      weight: '10',
      score: '10',
      evidence: '',
      evidenceFiles: 2,
    });
    expect(flagIndicatorOf({}, null)).toEqual({
      level3: '',
      nature: 'qualitative',
      target: '',
      actual: '',
      weight: null,
      score: null,
      evidence: '',
      evidenceFiles: 0,
    });
    // a row that is not an object reads as an empty row, as ->> on it gives NULL
    expect(flagIndicatorOf('资金到位率', { 资金到位率: 1 }).level3).toBe('');
  });

  it('cuts the evidence text to its first 100 characters, counting characters, not UTF-16 units', () => {
    const evidence = '𠮷'.repeat(150);
    expect(flagIndicatorOf({ level3: 'a', evidence }, null).evidence).toBe('𠮷'.repeat(100));
  });

  it('matches files to a row by its name trimmed of spaces only, as the files were filed', () => {
    expect(flagIndicatorOf({ level3: '\t满意度' }, { 满意度: 1, '\t满意度': 3 }).evidenceFiles).toBe(3);
  });

  it('reads a report without a score table as one without rows', () => {
    const summary = { departmentId: 'd', fiscalYear: 2024, totalScore: '90', executionRate: null, reScore: null };
    expect(flagReportOf({ ...summary, indicators: null, evidenceFiles: null })).toEqual({ ...summary, indicators: [] });
  });
});
