import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkKey, StorageObjectMissing } from './document-storage';
import { LocalDirectoryStorage } from './local-directory-storage';
import { S3Storage } from './s3-storage';
import { sha256Hex, signRequest } from './sigv4';

describe('storage keys', () => {
  it('accept relative paths of safe segments only', () => {
    expect(checkKey('tenants/a1/reports/b2/c3.pdf')).toBe('tenants/a1/reports/b2/c3.pdf');
    for (const bad of ['../etc/passwd', '/abs/x.pdf', 'a//b', 'a/./b', 'a/../b', 'a/b/', '', 'a/b c.pdf', 'a/b.']) {
      expect(() => checkKey(bad)).toThrow('Invalid storage key');
    }
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

  it('refuses to delete a directory found under a key (it is not an object it wrote)', async () => {
    const storage = new LocalDirectoryStorage(dir);
    await storage.put('tenants/t/a/inner.txt', Buffer.from('kept'));
    await expect(storage.delete('tenants/t/a')).rejects.toThrow();
    expect((await storage.get('tenants/t/a/inner.txt')).toString()).toBe('kept');
  });
});

describe('SigV4 signing', () => {
  it('matches the GET Object example of the AWS documentation', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html ("GET Object")
    const authorization = signRequest(
      {
        method: 'GET',
        path: '/test.txt',
        headers: {
          Host: 'examplebucket.s3.amazonaws.com',
          Range: 'bytes=0-9',
          'x-amz-content-sha256': sha256Hex(''),
          'x-amz-date': '20130524T000000Z',
        },
        payloadHash: sha256Hex(''),
      },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('S3 storage against an S3-like HTTP server', () => {
  let server: Server;
  let endpoint: string;
  const objects = new Map<string, Buffer>();
  const seen: Array<{ method: string; url: string; authorization: string; sha: string; contentType?: string }> = [];
  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((ok) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => ok(Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const data = await body(req);
      seen.push({
        method: req.method as string,
        url: req.url as string,
        authorization: req.headers.authorization as string,
        sha: req.headers['x-amz-content-sha256'] as string,
        contentType: req.headers['content-type'],
      });
      if (req.method === 'DELETE') {
        objects.delete(req.url as string);
        return res.writeHead(204).end();
      }
      if (req.method === 'PUT') {
        if (sha256Hex(data) !== req.headers['x-amz-content-sha256']) return res.writeHead(400).end('BadDigest');
        objects.set(req.url as string, data);
        return res.writeHead(200).end();
      }
      const found = objects.get(req.url as string);
      if (!found) return res.writeHead(404).end();
      return res.writeHead(200).end(req.method === 'HEAD' ? undefined : found);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((ok) => server.close(ok)));

  it('puts and gets path-style, signed, with the payload hash and content type', async () => {
    const storage = new S3Storage({
      endpoint,
      bucket: 'evalflow-docs',
      region: 'cn-north-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      prefix: 'prod',
    });
    const pdf = Buffer.from('%PDF-1.7 赵县');
    await storage.put('tenants/t/reports/r/d.pdf', pdf, 'application/pdf');
    expect((await storage.get('tenants/t/reports/r/d.pdf')).equals(pdf)).toBe(true);
    expect(await storage.exists('tenants/t/reports/r/d.pdf')).toBe(true);
    expect(await storage.exists('tenants/t/reports/r/none.pdf')).toBe(false);
    await expect(storage.get('tenants/t/reports/r/none.pdf')).rejects.toBeInstanceOf(StorageObjectMissing);
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      url: '/evalflow-docs/prod/tenants/t/reports/r/d.pdf',
      sha: sha256Hex(pdf),
      contentType: 'application/pdf',
    });
    expect(seen[0].authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('deletes signed, path-style; a missing object deletes as well; a refusal throws', async () => {
    const options = { endpoint, bucket: 'evalflow-docs', region: 'cn-north-1', accessKeyId: 'AKIDEXAMPLE' };
    const storage = new S3Storage({ ...options, secretAccessKey: 'secret' });
    await storage.put('tenants/t/imports/i.txt', Buffer.from('x'), 'text/plain');
    await storage.delete('tenants/t/imports/i.txt');
    expect(await storage.exists('tenants/t/imports/i.txt')).toBe(false);
    await storage.delete('tenants/t/imports/i.txt');
    const deletes = seen.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.url)).toEqual([
      '/evalflow-docs/tenants/t/imports/i.txt',
      '/evalflow-docs/tenants/t/imports/i.txt',
    ]);
    expect(deletes[0].authorization).toMatch(/SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=/);
    const refusing = new S3Storage({
      ...options,
      secretAccessKey: 'secret',
      fetch: async () => new Response('AccessDenied', { status: 403 }),
    });
    await expect(refusing.delete('tenants/t/imports/i.txt')).rejects.toThrow(
      'S3 DELETE tenants/t/imports/i.txt failed: 403',
    );
  });
});
