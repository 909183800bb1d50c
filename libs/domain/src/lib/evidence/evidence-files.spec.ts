import { cleanFileName, evidenceKindOfName, formatFileSize } from './evidence-files';

describe('evidence file names', () => {
  it('keep the last path segment, without controls or direction overrides, in NFC', () => {
    expect(cleanFileName('C:\\docs\\..\\整改报告.pdf')).toBe('整改报告.pdf');
    expect(cleanFileName('../../etc/考核表.xlsx')).toBe('考核表.xlsx');
    expect(cleanFileName('a\u0000b\nc.png')).toBe('abc.png');
    // "invoice‮fdp.exe" shows as "invoiceexe.pdf" in a right-to-left override
    expect(cleanFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('e\u0301.pdf')).toBe('\u00e9.pdf');
  });

  it('leave nothing of a name that is only a path, dots or spaces', () => {
    for (const raw of ['', '   ', 'dir/', '..', '.', 'a/..']) expect(cleanFileName(raw)).toBe('');
  });

  it('cut a long name in its stem and keep its extension', () => {
    const cut = cleanFileName(`${'长'.repeat(300)}.docx`, 200);
    expect([...cut]).toHaveLength(200);
    expect(cut.endsWith('长.docx')).toBe(true);
    expect(cleanFileName('x'.repeat(250), 200)).toBe('x'.repeat(200));
  });

  it('tell a kind by extension and a size in words', () => {
    expect(evidenceKindOfName('照片.JPEG')).toBe('jpeg');
    expect(evidenceKindOfName('程序.exe')).toBeNull();
    expect([formatFileSize(20 * 1024 * 1024), formatFileSize(1536), formatFileSize(12)]).toEqual([
      '20 MB',
      '1.5 KB',
      '12 字节',
    ]);
  });
});
