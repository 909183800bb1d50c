import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { IMPORT_REFUSED_MESSAGES, ImportRefused, type ImportRefusedCode } from '../import-refused';
import { handDocx, p } from './build-docx.spec-helper';
import { DEFAULT_DOCX_LIMITS } from './docx-package';
import { readDocx, type ReadDocxOptions } from './read-docx';

const SAMPLE = readFileSync(join(__dirname, '../../test/fixtures/zhaoxian-union-2024.docx'));
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** a compound file's header and, further on, a directory naming its streams in UTF-16LE */
const ole = (...streams: string[]) =>
  Buffer.concat([
    OLE_MAGIC,
    Buffer.alloc(504),
    ...streams.map((s) => Buffer.concat([Buffer.from(s, 'utf16le'), Buffer.alloc(64)])),
  ]);

async function refusal(data: Buffer, options?: ReadDocxOptions): Promise<ImportRefused> {
  const error = await readDocx(data, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportRefused)) throw new Error(`expected an ImportRefused, got ${String(error)}`);
  return error;
}
const codeOf = async (data: Buffer, options?: ReadDocxOptions): Promise<ImportRefusedCode> =>
  (await refusal(data, options)).code;

const zipOf = async (files: Record<string, string | Buffer>, compression: 'DEFLATE' | 'STORE' = 'DEFLATE') => {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression });
};

/** 24 MB of zeros deflate to about 24 KB: a ratio of about 1000. */
const ZEROS = Buffer.alloc(24 * 1024 * 1024);

/**
 * The zip with an entry's uncompressed size rewritten in its local and central headers: a bomb that lies about
 * itself, so that only counting while inflating can catch it.
 */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const encoded = Buffer.from(name);
  for (let at = 0; at < out.length - 4; at++) {
    const local =
      out.readUInt32LE(at) === 0x04034b50 && out.subarray(at + 30, at + 30 + encoded.length).equals(encoded);
    const central =
      out.readUInt32LE(at) === 0x02014b50 && out.subarray(at + 46, at + 46 + encoded.length).equals(encoded);
    if (local) out.writeUInt32LE(size, at + 22);
    if (central) out.writeUInt32LE(size, at + 24);
  }
  return out;
}

describe('readDocx refuses what it will not read, with a stable code and a Chinese message', () => {
  it('refuses a file over the size limit before looking into it: 2 MB by default, or the limit given', async () => {
    expect(DEFAULT_DOCX_LIMITS.maxBytes).toBe(2 * 1024 * 1024);
    const error = await refusal(Buffer.alloc(2 * 1024 * 1024 + 1));
    expect(error.code).toBe('IMPORT_FILE_TOO_LARGE');
    expect(error.message).toBe('文件超过大小上限，请删去图片等内容后重试');
    expect(await codeOf(SAMPLE, { limits: { maxBytes: SAMPLE.length - 1 } })).toBe('IMPORT_FILE_TOO_LARGE');
    await expect(readDocx(SAMPLE, { limits: { maxBytes: SAMPLE.length } })).resolves.toMatchObject({ format: 'docx' });
  });

  it('refuses what is not a zip: text, a PDF, an empty file', async () => {
    expect(await codeOf(Buffer.from('一、部门基本情况\n（一）部门概况'))).toBe('IMPORT_NOT_DOCX');
    expect(await codeOf(Buffer.from('%PDF-1.7\n'))).toBe('IMPORT_NOT_DOCX');
    expect(await codeOf(Buffer.alloc(0))).toBe('IMPORT_NOT_DOCX');
  });

  it('tells an old .doc from a password-protected .docx, both OLE containers', async () => {
    const doc = await refusal(ole('Root Entry', 'WordDocument', '1Table', 'SummaryInformation'));
    expect([doc.code, doc.message]).toEqual([
      'IMPORT_DOC_BINARY',
      '文件是旧版Word文档（.doc），请在Word或WPS中另存为.docx后重试',
    ]);
    const encrypted = await refusal(ole('Root Entry', 'EncryptionInfo', 'EncryptedPackage', 'DataSpaces'));
    expect([encrypted.code, encrypted.message]).toEqual([
      'IMPORT_ENCRYPTED',
      '文件设有打开密码，请在Word或WPS中取消密码后重试',
    ]);
    // an old Excel workbook is an OLE container too, but not a Word document
    expect(await codeOf(ole('Root Entry', 'Workbook'))).toBe('IMPORT_NOT_DOCX');
    expect(await codeOf(OLE_MAGIC)).toBe('IMPORT_NOT_DOCX');
  });

  it('refuses a zip whose entries are encrypted (zip encryption, which no word processor writes)', async () => {
    const zip = Buffer.from(await handDocx({ body: p('正文') }));
    // set bit 0 (encrypted) of every entry's general purpose flags, local and central
    for (let at = 0; at < zip.length - 4; at++) {
      if (zip.readUInt32LE(at) === 0x04034b50) zip.writeUInt16LE(zip.readUInt16LE(at + 6) | 1, at + 6);
      if (zip.readUInt32LE(at) === 0x02014b50) zip.writeUInt16LE(zip.readUInt16LE(at + 8) | 1, at + 8);
    }
    expect(await codeOf(zip)).toBe('IMPORT_ENCRYPTED');
  });

  it('refuses a truncated file and a zip with bytes overwritten', async () => {
    expect(await codeOf(SAMPLE.subarray(0, Math.floor(SAMPLE.length / 2)))).toBe('IMPORT_CORRUPT');
    expect(await codeOf(SAMPLE.subarray(0, SAMPLE.length - 10))).toBe('IMPORT_CORRUPT');
    // the compressed data of every entry scrambled, the headers intact
    const scrambled = Buffer.from(await handDocx({ body: p('正文'.repeat(200)) }));
    const documentAt = scrambled.indexOf('word/document.xml');
    for (let i = documentAt + 20; i < documentAt + 120; i++) scrambled[i] ^= 0x5a;
    expect(await codeOf(scrambled)).toBe('IMPORT_CORRUPT');
  });

  it('refuses a zip that is not a Word document: no word/document.xml', async () => {
    const error = await refusal(await zipOf({ 'xl/workbook.xml': '<workbook/>', 'readme.txt': 'x' }));
    expect(error.code).toBe('IMPORT_NOT_DOCX');
    expect(error.detail).toBe('no word/document.xml in the zip');
  });

  it('refuses another kind of Office file: an .xlsx names its workbook as the main part', async () => {
    const xlsx = await zipOf({
      '_rels/.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml':
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    });
    expect(await refusal(xlsx)).toMatchObject({
      code: 'IMPORT_NOT_DOCX',
      detail: 'xl/workbook.xml: a workbook, not a w:document',
    });
    expect(await codeOf(await zipOf({ 'word/document.xml': '<html><body>不是Word</body></html>' }))).toBe(
      'IMPORT_NOT_DOCX',
    );
  });

  it('refuses malformed XML, a DOCTYPE (entity expansion) and a document.xml that is not a document', async () => {
    const document = (xml: string) => zipOf({ 'word/document.xml': xml });
    expect(await codeOf(await document('<w:document><w:body><w:p></w:body></w:document>'))).toBe('IMPORT_CORRUPT');
    expect(await codeOf(await document('<w:document><w:body>'))).toBe('IMPORT_CORRUPT');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
    expect(await refusal(await document(laughs))).toMatchObject({
      code: 'IMPORT_CORRUPT',
      detail: 'word/document.xml: a DOCTYPE',
    });
    expect(
      await codeOf(
        await document('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
      ),
    ).toBe('IMPORT_CORRUPT');
    // a malformed styles.xml is as corrupt as a malformed body
    const zip = await JSZip.loadAsync(await handDocx({ body: p('正文'), styles: '' }));
    zip.file('word/styles.xml', '<w:styles><w:style>');
    expect(await codeOf(await zip.generateAsync({ type: 'nodebuffer' }))).toBe('IMPORT_CORRUPT');
  });

  it('refuses XML nested deeper than 100 elements (fast-xml-parser’s limit; a real report nests a few dozen)', async () => {
    let cell = p('最里层');
    for (let i = 0; i < 40; i++) cell = `<w:tbl><w:tr><w:tc>${cell}</w:tc></w:tr></w:tbl><w:p/>`;
    expect(await refusal(await handDocx({ body: cell }))).toMatchObject({
      code: 'IMPORT_CORRUPT',
      detail: 'word/document.xml: Maximum nested tags exceeded',
    });
    let shallow = p('表中表');
    for (let i = 0; i < 5; i++) shallow = `<w:tbl><w:tr><w:tc>${shallow}</w:tc></w:tr></w:tbl><w:p/>`;
    const doc = await readDocx(await handDocx({ body: shallow }));
    expect(doc.blocks).toEqual([
      { kind: 'table', index: 0, rows: [[{ text: '表中表', colSpan: 1, rowSpan: 1, covered: false }]] },
    ]);
  });

  it('refuses too many entries', async () => {
    const files: Record<string, string> = { 'word/document.xml': '<w:document/>' };
    for (let i = 0; i < 1000; i++) files[`customXml/item${i}.xml`] = '<a/>';
    const error = await refusal(await zipOf(files, 'STORE'));
    expect([error.code, error.detail]).toEqual(['IMPORT_ZIP_BOMB', '1001 entries, more than 1000']);
    expect(error.message).toBe('文件解压后过大或条目过多（疑似压缩炸弹），已拒绝导入');
    expect(await codeOf(SAMPLE, { limits: { maxEntries: 3 } })).toBe('IMPORT_ZIP_BOMB');
  });

  describe('a zip bomb: 24 MB of zeros in 24 KB', () => {
    let bomb: Buffer;
    beforeAll(async () => {
      const zip = await JSZip.loadAsync(SAMPLE);
      zip.file('word/media/zeros.bin', ZEROS);
      bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      expect(bomb.length).toBeLessThan(SAMPLE.length + 64 * 1024);
    });

    it('is refused from the sizes its central directory declares, before anything is inflated', async () => {
      const error = await refusal(bomb);
      expect(error.code).toBe('IMPORT_ZIP_BOMB');
      expect(error.detail).toMatch(/^word\/media\/zeros\.bin declares 25165824 bytes from \d+, a ratio beyond 100$/);
    });

    it('is refused for its total size when the ratio is allowed', async () => {
      const error = await refusal(bomb, { limits: { maxRatio: 10_000, maxUncompressedBytes: 16 * 1024 * 1024 } });
      expect(error.code).toBe('IMPORT_ZIP_BOMB');
      expect(error.detail).toMatch(/^entries declare \d+ bytes, more than 16777216$/);
    });

    it('is refused while inflating when it lies about its size: the count stops the stream', async () => {
      // the zeros as the document itself, declaring a harmless 4 KB
      const zip = await JSZip.loadAsync(SAMPLE);
      zip.file('word/document.xml', ZEROS);
      const liar = declareSize(
        await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
        'word/document.xml',
        4096,
      );
      const error = await refusal(liar);
      expect([error.code, error.detail]).toEqual([
        'IMPORT_ZIP_BOMB',
        'word/document.xml inflates to more than its declared size',
      ]);
    });
  });

  it('has a Chinese message for every code', () => {
    for (const message of Object.values(IMPORT_REFUSED_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(new ImportRefused('IMPORT_CORRUPT', 'x')).toMatchObject({ name: 'ImportRefused', code: 'IMPORT_CORRUPT' });
  });
});
