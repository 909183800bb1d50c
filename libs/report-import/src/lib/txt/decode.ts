import { ImportRefused } from '../import-refused';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Bytes of a .txt as text. UTF-8 when the bytes are valid UTF-8 (with or without a BOM), UTF-16 when a BOM
 * says so (Notepad's "Unicode"), else GB18030 (a superset of GBK and GB2312, what Chinese Windows saves).
 * Text with NUL characters is a binary file (an old .doc renamed, say), refused.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decoded = decode(bytes);
  if (decoded.text.includes('\u0000')) throw new ImportRefused('IMPORT_NOT_TEXT', 'NUL character');
  return decoded;
}

function decode(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: strict('gb18030', bytes), encoding: 'gb18030' };
  }
}

function strict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefused('IMPORT_NOT_TEXT', `not valid ${encoding}`);
  }
}
