import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, StorageObjectMissing, type DocumentStorage } from './document-storage';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Documents as files under one directory; written to a temporary name and renamed, so a reader never sees half a file. */
export class LocalDirectoryStorage implements DocumentStorage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    return join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.write(key, (temporary) => writeFile(temporary, data, { flag: 'wx' }));
  }

  /** A file keeps no content type; the caller's is accepted and dropped, as put's is. */
  async putStream(key: string, body: Readable, _contentType?: string): Promise<void> {
    await this.write(key, (temporary) => pipeline(body, createWriteStream(temporary, { flags: 'wx' })));
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectMissing(key);
      throw error;
    }
  }

  /** Opened before it is returned, so a missing file throws here rather than on the stream's first read. */
  async stream(key: string): Promise<Readable> {
    try {
      const file = await open(this.path(key));
      return file.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectMissing(key);
      throw error;
    }
  }

  /** Only the file: a directory left under the key is refused (rm without recursive), never emptied. */
  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.path(key));
      return true;
    } catch {
      return false;
    }
  }

  private async write(key: string, fill: (temporary: string) => Promise<unknown>): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await fill(temporary);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
