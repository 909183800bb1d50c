import { inflateRawSync } from 'node:zlib';

/**
 * An .xlsx is a zip. Before a spreadsheet library unpacks one into memory, this reads the zip's
 * directory and inflates each member with a hard cap on the output, so that a small upload cannot
 * expand into gigabytes (a "zip bomb"). Only what an .xlsx uses is accepted: stored or deflated
 * members, no zip64, a bounded number of members.
 */
export class ZipRefused extends Error {
  constructor(readonly reason: 'not_zip' | 'too_large') {
    super(reason === 'not_zip' ? 'not a readable zip' : 'zip expands beyond the limit');
    this.name = 'ZipRefused';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_MEMBERS = 1000;

/** The total size of the zip's members once inflated; throws ZipRefused beyond `limit` bytes or when unreadable. */
export function inflatedSize(data: Buffer, limit: number): number {
  const eocd = findEndOfDirectory(data);
  const members = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (members === 0 || members > MAX_MEMBERS || directoryOffset + directorySize > eocd) {
    throw new ZipRefused(members > MAX_MEMBERS ? 'too_large' : 'not_zip');
  }
  let total = 0;
  let p = directoryOffset;
  for (let i = 0; i < members; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('not_zip');
    const method = data.readUInt16LE(p + 10);
    const compressed = data.readUInt32LE(p + 20);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    p += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL) throw new ZipRefused('not_zip');
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    if (start + compressed > data.length) throw new ZipRefused('not_zip');
    const member = data.subarray(start, start + compressed);
    total += memberSize(member, method, limit - total);
    if (total > limit) throw new ZipRefused('too_large');
  }
  return total;
}

function memberSize(member: Buffer, method: number, budget: number): number {
  if (method === 0) return member.length;
  if (method !== 8) throw new ZipRefused('not_zip');
  try {
    return inflateRawSync(member, { maxOutputLength: Math.max(budget, 0) + 1 }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused('too_large');
    throw new ZipRefused('not_zip');
  }
}

function findEndOfDirectory(data: Buffer): number {
  // the record is 22 bytes, followed by a comment of at most 65535
  for (let p = data.length - 22; p >= Math.max(0, data.length - 22 - 0xffff); p--) {
    if (data.readUInt32LE(p) === EOCD) return p;
  }
  throw new ZipRefused('not_zip');
}
