import type { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
}

const UTF8_NAMES = 0x0800;
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/**
 * A .zip written entry by entry to a stream, each file stored as it is (PDFs are compressed already), names in
 * UTF-8 (flag 11: Chinese names open right in Windows, macOS and unzip). Only one file is held at a time. No
 * ZIP64: the caller keeps the whole under 4 GB and 65,535 entries (the PDF bundle's bound is far below).
 */
export class StoredZip {
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(private readonly out: Writable) {}

  /** Bytes written so far. */
  get size(): number {
    return this.offset;
  }

  async add(name: string, data: Buffer): Promise<void> {
    const encoded = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(DOS_DATE_1980, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(encoded.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: encoded, crc, size: data.length, offset: this.offset });
    await this.write(Buffer.concat([header, encoded]));
    await this.write(data);
  }

  /** Writes the central directory and ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by
      h.writeUInt16LE(20, 6); // needed
      h.writeUInt16LE(UTF8_NAMES, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(0, 12);
      h.writeUInt16LE(DOS_DATE_1980, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.size, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  /** Writes and waits for the stream to drain when its buffer is full (back-pressure). */
  private async write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }
}
