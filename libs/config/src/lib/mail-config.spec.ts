import { ConfigError, loadConfig, loadConfigOrExit } from './load-config';

const DEV = { NODE_ENV: 'development' };
const PROD = {
  NODE_ENV: 'production',
  JWT_ACCESS_SECRET: '3f9c2a7e1b8d4f60a5c9e2b7d1f48a3c6e0b9d2f',
  JWT_REFRESH_SECRET: '8b1e4d7a2c9f0e5b3a6d8c1f4e7b2a9d0c5f3e8a',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted it');
}

describe('mail configuration', () => {
  it('writes .eml files in development, logs in tests, and in production logs and says it defaulted', () => {
    expect(loadConfig(DEV).mail).toEqual({
      transport: 'file',
      defaulted: true,
      dir: 'var/mail',
      from: 'EvalFlow 预算绩效自评 <noreply@evalflow.local>',
      smtp: null,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).mail.transport).toBe('log');
    // nothing configured in production: a log line, flagged so the worker warns at start
    expect(loadConfig(PROD).mail).toMatchObject({ transport: 'log', defaulted: true, smtp: null });
    expect(loadConfig({ ...PROD, MAIL_TRANSPORT: 'log' }).mail).toMatchObject({ transport: 'log', defaulted: false });
  });

  it('uses SMTP when a server is named, with STARTTLS required, a pool and bounded timeouts by default', () => {
    const mail = loadConfig({
      ...PROD,
      SMTP_HOST: 'smtp.zhaoxian.gov.cn',
      SMTP_USER: 'noreply@zhaoxian.gov.cn',
      SMTP_PASSWORD: 'Kx7#mail-pass',
      MAIL_FROM: '赵县财政局预算绩效自评 <noreply@zhaoxian.gov.cn>',
    }).mail;
    expect(mail).toEqual({
      transport: 'smtp',
      defaulted: true,
      dir: 'var/mail',
      from: '赵县财政局预算绩效自评 <noreply@zhaoxian.gov.cn>',
      smtp: {
        host: 'smtp.zhaoxian.gov.cn',
        port: 587,
        security: 'starttls',
        auth: { user: 'noreply@zhaoxian.gov.cn', password: 'Kx7#mail-pass' },
        caFile: null,
        connectionTimeoutMs: 10000,
        socketTimeoutMs: 30000,
        pool: true,
        maxConnections: 2,
      },
    });
  });

  it('reads SMTP_URL: smtps:// is TLS on 465, credentials are decoded, the port may be given', () => {
    const tls = loadConfig({ ...DEV, MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtps://bot%40x.cn:p%40ss%3Aword@mail.x.cn' });
    expect(tls.mail.smtp).toMatchObject({
      host: 'mail.x.cn',
      port: 465,
      security: 'tls',
      auth: { user: 'bot@x.cn', password: 'p@ss:word' },
    });
    const plain = loadConfig({ ...DEV, SMTP_URL: 'smtp://relay.local:2525', SMTP_SECURE: 'none', SMTP_POOL: 'false' });
    expect(plain.mail.smtp).toMatchObject({
      host: 'relay.local',
      port: 2525,
      security: 'none',
      auth: null,
      pool: false,
    });
    // port 465 means TLS unless told otherwise
    expect(loadConfig({ ...DEV, SMTP_HOST: 'mail.x.cn', SMTP_PORT: '465' }).mail.smtp?.security).toBe('tls');
  });

  it.each([
    [{ MAIL_TRANSPORT: 'smtp' }, 'SMTP_HOST (or SMTP_URL) must be set when MAIL_TRANSPORT=smtp'],
    [{ MAIL_TRANSPORT: 'sendmail' }, 'MAIL_TRANSPORT must be log, file or smtp (got "sendmail")'],
    [{ SMTP_URL: 'http://mail.x.cn' }, 'SMTP_URL must be an smtp:// or smtps:// URL with a host'],
    [
      { SMTP_URL: 'smtp://a.cn', SMTP_HOST: 'b.cn' },
      'SMTP_URL and SMTP_HOST are both set: name the server one way only',
    ],
    [{ SMTP_URL: 'smtps://a.cn', SMTP_SECURE: 'starttls' }, "SMTP_SECURE=starttls contradicts SMTP_URL's smtps://"],
    [{ SMTP_HOST: 'a.cn', SMTP_SECURE: 'ssl' }, 'SMTP_SECURE must be tls, starttls or none (got "ssl")'],
    [{ SMTP_HOST: 'a.cn', SMTP_PORT: '99999' }, 'SMTP_PORT must be between 1 and 65535'],
    [{ SMTP_HOST: 'a.cn', SMTP_USER: 'bot' }, 'SMTP_PASSWORD must be set with SMTP_USER'],
    [{ SMTP_HOST: 'a.cn', SMTP_PASSWORD: 'pw' }, 'SMTP_USER must be set with SMTP_PASSWORD'],
    [{ SMTP_HOST: 'a.cn', SMTP_POOL: 'yes' }, 'SMTP_POOL must be true or false'],
    [{ SMTP_HOST: 'a.cn', SMTP_SOCKET_TIMEOUT_MS: '0' }, 'SMTP_SOCKET_TIMEOUT_MS must be at least 1'],
    [{ MAIL_FROM: 'EvalFlow' }, 'MAIL_FROM must be an address, or a name and an address'],
  ])('refuses to start on %j', (vars, message) => {
    const problems = problemsOf({ ...DEV, ...vars });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('never repeats the SMTP password or an SMTP_URL, which may hold one', () => {
    const problems = problemsOf({ ...DEV, SMTP_URL: 'ftp://bot:hunter2secret@mail.x.cn' });
    expect(problems.join()).not.toContain('hunter2secret');
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = jest.fn((code: number) => {
      throw new Error(`exit ${code}`);
    }) as unknown as (code: number) => never;
    try {
      expect(() => loadConfigOrExit({ ...DEV, MAIL_TRANSPORT: 'smtp' }, exit)).toThrow('exit 78');
      expect(String(write.mock.calls[0][0])).toContain('SMTP_HOST (or SMTP_URL) must be set when MAIL_TRANSPORT=smtp');
    } finally {
      write.mockRestore();
    }
  });

  it('refuses a password sent without TLS to another host in production, not to a relay on this one', () => {
    const clear = { ...PROD, SMTP_HOST: 'mail.x.cn', SMTP_SECURE: 'none', SMTP_USER: 'bot', SMTP_PASSWORD: 'pw' };
    expect(problemsOf(clear)).toEqual([
      'SMTP_SECURE=none would send SMTP_PASSWORD unencrypted to mail.x.cn; use starttls or tls in production',
    ]);
    expect(loadConfig({ ...clear, SMTP_HOST: '127.0.0.1' }).mail.smtp?.security).toBe('none');
    expect(loadConfig({ ...clear, NODE_ENV: 'development' }).mail.smtp?.security).toBe('none');
  });

  it('ignores SMTP settings when another transport is chosen explicitly', () => {
    expect(loadConfig({ ...DEV, MAIL_TRANSPORT: 'file', SMTP_HOST: 'a.cn' }).mail).toMatchObject({
      transport: 'file',
      smtp: null,
    });
  });
});
