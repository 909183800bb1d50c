/**
 * Full-width digits and signs mapped to their ASCII forms, one UTF-16 unit for one, so that every
 * offset found in the normalised text is the same offset in the original.
 */
const MAP: Record<string, string> = {
  '．': '.',
  '，': ',',
  '％': '%',
  '－': '-',
  '−': '-',
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '｛': '{',
  '｝': '}',
  '／': '/',
  '\u3000': ' ',
  '\u00a0': ' ',
};

export function normalizeWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else out += MAP[ch] ?? ch;
  }
  return out;
}

/** A decimal without separators: strips the thousands separators (already ASCII after normalizeWidth). */
export function stripSeparators(digits: string): string {
  return digits.replace(/,/g, '');
}
