import fc from 'fast-check';
import { validateContent } from '../validation';
import { validReport } from '../fixture.spec-helper';
import { SchemaVersionError, upcastFieldPath, upcastPart, upcastStoredContent } from './index';
import type { OverallV1BasicInfo, OverallV1Budget } from './overall-v1';

/** Every leaf of a JSON value as [dotted path, value]. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, path ? `${path}.${i}` : String(i)));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

const moneyArb = fc.option(
  fc.tuple(fc.nat(99_999), fc.nat(9999)).map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`),
  { nil: null },
);
const textArb = fc.string({ maxLength: 12 });
const countArb = fc.option(fc.nat(500), { nil: null });

const v1BasicInfoArb: fc.Arbitrary<OverallV1BasicInfo> = fc.record({
  functions: fc.array(textArb, { maxLength: 3 }),
  orgUnits: fc.array(fc.record({ name: textArb, nature: textArb, level: textArb, fundingForm: textArb }), {
    maxLength: 3,
  }),
  staffing: fc.record({
    category: textArb,
    asOf: textArb,
    headcount: countArb,
    previousHeadcount: countArb,
    changeReason: textArb,
  }),
  assets: fc.constant(validReport().basicInfo.assets),
});

const v1BudgetArb: fc.Arbitrary<OverallV1Budget> = fc.record({
  projectBudgetTotal: moneyArb,
  lines: fc.array(fc.record({ name: textArb, amount: moneyArb.map((m) => m ?? '0'), documentNumber: textArb }), {
    maxLength: 5,
  }),
  projectSpent: moneyArb,
});

/** Leaves that carry a fact: an empty text or a null is no fact to lose. */
/** Values that say something: a blank text (an empty staff row's category) is no fact, and v2 does not keep its row. */
const facts = (value: unknown) =>
  leaves(value).filter(([, v]) => v !== null && !(typeof v === 'string' && v.trim() === ''));

describe('upcast of stored 部门整体 content, schema v1 → v2', () => {
  it('keeps every fact of a v1 part, at its own path or where v2 moved it (property)', () => {
    fc.assert(
      fc.property(v1BasicInfoArb, v1BudgetArb, (basicInfo, budget) => {
        for (const [part, v1] of [
          ['basicInfo', basicInfo],
          ['budget', budget],
        ] as const) {
          const v2 = upcastPart('department_overall', 1, part, structuredClone(v1));
          for (const [path, value] of facts(v1)) {
            const moved = upcastFieldPath('department_overall', 1, `${part}.${path}`).slice(part.length + 1);
            expect({ path, value: at(v2, moved) }).toEqual({ path, value });
          }
        }
      }),
    );
  });

  it('gives a shape v2 accepts, and v2 adds nothing that is not empty', () => {
    fc.assert(
      fc.property(v1BasicInfoArb, v1BudgetArb, (basicInfo, budget) => {
        const v1 = { ...stripV2(validReport()), schemaVersion: 1, basicInfo, budget };
        const v2 = upcastStoredContent('department_overall', 1, v1);
        const checked = validateContent(v2);
        expect(checked.ok ? [] : checked.problems).toEqual([]);
        // every fact in v2's budget came from v1
        expect(facts((v2 as { budget?: unknown }).budget).length).toBe(facts(budget).length);
      }),
    );
  });

  it('moves comment anchors with their field; others stay', () => {
    expect(upcastFieldPath('department_overall', 1, 'budget.projectBudgetTotal')).toBe(
      'budget.expenditure.project.budget',
    );
    expect(upcastFieldPath('department_overall', 1, 'budget.projectSpent')).toBe('budget.expenditure.project.actual');
    expect(upcastFieldPath('department_overall', 1, 'basicInfo.staffing.headcount')).toBe(
      'basicInfo.staffing.categories.0.actual',
    );
    expect(upcastFieldPath('department_overall', 1, 'budget.lines.2.amount')).toBe('budget.lines.2.amount');
    expect(upcastFieldPath('department_overall', 2, 'budget.projectSpent')).toBe('budget.projectSpent');
  });

  it('leaves current content as it is, and refuses versions it cannot read', () => {
    const current = validReport();
    expect(upcastPart('department_overall', 2, 'budget', current.budget)).toBe(current.budget);
    expect(() => upcastPart('department_overall', 3, 'budget', {})).toThrow(SchemaVersionError);
    expect(() => upcastPart('department_overall', 0, 'budget', {})).toThrow(SchemaVersionError);
    expect(() => upcastPart('project', 2, 'projectInfo', {})).toThrow(SchemaVersionError);
  });
});

/** A v2 content without what v1 did not have, to stand in for v1's other (unchanged) parts. */
function stripV2(content: ReturnType<typeof validReport>): Record<string, unknown> {
  const { kind: _kind, schemaVersion: _version, ...parts } = content;
  return parts;
}
