import { randomUUID } from 'node:crypto';
import { open as openFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { getFileNameLowLevel, openPromise, type Entry, type ZipFile } from 'yauzl';
import {
  AppError,
  archiveRefusalMessage,
  EVIDENCE_ARCHIVE_LIMITS,
  MEGABYTE,
  type ArchiveRefusal,
} from '@evalflow/domain';
import { archiveFormatOfHead, SNIFF_HEAD_BYTES } from './sniff';

/** The archive limits (EVIDENCE_ARCHIVE_LIMITS by default; tests pass small ones). */
export interface ArchiveLimits {
  readonly maxEntries: number;
  readonly maxUncompressedBytes: number;
  readonly maxRatio: number;
  readonly maxDepth: number;
  /** the ratio is judged once an entry has inflated past this many bytes (small files compress oddly) */
  readonly ratioFloorBytes?: number;
}

export const DEFAULT_RATIO_FLOOR_BYTES = MEGABYTE;

export interface ArchiveInspection {
  /** names of the archive's own entries (not the nested ones), the first ENTRY_NAMES_KEPT */
  entries: string[];
  /** entries counted, nested archives' included */
  entryCount: number;
  /** bytes inflated, nested archives' included */
  uncompressedBytes: number;
  /** those of `lookFor` that are entries of the archive itself */
  found: string[];
}

export const ENTRY_NAMES_KEPT = 50;
/** entry names are cut to this in refusals (a zip entry's name may be 64 KB) */
const NAME_SHOWN_MAX = 200;

/** shared by an archive and the ones nested in it: the limits hold for the whole tree */
interface Budget {
  limits: ArchiveLimits;
  ratioFloorBytes: number;
  entryCount: number;
  uncompressedBytes: number;
}

const refuse = (refusal: ArchiveRefusal) =>
  new AppError('EVIDENCE_ARCHIVE_REFUSED', refusal, archiveRefusalMessage(refusal));

/**
 * Judges the zip at `path` without extracting it: every entry is inflated and its bytes counted (declared sizes can
 * lie), names and encryption flags checked, and archives inside it opened in turn (a nested zip through a temporary
 * file, removed at once). Throws AppError EVIDENCE_ARCHIVE_REFUSED with an ArchiveRefusal as details.
 *
 * `lookFor`: entry names the caller wants to know about (e.g. `word/document.xml`), answered in `found`: the archive
 * may have more entries than are kept in `entries`.
 */
export async function inspectArchive(
  path: string,
  limits: ArchiveLimits = EVIDENCE_ARCHIVE_LIMITS,
  lookFor: readonly string[] = [],
): Promise<ArchiveInspection> {
  const budget: Budget = {
    limits,
    ratioFloorBytes: limits.ratioFloorBytes ?? DEFAULT_RATIO_FLOOR_BYTES,
    entryCount: 0,
    uncompressedBytes: 0,
  };
  const entries: string[] = [];
  const found = new Set<string>();
  try {
    await inspectZip(path, 1, '', budget, (name) => {
      if (entries.length < ENTRY_NAMES_KEPT) entries.push(name);
      if (lookFor.includes(name)) found.add(name);
    });
  } catch (err) {
    throw asRefusal(err);
  }
  return {
    entries,
    entryCount: budget.entryCount,
    uncompressedBytes: budget.uncompressedBytes,
    found: lookFor.filter((n) => found.has(n)),
  };
}

async function inspectZip(
  path: string,
  depth: number,
  prefix: string,
  budget: Budget,
  onEntry?: (name: string) => void,
): Promise<void> {
  // decodeStrings off: yauzl would fail an unsafe name as a plain error; we decode and judge it ourselves
  const zip = await openPromise(path, {
    lazyEntries: true,
    validateEntrySizes: true,
    strictFileNames: false,
    decodeStrings: false,
    autoClose: true,
  });
  try {
    // the end record's count first: a zip of a million empty entries is refused before reading them
    if (budget.entryCount + zip.entryCount > budget.limits.maxEntries) {
      throw refuse({ reason: 'too_many_entries', limit: budget.limits.maxEntries });
    }
    for await (const entry of zip.eachEntry()) {
      budget.entryCount += 1;
      if (budget.entryCount > budget.limits.maxEntries) {
        throw refuse({ reason: 'too_many_entries', limit: budget.limits.maxEntries });
      }
      const name = nameOf(entry);
      const shown = shownName(prefix + name);
      onEntry?.(name);
      if (!isSafeEntryName(name)) throw refuse({ reason: 'unsafe_name', entry: shown });
      // bit 0: traditional or strong encryption; we could not look inside
      if (entry.generalPurposeBitFlag & 0x1) throw refuse({ reason: 'encrypted', entry: shown });
      await readEntry(zip, entry, depth, prefix + name, budget);
    }
  } finally {
    zip.close();
  }
}

/** Inflates one entry, counting its bytes; an archive inside goes on to be inspected one level deeper. */
async function readEntry(zip: ZipFile, entry: Entry, depth: number, fullName: string, budget: Budget) {
  const { limits } = budget;
  const stream: Readable = await zip.openReadStreamPromise(entry);
  let entryBytes = 0;
  let head: Buffer[] | null = [];
  let headBytes = 0;
  let nested: NestedZipFile | null = null;

  // what the entry is, once its first bytes are in: null (bytes only counted) or the file a nested zip goes to
  const judgeHead = async (first: Buffer): Promise<NestedZipFile | null> => {
    const format = archiveFormatOfHead(first);
    if (format === null) return null;
    // a rar, 7z, gzip… inside cannot be looked into: refused as nesting, whatever the depth
    if (format !== 'zip' || depth + 1 > limits.maxDepth) {
      throw refuse({ reason: 'too_deep', entry: shownName(fullName), depth: depth + 1 });
    }
    return NestedZipFile.create();
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      entryBytes += chunk.length;
      budget.uncompressedBytes += chunk.length;
      if (budget.uncompressedBytes > limits.maxUncompressedBytes) {
        throw refuse({ reason: 'too_large_uncompressed', limit: limits.maxUncompressedBytes });
      }
      if (entryBytes > budget.ratioFloorBytes && entryBytes > limits.maxRatio * entry.compressedSize) {
        const ratio = Math.round(entryBytes / Math.max(1, entry.compressedSize));
        throw refuse({ reason: 'ratio', entry: shownName(fullName), ratio });
      }
      if (head) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_HEAD_BYTES) {
          const first = Buffer.concat(head);
          head = null;
          nested = await judgeHead(first);
          await nested?.write(first);
        }
      } else if (nested) {
        await nested.write(chunk);
      }
    }
    // an entry shorter than the head
    if (head) {
      const first = Buffer.concat(head);
      nested = await judgeHead(first);
      await nested?.write(first);
    }
    if (nested) {
      await nested.close();
      await inspectZip(nested.path, depth + 1, `${fullName}/`, budget);
    }
  } finally {
    stream.destroy();
    await nested?.remove();
  }
}

/** a nested zip's bytes on disk while it is inspected (yauzl reads a zip from its end, so it needs a file) */
class NestedZipFile {
  private constructor(
    readonly path: string,
    private handle: Awaited<ReturnType<typeof openFile>> | null,
  ) {}

  static async create() {
    const path = join(tmpdir(), `evalflow-nested-${randomUUID()}.zip`);
    return new NestedZipFile(path, await openFile(path, 'wx', 0o600));
  }

  async write(chunk: Buffer) {
    await this.handle?.write(chunk);
  }

  async close() {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  async remove() {
    await this.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

function nameOf(entry: Entry): string {
  // with decodeStrings off, fileName is the raw bytes: decoded as yauzl would (UTF-8 flag, Info-ZIP unicode path,
  // CP437 otherwise), backslashes turned into slashes so `..\x` is seen as the traversal it is
  return getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/** no absolute path, no drive letter, no `..` segment, no NUL (an entry must stay inside where it would be put) */
export function isSafeEntryName(name: string): boolean {
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return false;
  return !name.split('/').includes('..');
}

const shownName = (name: string) => (name.length > NAME_SHOWN_MAX ? `${name.slice(0, NAME_SHOWN_MAX)}…` : name);

/**
 * Whatever went wrong reading the zip is the file's fault (corrupt), except our own refusals and the system's errors
 * (no such temp file, disk full: a server problem, rethrown as is).
 */
function asRefusal(err: unknown): unknown {
  if (err instanceof AppError) return err;
  // (duck-typed: errors from node's core may come from another realm, e.g. under jest)
  if (typeof err === 'object' && err !== null && 'syscall' in err) return err;
  const detail = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
  // yauzl stops at an entry with strong encryption before giving it to us (no name yet)
  if (/strong encryption/i.test(detail)) return refuse({ reason: 'encrypted', entry: '（加密的文件）' });
  return refuse({ reason: 'corrupt', detail: detail.slice(0, NAME_SHOWN_MAX) });
}
