import { ConfigError, loadConfig, loadConfigOrExit } from './load-config';

describe('loadConfig', () => {
  it('works on this machine with no variables set', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBe('postgres://evalflow_app@127.0.0.1:5432/evalflow');
    expect(config.database.migrationUrl).toBe('postgres://postgres@127.0.0.1:5432/evalflow');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.queue.prefix).toBe('evalflow');
    expect(config.auth.accessTtlSeconds).toBe(900);
    expect(config.env).toBe('development');
  });

  it('reads and converts the variables it is given', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_POOL_SIZE: '3', TRUST_PROXY: 'true', LOG_LEVEL: 'debug' });
    expect(config.http.port).toBe(8080);
    expect(config.database.poolSize).toBe(3);
    expect(config.http.trustProxy).toBe(true);
    expect(config.log.level).toBe('debug');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '  ' }).http.port).toBe(3000);
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
  ])('names %s when it is %s', (name, value, pattern) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(pattern);
    }
  });

  it('never echoes a secret value', () => {
    expect(() => loadConfig({ JWT_REFRESH_SECRET: 'hunter2' })).toThrow(/JWT_REFRESH_SECRET must be at least 32/);
    expect(() => loadConfig({ JWT_REFRESH_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('lists every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: '0', REDIS_URL: 'x' })).toThrow(/^Invalid configuration: PORT .*; REDIS_URL .*$/);
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET must be set in production/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: 'a'.repeat(40),
      JWT_REFRESH_SECRET: 'b'.repeat(40),
    });
    expect(ok.env).toBe('production');
  });

  it('refuses the same secret for access and refresh tokens', () => {
    expect(() => loadConfig({ JWT_ACCESS_SECRET: 'c'.repeat(40), JWT_REFRESH_SECRET: 'c'.repeat(40) })).toThrow(
      /JWT_REFRESH_SECRET must differ/,
    );
  });
});

describe('loadConfigOrExit', () => {
  it('stores documents in a local directory unless S3 is chosen, and then needs every S3 setting', () => {
    expect(loadConfig({}).storage).toEqual({ driver: 'local', dir: 'var/storage', s3: null });
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'docs' })).toThrow(
      'S3_ENDPOINT must be set when STORAGE_DRIVER=s3; S3_ACCESS_KEY_ID must be set when STORAGE_DRIVER=s3',
    );
    const s3 = {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'docs',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3).storage.s3).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'docs',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      prefix: '',
    });
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow(
      'S3_ENDPOINT must be an http:// or https:// URL',
    );
    expect(() => loadConfig({ STORAGE_DRIVER: 'ftp' })).toThrow('STORAGE_DRIVER must be local or s3');
  });

  it('prints one line naming the variable and exits with a non-zero code', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = jest.fn((code: number) => {
      throw new Error(`exit ${code}`);
    }) as unknown as (code: number) => never;
    try {
      expect(() => loadConfigOrExit({ DATABASE_URL: 'nonsense' }, exit)).toThrow('exit 78');
      expect(write).toHaveBeenCalledTimes(1);
      const line = String(write.mock.calls[0][0]);
      expect(line.trimEnd().split('\n')).toHaveLength(1);
      expect(line).toContain('DATABASE_URL');
    } finally {
      write.mockRestore();
    }
  });
});
