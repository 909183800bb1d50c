import { chinaDate } from '../review/deadlines';

/**
 * 随决算公开: an approved report's public version, published by the finance bureau with the county's
 * 部门决算. Its document is an edition of its own (r<n>-public-<yyyymmdd>), so the same revision
 * published on the same day is one document, and a later re-publication carries its own date.
 */
export const PUBLIC_WATERMARK = '公开版';

/** The day (China Standard Time) a publication is made, YYYY-MM-DD. */
export function disclosureDay(at: Date): string {
  return chinaDate(at);
}

/** r3-public-20250801 */
export function publicEdition(revision: number, day: string): string {
  if (!Number.isInteger(revision) || revision < 1) throw new RangeError(`not a revision number: ${revision}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return `r${revision}-public-${day.replace(/-/g, '')}`;
}

/** The line on every page of the public PDF: 公开版 · 随决算公开 · 2025年8月1日 */
export function disclosureNotice(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return `${PUBLIC_WATERMARK} · 随决算公开 · ${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** What the confirmation before publishing says the public version leaves out. */
export const PUBLIC_VERSION_OMITS = [
  '审核意见及其回复、修改记录、财政复核评分',
  '评价工作组成员姓名（保留单位、职务、职称）',
  '项目自评表的填表人、联系电话、单位负责人、财务负责人',
  '正文中的电话号码、手机号码、电子邮箱和联系人信息',
  '各指标的佐证材料、审核人姓名',
] as const;

/** A county's public identifier: its 6-digit 行政区划代码 (tenants.region_code). */
export const COUNTY_CODE_PATTERN = /^[0-9]{6}$/;

export const PUBLICATION_WITHDRAWN_ON_REOPEN = '报告已重新打开，自动撤销公开';
