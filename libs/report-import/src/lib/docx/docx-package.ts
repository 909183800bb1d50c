import JSZip from 'jszip';
import { REPORT_IMPORT_MAX_BYTES } from '@evalflow/domain';
import { ImportRefused } from '../import-refused';

/** What a .docx may cost before it is refused. */
export interface DocxLimits {
  /** the file itself */
  maxBytes: number;
  /** entries in the zip */
  maxEntries: number;
  /** all entries together once inflated, as declared and as actually inflated */
  maxUncompressedBytes: number;
  /** inflated / compressed size of one entry, checked once the entry is past RATIO_GRACE_BYTES */
  maxRatio: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxBytes: REPORT_IMPORT_MAX_BYTES,
  maxEntries: 1000,
  // a 2 MB file of text at the sample's ratio (16); parsing costs about 20× the XML in memory (README)
  maxUncompressedBytes: 32 * 1024 * 1024,
  maxRatio: 100,
};

/** Small entries may compress very well (a run of spaces) without being a bomb: the ratio applies past this. */
export const RATIO_GRACE_BYTES = 256 * 1024;

/** Compound File Binary (OLE2): an old .doc, or a .docx wrapped with a password (MS-OFFCRYPTO). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What jszip keeps of an entry's central directory record (internal, so read defensively). */
interface DeclaredSizes {
  compressedSize?: number;
  uncompressedSize?: number;
}
const declaredSizes = (file: JSZip.JSZipObject): DeclaredSizes =>
  (file as unknown as { _data?: DeclaredSizes })._data ?? {};

/** jszip's documented ZipObject#internalStream (a StreamHelper), missing from its type declarations. */
interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', listener: (error: Error) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}
const streamOf = (file: JSZip.JSZipObject): StreamHelper =>
  (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');

/** The zip of a .docx, opened within limits: entries are inflated only when asked for, and counted as they stream. */
export class DocxPackage {
  private inflated = 0;

  private constructor(
    private readonly zip: JSZip,
    private readonly limits: DocxLimits,
  ) {}

  static async open(data: Buffer, limits: DocxLimits = DEFAULT_DOCX_LIMITS): Promise<DocxPackage> {
    refuseBeforeUnzipping(data, limits);
    let zip: JSZip;
    try {
      // reads the central directory and local headers only; nothing is inflated (and no CRC is checked) here
      zip = await JSZip.loadAsync(data, { checkCRC32: false, createFolders: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (/encrypted/i.test(reason)) throw new ImportRefused('IMPORT_ENCRYPTED', `zip: ${reason}`);
      throw new ImportRefused('IMPORT_CORRUPT', `zip: ${reason}`);
    }
    const files = Object.values(zip.files).filter((f) => !f.dir);
    if (files.length > limits.maxEntries) {
      throw new ImportRefused('IMPORT_ZIP_BOMB', `${files.length} entries, more than ${limits.maxEntries}`);
    }
    let declared = 0;
    for (const file of files) {
      const { compressedSize, uncompressedSize } = declaredSizes(file);
      if (uncompressedSize === undefined) continue;
      declared += uncompressedSize;
      if (uncompressedSize > RATIO_GRACE_BYTES && uncompressedSize > limits.maxRatio * (compressedSize ?? 0)) {
        throw new ImportRefused(
          'IMPORT_ZIP_BOMB',
          `${file.name} declares ${uncompressedSize} bytes from ${compressedSize}, a ratio beyond ${limits.maxRatio}`,
        );
      }
    }
    if (declared > limits.maxUncompressedBytes) {
      throw new ImportRefused(
        'IMPORT_ZIP_BOMB',
        `entries declare ${declared} bytes, more than ${limits.maxUncompressedBytes}`,
      );
    }
    return new DocxPackage(zip, limits);
  }

  has(path: string): boolean {
    const file = this.zip.file(path);
    return file !== null && !file.dir;
  }

  /** An entry's text (UTF-8), inflated as a stream that stops at the first limit it crosses; undefined when absent. */
  async text(path: string): Promise<string | undefined> {
    const file = this.zip.file(path);
    if (!file || file.dir) return undefined;
    const bytes = await this.inflate(file);
    return new TextDecoder('utf-8').decode(bytes);
  }

  private inflate(file: JSZip.JSZipObject): Promise<Buffer> {
    const { compressedSize, uncompressedSize } = declaredSizes(file);
    const limits = this.limits;
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let count = 0;
      let stopped = false;
      const stream = streamOf(file);
      const stop = (error: Error) => {
        if (stopped) return;
        stopped = true;
        chunks.length = 0;
        stream.pause();
        reject(error);
      };
      stream
        .on('data', (chunk: Uint8Array) => {
          // the inflater may still hand over the rest of its current input block after a stop: dropped
          if (stopped) return;
          // the declared size catches a lying entry; ratio and total stand in when jszip gives no declared sizes
          count += chunk.length;
          this.inflated += chunk.length;
          const beyond =
            (uncompressedSize !== undefined && count > uncompressedSize && 'more than its declared size') ||
            (this.inflated > limits.maxUncompressedBytes && `more than ${limits.maxUncompressedBytes} in all`) ||
            (compressedSize !== undefined &&
              count > RATIO_GRACE_BYTES &&
              count > limits.maxRatio * compressedSize &&
              `a ratio beyond ${limits.maxRatio}`);
          if (beyond) stop(new ImportRefused('IMPORT_ZIP_BOMB', `${file.name} inflates to ${beyond}`));
          else chunks.push(chunk);
        })
        .on('error', (error: Error) => stop(new ImportRefused('IMPORT_CORRUPT', `${file.name}: ${error.message}`)))
        .on('end', () => {
          if (!stopped) resolve(Buffer.concat(chunks));
        })
        .resume();
    });
  }
}

/** The checks a file passes before jszip sees it: size, then what its first bytes say it is. */
function refuseBeforeUnzipping(data: Buffer, limits: DocxLimits): void {
  if (data.length > limits.maxBytes) {
    throw new ImportRefused('IMPORT_FILE_TOO_LARGE', `${data.length} bytes, more than ${limits.maxBytes}`);
  }
  if (data.length >= OLE_MAGIC.length && data.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    throw new ImportRefused(...oleKind(data));
  }
  // a zip starts with a local file header (PK\3\4), or is an empty archive (PK\5\6)
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new ImportRefused('IMPORT_NOT_DOCX', 'not a zip (no PK signature)');
  }
}

/**
 * An OLE container's directory names its streams in UTF-16LE: an encrypted .docx holds EncryptionInfo and
 * EncryptedPackage, a .doc holds WordDocument. Anything else (an .xls, a .ppt) is not a Word document.
 */
function oleKind(data: Buffer): [ImportRefused['code'], string] {
  const holds = (name: string) => data.includes(Buffer.from(name, 'utf16le'));
  if (holds('EncryptedPackage') || holds('EncryptionInfo'))
    return ['IMPORT_ENCRYPTED', 'OLE container with EncryptedPackage'];
  if (holds('WordDocument')) return ['IMPORT_DOC_BINARY', 'OLE container with WordDocument'];
  return ['IMPORT_NOT_DOCX', 'OLE container of another kind'];
}
