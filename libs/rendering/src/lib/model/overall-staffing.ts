import { authorizedHeadcount, yearEndHeadcount, type BasicInfoPart, type StaffCategory } from '@evalflow/domain';
import { BLANK, orBlank } from './chinese';

type Staffing = BasicInfoPart['staffing'];

/**
 * 人员情况 as reports write it. One category without 编制数 reads as the sample does:
 * 「截至2024年年底，我单位实有行政人员4人，与2023年相比较减少1人。」 With 编制数 or several categories, the
 * totals come first and the categories follow: 「…我单位编制数14人、实有人数13人，其中事业人员编制12人、
 * 实有12人，工勤人员编制2人、实有1人，与2023年相比较增加1人。」
 */
export function staffingSentence(s: Staffing, fiscalYear: number): string {
  const total = yearEndHeadcount(s);
  let text = `截至${orBlank(s.asOf)}，我单位${headcounts(s)}`;
  if (total !== null && s.previousHeadcount !== null) {
    const change = total - s.previousHeadcount;
    text +=
      change === 0
        ? `，与${fiscalYear - 1}年持平`
        : `，与${fiscalYear - 1}年相比较${change < 0 ? '减少' : '增加'}${Math.abs(change)}人`;
  }
  text += '。';
  const reason = s.changeReason.trim();
  if (reason) text += `变动原因：${reason}${/[。！？]$/.test(reason) ? '' : '。'}`;
  return text;
}

function headcounts(s: Staffing): string {
  const categories = s.categories;
  if (categories.length === 0) return `实有${BLANK}人`;
  if (categories.length === 1) {
    const [only] = categories;
    const name = only.category.trim();
    return only.authorized === null
      ? `实有${name}${orBlank(only.actual)}人`
      : `${name}编制数${only.authorized}人、实有人数${orBlank(only.actual)}人`;
  }
  const authorized = authorizedHeadcount(s);
  const totals =
    authorized === null
      ? `实有人数${orBlank(yearEndHeadcount(s))}人`
      : `编制数${authorized}人、实有人数${orBlank(yearEndHeadcount(s))}人`;
  // 「、」 between short items; 「，」 once an item has its own 「、」
  const separator = categories.some((c) => c.authorized !== null) ? '，' : '、';
  return `${totals}，其中${categories.map(categoryPhrase).join(separator)}`;
}

function categoryPhrase(c: StaffCategory): string {
  const name = c.category.trim();
  return c.authorized === null
    ? `${name}${orBlank(c.actual)}人`
    : `${name}编制${c.authorized}人、实有${orBlank(c.actual)}人`;
}
