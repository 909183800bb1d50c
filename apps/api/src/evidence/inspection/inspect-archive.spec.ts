import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError, EVIDENCE_ARCHIVE_LIMITS, MEGABYTE, type ArchiveRefusal } from '@evalflow/domain';
import { inspectArchive, isSafeEntryName, type ArchiveLimits } from './inspect-archive';
import { archiveFormatOfHead, isArchiveHead, sniffHead } from './sniff';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'evalflow-inspect-archive-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(bytes: Buffer | Buffer[]): string {
  const path = join(dir, `f${++fileNo}.zip`);
  writeFileSync(path, Array.isArray(bytes) ? Buffer.concat(bytes) : bytes);
  return path;
}

async function jszip(files: Record<string, Buffer | string>, level = 6): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

/** one entry of a zip written by hand: sizes, flags and name exactly as given, true or not */
interface RawEntry {
  name: string;
  /** the stored bytes (already deflated when method 8), in pieces (a bomb repeats one piece) */
  data: Buffer[];
  method: 0 | 8;
  uncompressedSize: number;
  flags?: number;
  crc?: number;
}

/** a zip by hand: local headers and data, the central directory, the end record (no zip64) */
function rawZip(entries: RawEntry[]): Buffer[] {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressedSize = e.data.reduce((n, b) => n + b.length, 0);
    // yauzl does not check CRCs; a bomb's is left 0 rather than computed over hundreds of MB
    const crc = e.crc ?? 0;
    const flags = (e.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(e.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, ...e.data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressedSize, 20);
    header.writeUInt32LE(e.uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + compressedSize;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...parts, ...central, end];
}

const stored = (name: string, content: Buffer, flags = 0): RawEntry => ({
  name,
  data: [content],
  method: 0,
  uncompressedSize: content.length,
  flags,
  crc: crc32(content),
});

/**
 * `mb` megabytes of zeros as one raw deflate stream, without deflating them: 1 MB of zeros deflated and flushed
 * (no final bit, byte-aligned, no back-reference across) repeated, then an empty final block. ~1 KB per MB.
 */
function zerosDeflated(mb: number): Buffer[] {
  const piece = deflateRawSync(Buffer.alloc(MEGABYTE), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return [...Array<Buffer>(mb).fill(piece), deflateRawSync(Buffer.alloc(0))];
}

async function refusalOf(promise: Promise<unknown>): Promise<ArchiveRefusal> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('EVIDENCE_ARCHIVE_REFUSED');
  return (err as AppError).details as ArchiveRefusal;
}

const nestedTempFiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith('evalflow-nested-'));

const small = (over: Partial<ArchiveLimits>): ArchiveLimits => ({ ...EVIDENCE_ARCHIVE_LIMITS, ...over });

describe('sniff', () => {
  it('tells the uploadable kinds by their magic bytes, and refuses an empty zip', () => {
    expect(sniffHead(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffHead(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffHead(Buffer.from('PK\x03\x04\x14\x00', 'latin1'))).toBe('zip');
    expect(sniffHead(Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'latin1'))).toBeNull();
    expect(sniffHead(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffHead(Buffer.alloc(0))).toBeNull();
  });

  it('recognises the archive formats that may not be nested', () => {
    const tar = Buffer.alloc(512);
    tar.write('ustar', 257, 'latin1');
    expect(archiveFormatOfHead(Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'))).toBe('rar');
    expect(archiveFormatOfHead(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]))).toBe('7z');
    expect(archiveFormatOfHead(Buffer.from([0x1f, 0x8b, 0x08, 0]))).toBe('gzip');
    expect(archiveFormatOfHead(Buffer.from('BZh91AY', 'latin1'))).toBe('bzip2');
    expect(archiveFormatOfHead(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))).toBe('xz');
    expect(archiveFormatOfHead(tar)).toBe('tar');
    expect(archiveFormatOfHead(Buffer.from('PK\x05\x06', 'latin1'))).toBe('zip');
    expect(isArchiveHead(Buffer.from('BZhello', 'latin1'))).toBe(false);
    expect(isArchiveHead(Buffer.from('%PDF-1.4'))).toBe(false);
  });
});

describe('inspectArchive', () => {
  it('counts the real bytes of an ordinary zip and keeps its names', async () => {
    const text = Buffer.from('自评报告 '.repeat(1000));
    const noise = randomBytes(50_000);
    const result = await inspectArchive(file(await jszip({ 'a.txt': text, 'dir/b.bin': noise })));
    expect(result.entries).toEqual(expect.arrayContaining(['a.txt', 'dir/b.bin']));
    expect(result.entryCount).toBe(result.entries.length);
    expect(result.uncompressedBytes).toBe(text.length + noise.length);
    expect(result.found).toEqual([]);
  });

  it('answers which looked-for names are entries, and keeps only the first 50 names', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`p${i}.txt`] = `page ${i}`;
    files['word/document.xml'] = '<w:document/>';
    const result = await inspectArchive(file(await jszip(files)), undefined, ['word/document.xml', 'xl/workbook.xml']);
    expect(result.found).toEqual(['word/document.xml']);
    expect(result.entries).toHaveLength(50);
    expect(result.entryCount).toBe(81);
  });

  it('accepts a zip inside a zip (depth 2) and counts its entries and bytes too', async () => {
    const inner = await jszip({ 'x.txt': 'x'.repeat(1000), 'y.txt': 'y' });
    const result = await inspectArchive(file(await jszip({ 'inner.zip': inner, 'a.txt': 'a' })));
    expect(result.entryCount).toBe(4);
    expect(result.uncompressedBytes).toBe(inner.length + 1 + 1000 + 1);
    expect(nestedTempFiles()).toEqual([]);
  });

  it('refuses a zip of a zip of a zip (too deep) and removes its temporary file', async () => {
    const before = nestedTempFiles();
    const inner = await jszip({ 'x.txt': 'x' });
    const mid = await jszip({ 'inner.zip': inner });
    const refusal = await refusalOf(inspectArchive(file(await jszip({ 'mid.zip': mid }))));
    expect(refusal).toEqual({ reason: 'too_deep', entry: 'mid.zip/inner.zip', depth: 3 });
    expect(nestedTempFiles()).toEqual(before);
  });

  it('refuses an archive it cannot look into, whatever its name', async () => {
    const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const rar = Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), randomBytes(100)]);
    expect(await refusalOf(inspectArchive(file(await jszip({ 'notes.txt': gzip }))))).toEqual({
      reason: 'too_deep',
      entry: 'notes.txt',
      depth: 2,
    });
    expect(await refusalOf(inspectArchive(file(await jszip({ 'photo.jpg': rar }))))).toMatchObject({
      reason: 'too_deep',
      entry: 'photo.jpg',
    });
  });

  it('refuses more entries than the limit, nested ones counted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`f${i}.txt`] = String(i);
    expect(await refusalOf(inspectArchive(file(await jszip(files)), small({ maxEntries: 5 })))).toEqual({
      reason: 'too_many_entries',
      limit: 5,
    });
    const inner = await jszip({ 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const nested = file(await jszip({ 'inner.zip': inner, 'd.txt': 'd' }));
    expect(await refusalOf(inspectArchive(nested, small({ maxEntries: 4 })))).toMatchObject({
      reason: 'too_many_entries',
    });
    expect((await inspectArchive(nested, small({ maxEntries: 5 }))).entryCount).toBe(5);
  });

  it('refuses 2,001 entries at the default limits', async () => {
    const entries = Array.from({ length: EVIDENCE_ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) =>
      stored(`e${i}.txt`, Buffer.alloc(0)),
    );
    expect(await refusalOf(inspectArchive(file(rawZip(entries))))).toEqual({
      reason: 'too_many_entries',
      limit: 2000,
    });
  });

  it('refuses more inflated bytes in all than the limit (real bytes, incompressible data)', async () => {
    const path = file(await jszip({ 'a.bin': randomBytes(60_000), 'b.bin': randomBytes(60_000) }));
    expect(await refusalOf(inspectArchive(path, small({ maxUncompressedBytes: 100_000 })))).toEqual({
      reason: 'too_large_uncompressed',
      limit: 100_000,
    });
    expect((await inspectArchive(path, small({ maxUncompressedBytes: 120_000 }))).uncompressedBytes).toBe(120_000);
  });

  it('refuses an entry that inflates past the ratio once past the floor', async () => {
    const path = file(await jszip({ 'zeros.bin': Buffer.alloc(256 * 1024) }, 9));
    const refusal = await refusalOf(inspectArchive(path, small({ maxRatio: 10, ratioFloorBytes: 64 * 1024 })));
    expect(refusal).toMatchObject({ reason: 'ratio', entry: 'zeros.bin' });
    expect((refusal as { ratio: number }).ratio).toBeGreaterThan(10);
    // below the floor, the same ratio passes (small files compress oddly)
    expect((await inspectArchive(path, small({ maxRatio: 10, ratioFloorBytes: MEGABYTE }))).entryCount).toBe(1);
  });

  it('refuses a 400 MB bomb at the default limits long before its end', async () => {
    const data = zerosDeflated(400);
    const path = file(rawZip([{ name: 'report.pdf', data, method: 8, uncompressedSize: 400 * MEGABYTE }]));
    const refusal = await refusalOf(inspectArchive(path));
    expect(refusal).toMatchObject({ reason: 'ratio', entry: 'report.pdf' });
    expect((refusal as { ratio: number }).ratio).toBeGreaterThanOrEqual(EVIDENCE_ARCHIVE_LIMITS.maxRatio);
  });

  it('counts real bytes when the central directory lies (says 1 KB, holds 400 MB of zeros)', async () => {
    const data = zerosDeflated(400);
    const path = file(rawZip([{ name: 'small.txt', data, method: 8, uncompressedSize: 1024 }]));
    // the bytes inflated overrun the declared size at once: the zip is refused as corrupt, not read to its end
    const refusal = await refusalOf(inspectArchive(path));
    expect(refusal).toMatchObject({ reason: 'corrupt' });
    expect((refusal as { detail: string }).detail).toMatch(/too many bytes/);
  });

  it('refuses an encrypted entry', async () => {
    // traditional encryption: flag bit 0, a 12-byte header before the data
    const entry = stored('secret.txt', Buffer.concat([randomBytes(12), Buffer.from('hidden')]), 0x1);
    entry.uncompressedSize = 6;
    expect(await refusalOf(inspectArchive(file(rawZip([stored('a.txt', Buffer.from('a')), entry]))))).toEqual({
      reason: 'encrypted',
      entry: 'secret.txt',
    });
    const strong = { ...entry, flags: 0x41 };
    expect(await refusalOf(inspectArchive(file(rawZip([strong]))))).toMatchObject({ reason: 'encrypted' });
  });

  it.each([['../x'], ['a/../../x'], ['..\\..\\x'], ['/etc/passwd'], ['C:/Windows/x'], ['\\\\server\\x']])(
    'refuses the unsafe name %s',
    async (name) => {
      const refusal = await refusalOf(inspectArchive(file(rawZip([stored(name, Buffer.from('x'))]))));
      expect(refusal).toEqual({ reason: 'unsafe_name', entry: name.replace(/\\/g, '/') });
    },
  );

  it('takes names with dots that are not traversal', () => {
    expect(isSafeEntryName('a..b/c.txt')).toBe(true);
    expect(isSafeEntryName('.hidden/..x')).toBe(true);
    expect(isSafeEntryName('a/./b')).toBe(true);
  });

  it('refuses a corrupt or truncated zip', async () => {
    const good = await jszip({ 'a.txt': 'a'.repeat(10_000), 'b.txt': randomBytes(5000) });
    const truncated = await refusalOf(inspectArchive(file(good.subarray(0, good.length - 40))));
    expect(truncated).toMatchObject({ reason: 'corrupt' });
    const garbage = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 0x41)]);
    expect(await refusalOf(inspectArchive(file(garbage)))).toMatchObject({ reason: 'corrupt' });
    // the data of a deflated entry is not deflate
    const bad: RawEntry = { name: 'a.txt', data: [Buffer.alloc(64, 0xff)], method: 8, uncompressedSize: 100 };
    expect(await refusalOf(inspectArchive(file(rawZip([bad]))))).toMatchObject({ reason: 'corrupt' });
  });

  it('lets a missing file fail as the server error it is', async () => {
    await expect(inspectArchive(join(dir, 'missing.zip'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
