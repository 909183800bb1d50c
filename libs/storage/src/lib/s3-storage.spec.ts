import S3rver from '@20minutes/s3rver';
import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type LookupFunction, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { StorageObjectMissing } from './document-storage';
import { S3Storage, type S3StorageOptions } from './s3-storage';
import { StorageFailure } from './storage-failure';

// A 12 MiB multipart upload through a real S3-compatible server: generous for a shared 2-core machine.
jest.setTimeout(60_000);

const BUCKET = 'evalflow-docs';
const MiB = 1024 * 1024;
const portOf = (server: { address(): unknown }) => (server.address() as AddressInfo).port;
const listening = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const closed = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise<void>((ok) => server.close(() => ok()));

const base = (endpoint: string, more: Partial<S3StorageOptions> = {}): S3StorageOptions => ({
  endpoint,
  bucket: BUCKET,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  prefix: '',
  requestTimeoutMs: 10_000,
  maxAttempts: 2,
  partSizeBytes: 5 * MiB,
  checksums: 'when_supported',
  ...more,
});

/** Resolves every name to loopback, so <bucket>.s3.localhost reaches the test's server; records the names. */
function loopbackAgent(looked: string[]): Agent {
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    looked.push(hostname);
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  }) as unknown as LookupFunction;
  return new Agent({ keepAlive: true, lookup });
}

const failureOf = async (promise: Promise<unknown>): Promise<StorageFailure> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageFailure);
  return error as StorageFailure;
};

describe('S3 storage against an S3-compatible server (s3rver, in-process)', () => {
  let s3rver: S3rver;
  let directory: string;
  let endpoint: string;
  let port: number;
  const seen: Array<{ method: string; url: string; host?: string; headers: IncomingHttpHeaders }> = [];
  const storages: S3Storage[] = [];
  const storage = (more: Partial<S3StorageOptions> = {}) => {
    const made = new S3Storage(base(endpoint, more));
    storages.push(made);
    return made;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'evalflow-s3rver-'));
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      serviceEndpoint: 'localhost',
      configureBuckets: [{ name: BUCKET }],
    });
    port = (await s3rver.run()).port;
    endpoint = `http://127.0.0.1:${port}`;
    // first, before s3rver rewrites a virtual-hosted request's url
    s3rver.httpServer.prependListener('request', (req) =>
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host, headers: req.headers }),
    );
  });
  beforeEach(() => {
    seen.length = 0;
  });
  afterAll(async () => {
    for (const made of storages) made.onModuleDestroy();
    await s3rver.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('puts, gets, streams and deletes Chinese keys and contents, path-style', async () => {
    const s3 = storage({ prefix: 'prod' });
    const key = 'tenants/t1/佐证材料/绩效自评说明.txt';
    const content = Buffer.from('预算绩效自评：赵县，满分 100 分');
    await s3.put(key, content, 'text/plain; charset=utf-8');
    expect((await s3.get(key)).equals(content)).toBe(true);
    expect(await text(await s3.stream(key))).toBe(content.toString());
    expect(await s3.exists(key)).toBe(true);
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.host).toBe(`127.0.0.1:${port}`);
    expect(pathOf(put?.url)).toBe(
      `/${BUCKET}/prod/tenants/t1/${encodeURIComponent('佐证材料')}/${encodeURIComponent('绩效自评说明.txt')}`,
    );
    expect(put?.headers['content-type']).toBe('text/plain; charset=utf-8');
    // the SDK's integrity check: a CRC32 of the body travels with the upload
    expect(put?.headers['x-amz-checksum-crc32']).toBe(crc32Base64(content));

    await s3.delete(key);
    expect(await s3.exists(key)).toBe(false);
    await expect(s3.get(key)).rejects.toBeInstanceOf(StorageObjectMissing);
    await expect(s3.stream(key)).rejects.toBeInstanceOf(StorageObjectMissing);
    await s3.delete(key); // deleting it again succeeds
    await expect(s3.get('../etc/passwd')).rejects.toThrow('Invalid storage key');
  });

  it('uploads a body over one part as a multipart upload, and downloads it as a stream', async () => {
    const s3 = storage();
    const data = randomBytes(12 * MiB);
    const chunks = Array.from({ length: 12 }, (_, i) => data.subarray(i * MiB, (i + 1) * MiB));
    await s3.putStream('tenants/t1/exports/大文件.bin', Readable.from(chunks), 'application/octet-stream');

    // create, three parts (5 + 5 + 2 MiB), complete: all on the object's path
    const path = `/${BUCKET}/tenants/t1/exports/${encodeURIComponent('大文件.bin')}`;
    expect(new Set(seen.map((r) => pathOf(r.url)))).toEqual(new Set([path]));
    const query = (r: { url: string }) => new URL(r.url, endpoint).searchParams;
    const posts = seen.filter((r) => r.method === 'POST').map(query);
    expect(posts.map((q) => [q.has('uploads'), q.has('uploadId')])).toEqual([
      [true, false],
      [false, true],
    ]);
    const parts = seen.filter((r) => r.method === 'PUT');
    expect(parts.map((r) => query(r).get('partNumber')).sort()).toEqual(['1', '2', '3']);
    expect(parts.map((r) => Number(r.headers['content-length'])).sort((a, b) => a - b)).toEqual([
      2 * MiB,
      5 * MiB,
      5 * MiB,
    ]);

    const stream = await s3.stream('tenants/t1/exports/大文件.bin');
    const sizes: number[] = [];
    const hash = createHash('sha256');
    for await (const chunk of stream) {
      sizes.push((chunk as Buffer).length);
      hash.update(chunk as Buffer);
    }
    expect(hash.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    expect(Math.max(...sizes)).toBeLessThan(MiB); // read as it arrives, never as one 12 MiB buffer
  });

  it('stops reading when the consumer stops, and the next request still goes through', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const s3 = storage();
    await s3.put('tenants/t1/exports/early.bin', randomBytes(3 * MiB), 'application/octet-stream');
    const stream = await s3.stream('tenants/t1/exports/early.bin');
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break; // leaving the loop destroys the stream
    }
    expect(stream.destroyed).toBe(true);
    expect(await s3.exists('tenants/t1/exports/early.bin')).toBe(true);
    expect(warn).not.toHaveBeenCalled(); // stopping early is no failure of the store
    warn.mockRestore();
  });

  it('addresses the bucket virtual-hosted when path style is off', async () => {
    // s3rver checks a virtual-hosted request's signature against a path with the bucket in it (as SDK v2 signed),
    // which no SigV4 client does: this second server routes by host name without checking signatures
    const vhostDirectory = await mkdtemp(join(tmpdir(), 'evalflow-s3rver-vhost-'));
    const vhost = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: vhostDirectory,
      serviceEndpoint: 'localhost',
      allowMismatchedSignatures: true,
      configureBuckets: [{ name: BUCKET }],
    });
    const vhostPort = (await vhost.run()).port;
    const hosts: Array<{ host?: string; url?: string }> = [];
    vhost.httpServer.prependListener('request', (req) => hosts.push({ host: req.headers.host, url: req.url }));
    try {
      const looked: string[] = [];
      const s3 = storage({
        endpoint: `http://s3.localhost:${vhostPort}`,
        forcePathStyle: false,
        httpAgent: loopbackAgent(looked),
      });
      await s3.put('tenants/t1/documents/报告.pdf', Buffer.from('%PDF-1.7 栾城区'), 'application/pdf');
      expect((await s3.get('tenants/t1/documents/报告.pdf')).toString()).toBe('%PDF-1.7 栾城区');
      expect(new Set(looked)).toEqual(new Set([`${BUCKET}.s3.localhost`]));
      expect(hosts[0].host).toBe(`${BUCKET}.s3.localhost:${vhostPort}`);
      expect(pathOf(hosts[0].url)).toBe(`/tenants/t1/documents/${encodeURIComponent('报告.pdf')}`);
    } finally {
      await vhost.close();
      await rm(vhostDirectory, { recursive: true, force: true });
    }
  });

  it('signs with temporary credentials (a session token), and falls back to the default chain without keys', async () => {
    const token = 'FwoGZXIvYXdzEBYaDHsessiontoken//example+token=';
    const temporary = storage({
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', sessionToken: token },
    });
    await temporary.put('tenants/t1/sts.txt', Buffer.from('临时凭证'), 'text/plain');
    expect(seen[0].headers['x-amz-security-token']).toBe(token);
    expect((await temporary.get('tenants/t1/sts.txt')).toString()).toBe('临时凭证');

    // the chain's first link is the environment; instance metadata is switched off so nothing leaves the machine
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    try {
      expect((await storage({ credentials: null }).get('tenants/t1/sts.txt')).toString()).toBe('临时凭证');
    } finally {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EC2_METADATA_DISABLED']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });

  it('turns a refusal into our code and Chinese message; the store’s details go to the log only', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const wrongKey = storage({ credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' } });
      const refused = await failureOf(wrongKey.get('tenants/t1/sts.txt'));
      expect(refused.toBody()).toEqual({
        code: 'STORAGE_REFUSED',
        message: '文件存储拒绝了请求，请联系管理员检查存储配置',
      });
      expect(refused.kind).toBe('unavailable');
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({
          operation: 'get',
          code: 'STORAGE_REFUSED',
          s3Code: 'SignatureDoesNotMatch',
          status: 403,
        }),
      );
      // a missing bucket is a configuration fault, never a missing object
      const noBucket = await failureOf(storage({ bucket: 'no-such-bucket' }).get('tenants/t1/sts.txt'));
      expect(noBucket.code).toBe('STORAGE_REFUSED');
      await expect(
        storage({ bucket: 'no-such-bucket' }).put('tenants/t1/x.txt', Buffer.from('x'), 'text/plain'),
      ).rejects.toMatchObject({ code: 'STORAGE_REFUSED' });
    } finally {
      warn.mockRestore();
    }
  });
});

describe('S3 storage when the store misbehaves', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    warn.mockRestore();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const storage = (options: S3StorageOptions) => {
    const made = new S3Storage(options);
    cleanups.push(() => made.onModuleDestroy());
    return made;
  };

  it('gives up on a server that accepts and never answers after the timeout, once per attempt', async () => {
    let connections = 0;
    const sockets = new Set<Socket>();
    const hanging = createNetServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await listening(hanging);
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return closed(hanging);
    });
    const endpoint = `http://127.0.0.1:${portOf(hanging)}`;

    const started = Date.now();
    const timedOut = await failureOf(
      storage(base(endpoint, { requestTimeoutMs: 300, maxAttempts: 3 })).get('tenants/t/a.pdf'),
    );
    const elapsed = Date.now() - started;
    expect(timedOut.toBody()).toEqual({ code: 'STORAGE_TIMEOUT', message: '文件存储响应超时，请稍后重试' });
    expect(connections).toBe(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 300);
    // three timeouts and two short back-offs, far from the 30 s a missing timeout would take
    expect(elapsed).toBeLessThan(10_000);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ code: 'STORAGE_TIMEOUT', attempts: 3 }));

    connections = 0;
    const once = storage(base(endpoint, { requestTimeoutMs: 300, maxAttempts: 1 }));
    expect((await failureOf(once.put('tenants/t/b.pdf', Buffer.from('x'), 'application/pdf'))).code).toBe(
      'STORAGE_TIMEOUT',
    );
    expect(connections).toBe(1);
  });

  it('retries a busy store as many times as configured, and shows no S3 XML', async () => {
    let requests = 0;
    const busy = createHttpServer((req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(503, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
      );
    });
    await listening(busy);
    cleanups.push(() => closed(busy));

    const s3 = storage(base(`http://127.0.0.1:${portOf(busy)}`, { maxAttempts: 2 }));
    const failure = await failureOf(s3.exists('tenants/t/a.pdf'));
    expect(failure.toBody()).toEqual({ code: 'STORAGE_UNAVAILABLE', message: '文件存储暂不可用，请稍后重试' });
    expect(JSON.stringify(failure.toBody())).not.toMatch(/SlowDown|<Error>|reduce/);
    expect(requests).toBe(2);
    expect((await failureOf(s3.get('tenants/t/a.pdf'))).message).toBe('文件存储暂不可用，请稍后重试');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ s3Code: 'SlowDown', status: 503 }));
  });

  it('refuses a download whose checksum does not match, and sends checksums only when asked to', async () => {
    const uploads: IncomingHttpHeaders[] = [];
    const store = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method === 'PUT') {
          uploads.push(req.headers);
          res.writeHead(200, { etag: '"e"' }).end();
          return;
        }
        // the body says one thing, its checksum another (a corruption on the way)
        res.writeHead(200, { 'content-type': 'text/plain', 'x-amz-checksum-crc32': crc32Base64(Buffer.from('预算')) });
        res.end('预箅');
      });
    });
    await listening(store);
    cleanups.push(() => closed(store));
    const endpoint = `http://127.0.0.1:${portOf(store)}`;

    const corrupt = await failureOf(storage(base(endpoint, { maxAttempts: 1 })).get('tenants/t/a.txt'));
    expect(corrupt.toBody()).toEqual({ code: 'STORAGE_CHECKSUM_MISMATCH', message: '文件传输校验未通过，请重试' });

    await storage(base(endpoint, { checksums: 'when_required' })).put(
      'tenants/t/b.txt',
      Buffer.from('b'),
      'text/plain',
    );
    await storage(base(endpoint)).put('tenants/t/c.txt', Buffer.from('c'), 'text/plain');
    expect(uploads.map((h) => h['x-amz-checksum-crc32'])).toEqual([undefined, crc32Base64(Buffer.from('c'))]);
  });

  it('a store that cannot be reached is unavailable', async () => {
    const gone = createNetServer();
    await listening(gone);
    const port = portOf(gone);
    await closed(gone);
    const failure = await failureOf(
      storage(base(`http://127.0.0.1:${port}`, { maxAttempts: 1 })).get('tenants/t/a.pdf'),
    );
    expect(failure.code).toBe('STORAGE_UNAVAILABLE');
  });

  it('a failing upload body is the caller’s error, not the store’s', async () => {
    const store = createHttpServer((req, res) => {
      req.resume();
      res.writeHead(200, { etag: '"e"' }).end();
    });
    await listening(store);
    cleanups.push(() => closed(store));
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('half');
        throw new Error('uploader went away');
      })(),
    );
    const s3 = storage(base(`http://127.0.0.1:${portOf(store)}`));
    await expect(s3.putStream('tenants/t/a.bin', failing, 'application/octet-stream')).rejects.toThrow(
      'uploader went away',
    );
  });
});

const pathOf = (url: string | undefined) => new URL(url ?? '', 'http://x').pathname;

function crc32Base64(data: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data));
  return out.toString('base64');
}
