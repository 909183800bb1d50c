import { EVIDENCE_KIND_INFO } from '@evalflow/domain';
import { SNIFF_HEAD_BYTES, sniffHead } from '../evidence/inspection/sniff';

/**
 * Evidence files of a 整改 answer: PDF, JPEG or PNG only, judged by their first bytes (magic numbers),
 * never by the name or the declared type; at most EVIDENCE_MAX_BYTES.
 */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

export type EvidenceType = { contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; extension: string };

/** PDF, JPEG or PNG by the first bytes (the same sniffing as 佐证材料 of a report), else null. */
export function sniffEvidence(data: Buffer): EvidenceType | null {
  const kind = sniffHead(data.subarray(0, SNIFF_HEAD_BYTES));
  if (kind !== 'pdf' && kind !== 'jpeg' && kind !== 'png') return null;
  const info = EVIDENCE_KIND_INFO[kind];
  return { contentType: info.contentType as EvidenceType['contentType'], extension: info.extensions[0].slice(1) };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded bytes, or null when the text is not base64; the length is checked before decoding. */
export function decodeBase64(text: string, maxBytes: number): Buffer | 'too_large' | null {
  const compact = text.replace(/\s+/g, '');
  if (Math.floor((compact.length * 3) / 4) > maxBytes + 3) return 'too_large';
  if (!compact.length || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  const data = Buffer.from(compact, 'base64');
  return data.length > maxBytes ? 'too_large' : data;
}
