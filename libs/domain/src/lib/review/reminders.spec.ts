import { exportNames } from '../exports/exports';
import { checkMutated } from '../report/fixture.spec-helper';
import { remainingWork } from '../report/rules/index';
import { nextReminderAllowedAt, reminderMessage, reminderWait, REMINDER_INTERVAL_HOURS } from './reminders';

describe('催报', () => {
  const sent = new Date('2025-05-02T08:00:00Z');

  it('allows the next reminder of a department and year 24 hours after the last, and says how long to wait', () => {
    expect(REMINDER_INTERVAL_HOURS).toBe(24);
    expect(nextReminderAllowedAt(null)).toBeNull();
    expect(nextReminderAllowedAt(sent)?.toISOString()).toBe('2025-05-03T08:00:00.000Z');
    expect(reminderWait(null, sent)).toBe(0);
    expect(reminderWait(sent, new Date('2025-05-03T07:59:59.500Z'))).toBe(1);
    expect(reminderWait(sent, new Date('2025-05-03T08:00:00Z'))).toBe(0);
    expect(reminderWait(sent, new Date('2025-05-02T09:00:00Z'))).toBe(23 * 3600);
  });

  it('names the year, the passed deadline in Chinese and who urged', () => {
    expect(
      reminderMessage({ fiscalYear: 2024, dueOn: '2025-04-30', departmentName: '赵县总工会', senderName: '王审核' }),
    ).toEqual({
      title: '催报：2024年度绩效自评报告已于2025年4月30日截止',
      body: '赵县总工会的2024年度部门整体支出绩效自评报告尚未提交，请尽快完成填报并提交。（王审核 催报）',
    });
  });
});

describe('the approved PDFs bundle', () => {
  it('is a .zip named after the county and the year', () => {
    expect(exportNames('approved_pdfs', { fiscalYear: 2024 }, '赵县')).toEqual({
      title: '赵县 2024 年度已审核通过的自评报告（PDF）',
      fileName: '赵县-2024-已审核通过报告PDF.zip',
      asciiFileName: 'evalflow-approved-pdfs-2024.zip',
    });
  });
});

describe('what a report still lacks', () => {
  it('counts empty required fields apart from the other errors', () => {
    const complete = remainingWork(checkMutated(() => undefined));
    expect(complete).toEqual({ missing: 0, errors: 0, warnings: complete.warnings });
    const lacking = checkMutated((c) => {
      c.header.policyTitle = '';
      c.basicInfo.functions = [];
    });
    const work = remainingWork(lacking);
    expect(work.missing).toBeGreaterThan(0);
    expect(work.missing + work.errors).toBe(lacking.errors);
    expect(work.warnings).toBe(lacking.warnings);
  });
});
