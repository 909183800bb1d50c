import { cleanFileName } from '@evalflow/domain';
import { decodeBase64, sniffEvidence } from './evidence';

describe('evidence files', () => {
  it('are typed by their first bytes, never by their name', () => {
    expect(sniffEvidence(Buffer.from('%PDF-1.7\n'))?.contentType).toBe('application/pdf');
    expect(sniffEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.contentType).toBe('image/jpeg');
    expect(sniffEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType).toBe(
      'image/png',
    );
    expect(sniffEvidence(Buffer.from('PK\x03\x04 a zip named .pdf'))).toBeNull();
    expect(sniffEvidence(Buffer.from('%PD'))).toBeNull();
  });

  it('refuses what is not base64, and what is too large before decoding it', () => {
    expect(decodeBase64('aGVsbG8=', 10)).toEqual(Buffer.from('hello'));
    expect(decodeBase64('not base64!', 10)).toBeNull();
    expect(decodeBase64('', 10)).toBeNull();
    expect(decodeBase64('A'.repeat(400), 100)).toBe('too_large');
    expect(decodeBase64(Buffer.alloc(101).toString('base64'), 100)).toBe('too_large');
  });

  it('keep a display name without path or control characters', () => {
    expect(cleanFileName('C:\\docs\\..\\整改报告.pdf')).toBe('整改报告.pdf');
    expect(cleanFileName('a\u0000b\nc.png')).toBe('abc.png');
  });
});
