import { ConfigError, loadConfig, loadConfigOrExit } from './load-config';

const DEV = { NODE_ENV: 'development' };
const SECRETS = {
  JWT_ACCESS_SECRET: '3f9c2a7e1b8d4f60a5c9e2b7d1f48a3c6e0b9d2f',
  JWT_REFRESH_SECRET: '8b1e4d7a2c9f0e5b3a6d8c1f4e7b2a9d0c5f3e8a',
};

describe('loadConfig', () => {
  it('is production unless told otherwise, and then needs real secrets', () => {
    expect(() => loadConfig({})).toThrow(/JWT_ACCESS_SECRET must be set in production/);
  });

  it('works on this machine in development with no other variables set', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBe('postgres://evalflow_app@127.0.0.1:5432/evalflow');
    expect(config.database.migrationUrl).toBe('postgres://postgres@127.0.0.1:5432/evalflow');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.queue.prefix).toBe('evalflow');
    expect(config.auth.accessTtlSeconds).toBe(900);
    expect(config.env).toBe('development');
    expect(config.http.trustProxy).toEqual([]);
    expect(config.http.requestTimeoutMs).toBe(30000);
    expect(config.http.rateLimits).toEqual({ auth: 30, costly: 20, writes: 300, reads: 1200, public: 60, apiKey: 120 });
    expect(config.render).toEqual({ maxPages: 300, maxBytes: 52428800, timeoutMs: 120000, maxHeapMb: 512 });
    expect(config.sweepEveryMs).toBe(60000);
    expect(loadConfig({ ...DEV, SWEEP_EVERY_MS: '0' }).sweepEveryMs).toBe(0);
    expect(config.imports).toEqual({ expireAfterMs: 7 * 24 * 3600_000 });
    expect(loadConfig({ ...DEV, IMPORT_EXPIRE_AFTER_HOURS: '48' }).imports.expireAfterMs).toBe(48 * 3600_000);
  });

  it('reads and converts the variables it is given', () => {
    const config = loadConfig({
      ...DEV,
      PORT: '8080',
      DATABASE_POOL_SIZE: '3',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback',
      LOG_LEVEL: 'debug',
    });
    expect(config.http.port).toBe(8080);
    expect(config.database.poolSize).toBe(3);
    expect(config.http.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'loopback']);
    expect(config.log.level).toBe('debug');
  });

  it('never repeats the password of a URL it refuses', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...DEV, ...env });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    const said = problems({ DATABASE_URL: 'mysql://app:s3cret-pw@db.internal/evalflow' });
    expect(said).toContain('DATABASE_URL');
    expect(said).toContain('mysql://app:***@db.internal');
    expect(said).not.toContain('s3cret-pw');
    expect(problems({ REDIS_URL: 'http://:redis-pw@cache:6379' })).not.toContain('redis-pw');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...DEV, PORT: '  ' }).http.port).toBe(3000);
  });

  it.each([
    [
      'DATABASE_URL',
      'nonsense',
      /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL with a host \(got "nonsense"\)$/,
    ],
    ['DATABASE_URL', 'mysql://h/db', /DATABASE_URL must be a postgres/],
    ['REDIS_URL', 'http://x', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['PORT', '70000', /PORT must be between 1 and 65535/],
    ['PORT', 'abc', /PORT must be a port number/],
    ['QUEUE_PREFIX', 'a:b', /QUEUE_PREFIX must be 1–64 letters/],
    ['NODE_ENV', 'staging', /NODE_ENV must be development, test or production/],
    ['JWT_ACCESS_SECRET', 'short', /JWT_ACCESS_SECRET must be at least 32 characters long$/],
    ['JWT_ACCESS_TTL_SECONDS', '3600', /JWT_ACCESS_TTL_SECONDS must be at most 900/],
    ['TRUST_PROXY', 'true', /TRUST_PROXY must list the proxies to trust/],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY has "10.0.0.0\/33", which is neither an address/],
    ['TRUST_PROXY', 'proxy.local', /TRUST_PROXY has "proxy.local"/],
    ['REQUEST_TIMEOUT_MS', '0', /REQUEST_TIMEOUT_MS must be at least 1/],
    ['RENDER_MAX_PAGES', '6000', /RENDER_MAX_PAGES must be at most 5000/],
    ['SWEEP_EVERY_MS', '100', /SWEEP_EVERY_MS must be 0 \(off\) or between 5000 and 3600000/],
    ['IMPORT_EXPIRE_AFTER_HOURS', '0', /IMPORT_EXPIRE_AFTER_HOURS must be at least 1/],
    ['IMPORT_EXPIRE_AFTER_HOURS', '2161', /IMPORT_EXPIRE_AFTER_HOURS must be at most 2160/],
    ['IMPORT_EXPIRE_AFTER_HOURS', '1.5', /IMPORT_EXPIRE_AFTER_HOURS must be a whole number/],
  ])('names %s when it is %s', (name, value, pattern) => {
    expect(() => loadConfig({ ...DEV, [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ ...DEV, [name]: value });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(pattern);
    }
  });

  it('never echoes a secret value', () => {
    expect(() => loadConfig({ ...DEV, JWT_REFRESH_SECRET: 'hunter2' })).toThrow(
      /JWT_REFRESH_SECRET must be at least 32/,
    );
    expect(() => loadConfig({ ...DEV, JWT_REFRESH_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('lists every bad variable in one message', () => {
    expect(() => loadConfig({ ...DEV, PORT: '0', REDIS_URL: 'x' })).toThrow(
      /^Invalid configuration: PORT .*; REDIS_URL .*$/,
    );
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET must be set in production/);
    const ok = loadConfig({ NODE_ENV: 'production', ...SECRETS });
    expect(ok.env).toBe('production');
  });

  it('keys the webhooks’ signing secrets by a key of their own, never a public default', () => {
    const prod = loadConfig({ NODE_ENV: 'production', ...SECRETS });
    const dev = loadConfig({ ...DEV });
    // unset: derived from the refresh secret, so each deployment's differs and none is written in the code
    expect(prod.webhooks.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(prod.webhooks.secretKey).not.toBe(dev.webhooks.secretKey);
    expect(prod.webhooks.secretKey).not.toContain(SECRETS.JWT_REFRESH_SECRET);
    const other = loadConfig({
      NODE_ENV: 'production',
      ...SECRETS,
      JWT_REFRESH_SECRET: 'f'.repeat(4) + SECRETS.JWT_REFRESH_SECRET,
    });
    expect(other.webhooks.secretKey).not.toBe(prod.webhooks.secretKey);
    // set: taken as given, and held to the production rules for secrets
    const own = '0123456789abcdef0123456789abcdefXYZ';
    expect(loadConfig({ NODE_ENV: 'production', ...SECRETS, WEBHOOK_SECRET_KEY: own }).webhooks.secretKey).toBe(own);
    expect(() => loadConfig({ NODE_ENV: 'production', ...SECRETS, WEBHOOK_SECRET_KEY: 'b'.repeat(40) })).toThrow(
      /WEBHOOK_SECRET_KEY has fewer than 12 distinct characters/,
    );
  });

  it.each([
    ['a'.repeat(40), /JWT_ACCESS_SECRET has fewer than 12 distinct characters/],
    ['please-change-me-before-going-live-0123', /JWT_ACCESS_SECRET looks like a placeholder/],
  ])('refuses a guessable secret in production: %s', (value, pattern) => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...SECRETS, JWT_ACCESS_SECRET: value })).toThrow(pattern);
    // development takes it (its own machine, its own risk)
    expect(loadConfig({ NODE_ENV: 'development', ...SECRETS, JWT_ACCESS_SECRET: value }).env).toBe('development');
  });

  it.each([
    ['postgres://evalflow_app:evalflow-app@db.internal/evalflow', /DATABASE_URL uses a password from the examples/],
    ['postgres://evalflow_app@db.internal/evalflow', /DATABASE_URL needs a password in production/],
    ['postgres://evalflow_app:short@db.internal/evalflow', /DATABASE_URL needs a password of at least 12/],
  ])('refuses a weak database password in production: %s', (url, pattern) => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...SECRETS, DATABASE_URL: url })).toThrow(pattern);
  });

  it('takes a strong database password, and a local database without one, in production', () => {
    const strong = 'postgres://evalflow_app:Vq7rT2mX9kLp4sWz@db.internal/evalflow';
    expect(loadConfig({ NODE_ENV: 'production', ...SECRETS, DATABASE_URL: strong }).database.url).toBe(strong);
    const local = 'postgres://evalflow_app@127.0.0.1:5432/evalflow';
    expect(loadConfig({ NODE_ENV: 'production', ...SECRETS, DATABASE_URL: local }).database.url).toBe(local);
  });

  it('refuses the same secret for access and refresh tokens', () => {
    expect(() => loadConfig({ ...DEV, JWT_ACCESS_SECRET: 'c'.repeat(40), JWT_REFRESH_SECRET: 'c'.repeat(40) })).toThrow(
      /JWT_REFRESH_SECRET must differ/,
    );
  });
});

describe('loadConfigOrExit', () => {
  it('stores documents in a local directory unless S3 is chosen, and then needs a bucket', () => {
    expect(loadConfig(DEV).storage).toEqual({ driver: 'local', dir: 'var/storage', s3: null });
    expect(() => loadConfig({ ...DEV, STORAGE_DRIVER: 's3' })).toThrow('S3_BUCKET must be set when STORAGE_DRIVER=s3');
    const s3 = {
      ...DEV,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'docs',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3).storage.s3).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'docs',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      prefix: '',
      requestTimeoutMs: 30000,
      maxAttempts: 3,
      partSizeBytes: 8 * 1024 * 1024,
      checksums: 'when_supported',
    });
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow(
      'S3_ENDPOINT must be an http:// or https:// URL',
    );
    expect(() => loadConfig({ ...DEV, STORAGE_DRIVER: 'ftp' })).toThrow('STORAGE_DRIVER must be local or s3');
  });

  it('addresses AWS and Alibaba OSS virtual-hosted by default, and takes temporary credentials', () => {
    const oss = loadConfig({
      ...DEV,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'https://s3.oss-cn-hangzhou.aliyuncs.com',
      S3_REGION: 'cn-hangzhou',
      S3_BUCKET: 'county-evidence',
      S3_ACCESS_KEY_ID: 'STS.id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_SESSION_TOKEN: 'token',
      S3_REQUEST_TIMEOUT_MS: '5000',
      S3_MAX_ATTEMPTS: '5',
      S3_PART_SIZE_MB: '16',
      S3_CHECKSUMS: 'when_required',
    }).storage.s3;
    expect(oss).toMatchObject({
      forcePathStyle: false,
      credentials: { accessKeyId: 'STS.id', secretAccessKey: 'secret', sessionToken: 'token' },
      requestTimeoutMs: 5000,
      maxAttempts: 5,
      partSizeBytes: 16 * 1024 * 1024,
      checksums: 'when_required',
    });
    // no endpoint and no keys: AWS's endpoint for the region and the SDK's default chain (an instance role…)
    const aws = loadConfig({ ...DEV, STORAGE_DRIVER: 's3', S3_REGION: 'cn-north-1', S3_BUCKET: 'docs' }).storage.s3;
    expect(aws).toMatchObject({ endpoint: null, region: 'cn-north-1', forcePathStyle: false, credentials: null });
  });

  it('names each bad S3 setting at start-up', () => {
    const s3 = { ...DEV, STORAGE_DRIVER: 's3', S3_BUCKET: 'docs' };
    const refused: Array<[Record<string, string>, string]> = [
      [{ S3_ACCESS_KEY_ID: 'id' }, 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together'],
      [{ S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together'],
      [{ S3_SESSION_TOKEN: 'token' }, 'S3_SESSION_TOKEN needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY'],
      [{ S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE must be true or false (got "yes")'],
      [{ S3_REQUEST_TIMEOUT_MS: '0' }, 'S3_REQUEST_TIMEOUT_MS must be at least 100'],
      [{ S3_MAX_ATTEMPTS: '11' }, 'S3_MAX_ATTEMPTS must be at most 10'],
      [{ S3_PART_SIZE_MB: '4' }, 'S3_PART_SIZE_MB must be at least 5 (S3 refuses smaller parts)'],
      [{ S3_CHECKSUMS: 'never' }, 'S3_CHECKSUMS must be when_supported or when_required'],
      [{ S3_BUCKET: 'My_Bucket' }, 'S3_BUCKET must be a bucket name'],
      [{ S3_REGION: 'CN North 1' }, 'S3_REGION must be a region name'],
      [{ S3_ENDPOINT: 'ftp://minio:9000' }, 'S3_ENDPOINT must be an http:// or https:// URL'],
    ];
    for (const [env, message] of refused) expect(() => loadConfig({ ...s3, ...env })).toThrow(message);
  });

  it('prints one line naming the variable and exits with a non-zero code', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = jest.fn((code: number) => {
      throw new Error(`exit ${code}`);
    }) as unknown as (code: number) => never;
    try {
      expect(() => loadConfigOrExit({ ...DEV, DATABASE_URL: 'nonsense' }, exit)).toThrow('exit 78');
      expect(write).toHaveBeenCalledTimes(1);
      const line = String(write.mock.calls[0][0]);
      expect(line.trimEnd().split('\n')).toHaveLength(1);
      expect(line).toContain('DATABASE_URL');
    } finally {
      write.mockRestore();
    }
  });
});
