import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in COPY's text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

export type CopyRow = ReadonlyArray<string | number | boolean | null | undefined>;

/** Rows held in COPY's text form until they are sent, so generating a county costs no round trip. */
export class CopyTable {
  private chunks: string[] = [];
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(row: CopyRow): void {
    if (row.length !== this.columns.length) {
      throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
    }
    this.chunks.push(row.map(copyField).join('\t') + '\n');
    this.rows++;
  }

  /** Streams the rows with one COPY … FROM STDIN, minding back-pressure; the table is empty afterwards. */
  async send(client: PoolClient): Promise<number> {
    const sent = this.rows;
    if (!sent) return 0;
    const stream = client.query(copyFrom(`COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`));
    const done = finished(stream);
    let batch = '';
    for (const chunk of this.chunks) {
      batch += chunk;
      if (batch.length >= 256 * 1024) {
        if (!stream.write(batch)) await once(stream, 'drain');
        batch = '';
      }
    }
    stream.end(batch);
    await done;
    this.chunks = [];
    this.rows = 0;
    return sent;
  }
}
