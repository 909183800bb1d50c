import type { BasicInfoPart, StaffCategory } from '@evalflow/domain';
import { RICH_STAFFING } from '../../test/rich-overall';
import { BLANK } from './chinese';
import { staffingSentence } from './overall-staffing';

const staffing = (
  categories: StaffCategory[],
  previousHeadcount: number | null = null,
  changeReason = '',
): BasicInfoPart['staffing'] => ({ asOf: '2024年年底', categories, previousHeadcount, changeReason });
const category = (name: string, authorized: number | null, actual: number | null): StaffCategory => ({
  category: name,
  authorized,
  actual,
});

describe('人员情况', () => {
  it('writes one category without 编制数 as the sample does', () => {
    expect(staffingSentence(staffing([category('行政人员', null, 4)], 5), 2024)).toBe(
      '截至2024年年底，我单位实有行政人员4人，与2023年相比较减少1人。',
    );
  });

  it('leads with 编制数 and 实有人数 when the categories state 编制数, then each category', () => {
    const s = staffing([category('事业人员', 12, 12), category('工勤人员', 2, 1)], 12);
    expect(staffingSentence(s, 2024)).toBe(RICH_STAFFING);
  });

  it('writes several categories without 编制数 as the total and its parts', () => {
    const s = staffing([category('行政人员', null, 4), category('事业人员', null, 9)], 13);
    expect(staffingSentence(s, 2024)).toBe(
      '截至2024年年底，我单位实有人数13人，其中行政人员4人、事业人员9人，与2023年持平。',
    );
  });

  it('writes one category with 编制数 without a 「其中」', () => {
    expect(staffingSentence(staffing([category('行政人员', 5, 4)], 3), 2024)).toBe(
      '截至2024年年底，我单位行政人员编制数5人、实有人数4人，与2023年相比较增加1人。',
    );
  });

  it('gives no total 编制数 when a category lacks it, but keeps the categories’ own', () => {
    const s = staffing([category('事业人员', 12, 12), category('工勤人员', null, 1)], null, '调入1人');
    expect(staffingSentence(s, 2024)).toBe(
      '截至2024年年底，我单位实有人数13人，其中事业人员编制12人、实有12人，工勤人员1人。变动原因：调入1人。',
    );
  });

  it('marks a missing 实有人数 and then states no change', () => {
    const s = staffing([category('事业人员', 12, null), category('工勤人员', 2, 1)], 12);
    expect(staffingSentence(s, 2024)).toBe(
      `截至2024年年底，我单位编制数14人、实有人数${BLANK}人，其中事业人员编制12人、实有${BLANK}人，工勤人员编制2人、实有1人。`,
    );
    expect(staffingSentence(staffing([], 4), 2024)).toBe(`截至2024年年底，我单位实有${BLANK}人。`);
  });
});
