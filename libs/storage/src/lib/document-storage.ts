import type { Readable } from 'node:stream';

/**
 * Where stored files live: rendered documents, exports, report imports, spot-check evidence. Keys are relative paths
 * made of safe segments (tenants/<id>/reports/<id>/<document>.pdf); a put replaces the object whole, so a document
 * rendered twice is still one object. A failure of the store itself is a StorageFailure (a stable code and a Chinese
 * message; the store's own details are logged, never shown).
 */
export interface DocumentStorage {
  readonly driver: 'local' | 's3';
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** writes a body of any length without holding it whole in memory (S3: multipart past one part) */
  putStream(key: string, body: Readable, contentType: string): Promise<void>;
  /** the object's bytes; throws StorageObjectMissing when there is none */
  get(key: string): Promise<Buffer>;
  /**
   * the object's bytes as they are read (never buffered whole); throws StorageObjectMissing before the first byte
   * when there is none. Destroy the stream to stop reading early.
   */
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** removes the object; removing one that is not there succeeds (a retried deletion is not an error) */
  delete(key: string): Promise<void>;
}

export class StorageObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`No stored object under "${key}"`);
    this.name = 'StorageObjectMissing';
  }
}

// letters (Chinese too) and digits first, then also ".", "-", "_"; never "..", spaces, slashes or controls
const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,127}$/u;
/** S3's limit on a key, in UTF-8 bytes (a prefix counts too; checked where it is added) */
export const MAX_KEY_BYTES = 1024;

/**
 * Refuses keys that could leave the storage root or be read two ways ("..", absolute, empty segments, a name that is
 * not in Unicode NFC, so that 佐证 typed on two systems is one key).
 */
export function checkKey(key: string): string {
  const segments = key.split('/');
  const bad =
    !segments.length ||
    segments.some((s) => !SEGMENT.test(s) || s.endsWith('.')) ||
    key.normalize('NFC') !== key ||
    Buffer.byteLength(key) > MAX_KEY_BYTES;
  if (bad) throw new Error(`Invalid storage key "${key}"`);
  return key;
}
