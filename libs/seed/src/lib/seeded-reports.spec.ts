import { DEFAULT_GRADE_BANDS, runChecks, upcastStoredContent, validateContent } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024, zhaoxianUnion2023 } from '@evalflow/samples';
import { ZHAOXIAN_UNION_STORED_V1 } from '@evalflow/samples/testing';
import { DEMO_TENANTS, HEBEI_GRADE_BANDS } from './demo-data';

/** Every seeded report, with its county, department and year, and the rules' errors on it. */
const seeded = DEMO_TENANTS.flatMap((tenant) =>
  (tenant.reports ?? []).map((r) => {
    const content = r.content();
    const name = content.kind === 'project' ? content.projectInfo.name : '部门整体';
    return {
      label: `${tenant.name} ${r.departmentKey} ${r.fiscalYear} ${name}`,
      content,
      fiscalYear: r.fiscalYear,
      tenant,
    };
  }),
);

describe('the seeded reports', () => {
  it.each(seeded.map((s) => [s.label, s] as const))('%s has the shape its kind’s schema requires', (_, s) => {
    const checked = validateContent(s.content);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('pass every rule, except the one draft that is meant to show what is missing', () => {
    const failing = seeded.flatMap((s) => {
      const previous = seeded.find(
        (p) =>
          p.tenant === s.tenant &&
          p.fiscalYear === s.fiscalYear - 1 &&
          p.content.kind === s.content.kind &&
          s.content.kind === 'department_overall',
      );
      const summary = runChecks(s.content, {
        fiscalYear: s.fiscalYear,
        gradeBands: s.tenant.gradeBands ?? DEFAULT_GRADE_BANDS,
        previousYear: previous ? { fiscalYear: previous.fiscalYear, content: previous.content } : null,
      });
      return summary.results
        .filter((r) => !r.passed)
        .flatMap((r) => r.findings.map((f) => `${s.label}: ${r.severity} ${r.ruleId} ${f.path}`));
    });
    // 赵县总工会's city fund table is still being filled in: one indicator not measured, no 总分 yet
    expect(failing.sort()).toEqual(
      [
        '赵县 union 2024 2024年市级困难职工及劳模帮扶救助专项资金: error report.required-fields objectives.items.0.actual',
        '赵县 union 2024 2024年市级困难职工及劳模帮扶救助专项资金: error report.required-fields scoreTable.indicators.2.actual',
        '赵县 union 2024 2024年市级困难职工及劳模帮扶救助专项资金: error report.required-fields scoreTable.indicators.2.score',
        '赵县 union 2024 2024年市级困难职工及劳模帮扶救助专项资金: error report.required-fields conclusion.totalScore',
        '赵县 union 2024 2024年市级困难职工及劳模帮扶救助专项资金: error report.required-fields conclusion.grade',
      ].sort(),
    );
  });
});

describe('the sample as schema version 1 stored it', () => {
  it('reads back, through the upcast, as exactly the version-2 sample: every fact kept, nothing added', () => {
    expect(upcastStoredContent('department_overall', 1, ZHAOXIAN_UNION_STORED_V1['2024'])).toEqual(ZHAOXIAN_UNION_2024);
  });

  it('keeps the figures of the 2023 record schema version 1 stored (an older, partial demo record)', () => {
    const v2 = upcastStoredContent('department_overall', 1, ZHAOXIAN_UNION_STORED_V1['2023']);
    const checked = validateContent(v2);
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.value.kind === 'department_overall' && checked.value.basicInfo).toEqual(
      zhaoxianUnion2023().basicInfo,
    );
  });

  it('is graded alike before and after: the sample still passes every rule against its 2023 report', () => {
    const current = upcastStoredContent('department_overall', 1, ZHAOXIAN_UNION_STORED_V1['2024']);
    const last = upcastStoredContent('department_overall', 1, ZHAOXIAN_UNION_STORED_V1['2023']);
    const checked = validateContent(current);
    expect(checked.ok).toBe(true);
    if (!checked.ok || !validateContent(last).ok) return;
    const summary = runChecks(checked.value, {
      fiscalYear: 2024,
      gradeBands: HEBEI_GRADE_BANDS,
      previousYear: { fiscalYear: 2023, content: zhaoxianUnion2023() },
    });
    expect(summary.errors + summary.warnings).toBe(0);
  });
});
