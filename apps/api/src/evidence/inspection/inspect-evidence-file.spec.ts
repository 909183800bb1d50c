import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { AppError, EVIDENCE_ARCHIVE_LIMITS } from '@evalflow/domain';
import { inspectEvidenceFile } from './inspect-evidence-file';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'evalflow-inspect-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(bytes: Buffer): string {
  const path = join(dir, `upload-${++fileNo}`);
  writeFileSync(path, bytes);
  return path;
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
// the PNG signature and an IHDR chunk (1×1, 8-bit RGB)
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');
// SOI and a JFIF APP0 segment
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]);

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

async function zip(files: Record<string, Buffer | string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const docx = (more: Record<string, Buffer | string> = {}) =>
  zip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': '<Relationships/>',
    'word/document.xml': '<w:document><w:body><w:p/></w:body></w:document>',
    ...more,
  });

const xlsx = () =>
  zip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': '<Relationships/>',
    'xl/workbook.xml': '<workbook><sheets><sheet name="绩效自评表" sheetId="1"/></sheets></workbook>',
    'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>',
  });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('inspectEvidenceFile', () => {
  it('takes a PDF, a PNG and a JPEG by their content', async () => {
    expect(await inspectEvidenceFile(file(PDF), '自评报告.pdf')).toEqual({
      kind: 'pdf',
      contentType: 'application/pdf',
      extension: '.pdf',
    });
    expect(await inspectEvidenceFile(file(PNG), '截图.PNG')).toMatchObject({ kind: 'png', contentType: 'image/png' });
    expect(await inspectEvidenceFile(file(JPEG), '现场照片.jpeg')).toMatchObject({
      kind: 'jpeg',
      contentType: 'image/jpeg',
      extension: '.jpg',
    });
  });

  it('lets JPEG and PNG stand for each other: the content decides the kind', async () => {
    expect(await inspectEvidenceFile(file(PNG), 'photo.jpg')).toMatchObject({ kind: 'png', extension: '.png' });
    expect(await inspectEvidenceFile(file(JPEG), 'scan.png')).toMatchObject({ kind: 'jpeg', extension: '.jpg' });
  });

  it('tells a Word document, an Excel workbook and a plain zip apart by their entries', async () => {
    const word = await inspectEvidenceFile(file(await docx()), '说明.docx');
    expect(word).toMatchObject({
      kind: 'docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: '.docx',
    });
    expect(word.archive?.entryCount).toBeGreaterThanOrEqual(3);
    expect(await inspectEvidenceFile(file(await xlsx()), '明细.xlsx')).toMatchObject({ kind: 'xlsx' });
    const plain = await inspectEvidenceFile(file(await zip({ 'a.pdf': PDF, 'b.png': PNG })), '附件.zip');
    expect(plain).toEqual({
      kind: 'zip',
      contentType: 'application/zip',
      extension: '.zip',
      archive: { entryCount: 2, uncompressedBytes: PDF.length + PNG.length },
    });
    // only one of the two parts: a zip
    expect(await inspectEvidenceFile(file(await zip({ 'word/document.xml': '<w/>' })), 'x.zip')).toMatchObject({
      kind: 'zip',
    });
  });

  it('accepts a Word document with an Excel workbook embedded in it (a zip at depth 2)', async () => {
    const embedded = await xlsx();
    const result = await inspectEvidenceFile(
      file(await docx({ 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': embedded })),
      '带表格的说明.docx',
    );
    expect(result.kind).toBe('docx');
    expect(result.archive?.entryCount).toBeGreaterThanOrEqual(8);
  });

  it('puts Office files through the archive checks: a .docx bomb is refused', async () => {
    const bomb = await docx({ 'word/media/image1.png': Buffer.alloc(2 * 1024 * 1024) });
    const err = await failure(
      inspectEvidenceFile(file(bomb), '说明.docx', { ...EVIDENCE_ARCHIVE_LIMITS, ratioFloorBytes: 64 * 1024 }),
    );
    expect(err.code).toBe('EVIDENCE_ARCHIVE_REFUSED');
    expect(err.details).toMatchObject({ reason: 'ratio', entry: 'word/media/image1.png' });
  });

  it('refuses a file renamed to another kind', async () => {
    const png = await failure(inspectEvidenceFile(file(PNG), '审计报告.pdf'));
    expect(png.code).toBe('EVIDENCE_TYPE_MISMATCH');
    expect(png.details).toEqual({ claimed: 'pdf', actual: 'png' });
    expect(png.message).toBe('文件名是 .pdf，内容却是 PNG 图片，请检查文件');
    const zipAsDocx = await failure(inspectEvidenceFile(file(await zip({ 'a.txt': 'a' })), '说明.DOCX'));
    expect(zipAsDocx.code).toBe('EVIDENCE_TYPE_MISMATCH');
    expect(zipAsDocx.message).toBe('文件名是 .docx，内容却是 ZIP 压缩包，请检查文件');
    const docxAsXlsx = await failure(inspectEvidenceFile(file(await docx()), '明细.xlsx'));
    expect(docxAsXlsx.details).toEqual({ claimed: 'xlsx', actual: 'docx' });
  });

  it('refuses content that is none of the kinds, whatever its name', async () => {
    expect((await failure(inspectEvidenceFile(file(EXE), 'invoice.pdf'))).code).toBe('EVIDENCE_TYPE');
    expect((await failure(inspectEvidenceFile(file(Buffer.from('hello')), 'a.txt'))).code).toBe('EVIDENCE_TYPE');
    // an empty zip is only an end record: nothing to keep
    const emptyZip = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
    expect((await failure(inspectEvidenceFile(file(emptyZip), 'a.zip'))).code).toBe('EVIDENCE_TYPE');
    expect((await failure(inspectEvidenceFile(file(Buffer.alloc(0)), 'a.pdf'))).code).toBe('EVIDENCE_EMPTY');
  });

  it('gives a name without a known extension the content kind', async () => {
    expect(await inspectEvidenceFile(file(PDF), '会议纪要')).toMatchObject({ kind: 'pdf', extension: '.pdf' });
    expect(await inspectEvidenceFile(file(PNG), 'scan.tiff')).toMatchObject({ kind: 'png', extension: '.png' });
    expect(await inspectEvidenceFile(file(await xlsx()), '明细.')).toMatchObject({ kind: 'xlsx' });
  });

  it('refuses a corrupt zip', async () => {
    const good = await docx();
    const err = await failure(inspectEvidenceFile(file(good.subarray(0, good.length - 30)), '说明.docx'));
    expect(err.code).toBe('EVIDENCE_ARCHIVE_REFUSED');
    expect(err.details).toMatchObject({ reason: 'corrupt' });
    expect(err.message).toBe('压缩文件已损坏，无法读取');
  });
});
