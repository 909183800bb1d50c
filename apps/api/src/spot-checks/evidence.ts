/**
 * Evidence files of a 整改 answer: PDF, JPEG or PNG only, judged by their first bytes (magic numbers),
 * never by the name or the declared type; at most EVIDENCE_MAX_BYTES.
 */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

export type EvidenceType = { contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; extension: string };

const SIGNATURES: Array<{ bytes: number[]; type: EvidenceType }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { contentType: 'application/pdf', extension: 'pdf' } }, // %PDF-
  { bytes: [0xff, 0xd8, 0xff], type: { contentType: 'image/jpeg', extension: 'jpg' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { contentType: 'image/png', extension: 'png' } },
];

export function sniffEvidence(data: Buffer): EvidenceType | null {
  const match = SIGNATURES.find((s) => data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b));
  return match?.type ?? null;
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

/** A file name kept for display: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
}
