/**
 * Where rendered documents (and uploaded files: imports) live. Keys are relative paths made of safe segments
 * (tenants/<id>/reports/<id>/<document>.pdf); a put replaces the object whole, so a document
 * rendered twice is still one object.
 */
export interface DocumentStorage {
  readonly driver: 'local' | 's3';
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** the object's bytes; throws StorageObjectMissing when there is none */
  get(key: string): Promise<Buffer>;
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

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Refuses keys that could leave the storage root or be read two ways ("..", absolute, empty segments). */
export function checkKey(key: string): string {
  const segments = key.split('/');
  if (!segments.length || segments.some((s) => !SEGMENT.test(s) || s === '..' || s.endsWith('.'))) {
    throw new Error(`Invalid storage key "${key}"`);
  }
  return key;
}
