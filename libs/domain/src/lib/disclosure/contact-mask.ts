/**
 * Personal contact data in free text, masked for the public version of a report: the label stays, so a
 * reader sees something was there (「联系电话：（已隐去）」).
 */
export const MASKED = '（已隐去）';

/** 联系人：张三 / 联系电话: 0311-1234567 / 手机 138… / 邮箱：a@b.cn — the label and what follows up to a separator. */
const CONTACT_LINE =
  /(联系人|联系电话|联系方式|电话|手机|邮箱|电子邮箱|电子邮件|传真|E-?mail)(\s*[:：]\s*)[^，,。；;、\n）)]+/gi;
/** e-mail addresses */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** mainland mobile numbers (11 digits from 13–19), optionally +86 and spaced or hyphenated 3-4-4 */
const MOBILE = /(?<![0-9])(?:\+?86[-\s]?)?1[3-9][0-9](?:[-\s]?[0-9]{4}){2}(?![0-9])/g;
/** landlines with an area code: 0311-8888888, (0311)88888888, 0311 8888 8888 */
const LANDLINE = /(?<![0-9])(?:\(0[0-9]{2,3}\)|（0[0-9]{2,3}）|0[0-9]{2,3}[-\s])[0-9]{3,4}[-\s]?[0-9]{4}(?![0-9])/g;

export function maskContactText(text: string): string {
  return text
    .replace(CONTACT_LINE, (_m, label: string, sep: string) => `${label}${sep}${MASKED}`)
    .replace(EMAIL, MASKED)
    .replace(MOBILE, MASKED)
    .replace(LANDLINE, MASKED);
}
