import type { ParseResult } from './figure';
import { normalizeWidth } from './normalize';

/**
 * Document numbers (发文字号): issuer, year in brackets, serial, 号 — 冀财行【2023】98号, 赵财〔2024〕12号,
 * 财预[2020]10号, 石工办字{2024}3 号. Written with any of the brackets people type; the value uses 〔〕,
 * the form the official standard prescribes.
 */
export const DOC_NUMBER_SOURCE = String.raw`([\u4e00-\u9fff]{1,12})\s*[[【〔({]\s*(\d{4})\s*[\]】〕)}]\s*(\d{1,5})\s*号`;

/** Issuer abbreviations are short (冀财行, 石工办字, 国办发); words before them end at these characters. */
const ISSUER_MAX = 6;
const BEFORE_ISSUER = /[的了和与及据照按关于会厅局府委省院县区在见为将对]/;

/** The issuer as written before the bracket, cut to the abbreviation itself. */
export function issuerOf(run: string): string {
  let issuer = run.slice(-ISSUER_MAX);
  for (let i = issuer.length - 2; i >= 0; i--) {
    if (BEFORE_ISSUER.test(issuer[i])) {
      issuer = issuer.slice(i + 1);
      break;
    }
  }
  return issuer;
}

export function toDocNumber(issuer: string, year: string, serial: string): ParseResult {
  return { ok: true, value: `${issuer}〔${year}〕${Number(serial)}号`, unit: '' };
}

const WHOLE = new RegExp(`^${DOC_NUMBER_SOURCE}$`);

/** 「冀财行【2023】98号」 → "冀财行〔2023〕98号". */
export function parseDocNumber(text: string): ParseResult {
  const match = WHOLE.exec(normalizeWidth(text).trim());
  if (!match || issuerOf(match[1]) !== match[1]) return { ok: false, problem: 'not_a_figure' };
  return toDocNumber(match[1], match[2], match[3]);
}
