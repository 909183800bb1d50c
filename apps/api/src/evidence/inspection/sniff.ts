/**
 * What a file is, judged by its first bytes (never by its name or the declared media type).
 */

/** the kinds an upload may be at its top level; docx/xlsx are zips and are told apart by their entries */
export type SniffedHead = 'pdf' | 'jpeg' | 'png' | 'zip';

/** archive formats recognised inside an archive, to refuse nesting whatever the entry's name */
export type ArchiveFormat = 'zip' | 'rar' | '7z' | 'gzip' | 'bzip2' | 'xz' | 'tar';

/** how many first bytes the checks need (tar's `ustar` sits at offset 257) */
export const SNIFF_HEAD_BYTES = 512;

const PDF = Buffer.from('%PDF-', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** an empty zip is only its end-of-central-directory record */
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const RAR = Buffer.from('Rar!\x1a\x07', 'latin1');
const SEVEN_ZIP = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
/** gzip's magic and its only compression method (deflate), to not take any binary starting 1f 8b for one */
const GZIP = Buffer.from([0x1f, 0x8b, 0x08]);
const XZ = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const TAR_MAGIC = Buffer.from('ustar', 'latin1');
const TAR_MAGIC_OFFSET = 257;

const startsWith = (head: Buffer, magic: Buffer, offset = 0) =>
  head.length >= offset + magic.length && head.subarray(offset, offset + magic.length).equals(magic);

/** The kind of an uploaded file by its magic bytes, or null (anything else, an empty zip included). */
export function sniffHead(head: Buffer): SniffedHead | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, ZIP_LOCAL_HEADER)) return 'zip';
  return null;
}

/** The archive format of an entry's first bytes, or null. An empty zip counts: it is a zip all the same. */
export function archiveFormatOfHead(head: Buffer): ArchiveFormat | null {
  if (startsWith(head, ZIP_LOCAL_HEADER) || startsWith(head, ZIP_EMPTY)) return 'zip';
  if (startsWith(head, RAR)) return 'rar';
  if (startsWith(head, SEVEN_ZIP)) return '7z';
  if (startsWith(head, GZIP)) return 'gzip';
  // "BZh" and the block size digit 1-9
  if (head.length >= 4 && head.toString('latin1', 0, 3) === 'BZh' && head[3] >= 0x31 && head[3] <= 0x39) return 'bzip2';
  if (startsWith(head, XZ)) return 'xz';
  if (startsWith(head, TAR_MAGIC, TAR_MAGIC_OFFSET)) return 'tar';
  return null;
}

export function isArchiveHead(head: Buffer): boolean {
  return archiveFormatOfHead(head) !== null;
}
