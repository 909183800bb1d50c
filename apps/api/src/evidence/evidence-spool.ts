import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload written to a private temporary file: its size and SHA-256, and how to remove it. */
export interface SpooledFile {
  path: string;
  sizeBytes: number;
  sha256: string;
  remove(): Promise<void>;
}

/**
 * Writes a request body to a temporary file as it arrives, hashing and counting on the way, so that a file of any
 * allowed size is checked (magic bytes, archive entries, a scan) and stored without ever being held in memory.
 * More than `maxBytes` stops the copy at once with `tooLarge()`; the partial file is removed on any failure.
 */
export async function spoolToTempFile(body: Readable, maxBytes: number, tooLarge: () => Error): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'evalflow-evidence-'));
  const path = join(dir, 'upload');
  const remove = () => rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return done(tooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, sizeBytes, sha256: hash.digest('hex'), remove };
}
