import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { checkKey, StorageObjectMissing } from './document-storage';
import { LocalDirectoryStorage } from './local-directory-storage';

describe('storage keys', () => {
  it('accept relative paths of safe segments only', () => {
    expect(checkKey('tenants/a1/reports/b2/c3.pdf')).toBe('tenants/a1/reports/b2/c3.pdf');
    expect(checkKey('tenants/a1/佐证材料/绩效自评说明.pdf')).toBe('tenants/a1/佐证材料/绩效自评说明.pdf');
    const bad = [
      '../etc/passwd',
      '/abs/x.pdf',
      'a//b',
      'a/./b',
      'a/../b',
      'a/b/',
      '',
      'a/b c.pdf',
      'a/b.',
      'a/\u0000b',
    ];
    // a decomposed "é" (NFD) would be a second key for the same name; 1025 bytes is past S3's limit
    bad.push('a/e\u0301.pdf', `a/${'佐'.repeat(120)}/${'证'.repeat(120)}/${'材'.repeat(102)}`);
    for (const key of bad) expect(() => checkKey(key)).toThrow('Invalid storage key');
  });
});

describe('local directory storage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalflow-storage-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores, replaces whole, and reports a missing object', async () => {
    const storage = new LocalDirectoryStorage(dir);
    await storage.put('tenants/t/reports/r/d.pdf', Buffer.from('first'));
    await storage.put('tenants/t/reports/r/d.pdf', Buffer.from('second'));
    expect((await storage.get('tenants/t/reports/r/d.pdf')).toString()).toBe('second');
    expect(await readdir(join(dir, 'tenants/t/reports/r'))).toEqual(['d.pdf']); // no temporary left behind
    expect(await storage.exists('tenants/t/reports/r/d.pdf')).toBe(true);
    expect(await storage.exists('tenants/t/reports/r/x.pdf')).toBe(false);
    await expect(storage.get('tenants/t/reports/r/x.pdf')).rejects.toBeInstanceOf(StorageObjectMissing);
  });

  it('deletes an object; deleting it again, or one never stored, succeeds', async () => {
    const storage = new LocalDirectoryStorage(dir);
    await storage.put('tenants/t/reports/r/imports/i.docx', Buffer.from('PK'));
    await storage.delete('tenants/t/reports/r/imports/i.docx');
    expect(await storage.exists('tenants/t/reports/r/imports/i.docx')).toBe(false);
    await storage.delete('tenants/t/reports/r/imports/i.docx');
    await storage.delete('tenants/t/none/x.txt');
    await expect(storage.delete('../x')).rejects.toThrow('Invalid storage key');
  });

  it('streams in and out with Chinese keys; a missing object throws before the first byte', async () => {
    const storage = new LocalDirectoryStorage(dir);
    const key = 'tenants/t/佐证材料/自评说明.txt';
    await storage.putStream(key, Readable.from([Buffer.from('预算绩效'), Buffer.from('自评：赵县')]), 'text/plain');
    expect(await text(await storage.stream(key))).toBe('预算绩效自评：赵县');
    expect((await storage.get(key)).toString()).toBe('预算绩效自评：赵县');
    await expect(storage.stream('tenants/t/佐证材料/无.txt')).rejects.toBeInstanceOf(StorageObjectMissing);
  });

  it('a body that fails midway leaves neither the object nor a temporary behind', async () => {
    const storage = new LocalDirectoryStorage(dir);
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('half');
        throw new Error('uploader went away');
      })(),
    );
    await expect(storage.putStream('tenants/t/x/e.bin', failing, 'application/octet-stream')).rejects.toThrow(
      'uploader went away',
    );
    expect(await readdir(join(dir, 'tenants/t/x'))).toEqual([]);
  });

  it('refuses to delete a directory found under a key (it is not an object it wrote)', async () => {
    const storage = new LocalDirectoryStorage(dir);
    await storage.put('tenants/t/a/inner.txt', Buffer.from('kept'));
    await expect(storage.delete('tenants/t/a')).rejects.toThrow();
    expect((await storage.get('tenants/t/a/inner.txt')).toString()).toBe('kept');
  });
});
