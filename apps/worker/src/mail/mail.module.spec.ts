import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadConfig, type AppConfig } from '@evalflow/config';
import { MailStartup } from './mail.module';
import { NodemailerMailTransport } from './nodemailer-transport';

const PROD = {
  NODE_ENV: 'production',
  JWT_ACCESS_SECRET: '3f9c2a7e1b8d4f60a5c9e2b7d1f48a3c6e0b9d2f',
  JWT_REFRESH_SECRET: '8b1e4d7a2c9f0e5b3a6d8c1f4e7b2a9d0c5f3e8a',
};

/** What the worker says at start about e-mail, for the configuration it was given. */
function startupLines(env: Record<string, string>): { warn: string[]; log: string[] } {
  const config = loadConfig(env);
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  try {
    const transport = new NodemailerMailTransport(config.mail);
    new MailStartup(new ConfigService<AppConfig, true>(config as never), transport).onApplicationBootstrap();
    transport.onModuleDestroy();
    const text = (calls: unknown[][]) => calls.map((c) => (c[0] as { msg: string }).msg);
    return { warn: text(warn.mock.calls), log: text(log.mock.calls) };
  } finally {
    warn.mockRestore();
    log.mockRestore();
  }
}

describe('MailStartup', () => {
  it('warns when production has no mail server configured: e-mail is only logged', () => {
    const { warn } = startupLines(PROD);
    expect(warn).toEqual([
      expect.stringMatching(/^MAIL_TRANSPORT is not set: notification e-mail is only written to the log/),
    ]);
  });

  it('says nothing alarming when the log was chosen, or in development', () => {
    expect(startupLines({ ...PROD, MAIL_TRANSPORT: 'log' })).toEqual({
      warn: [],
      log: ['notification e-mail: log lines only'],
    });
    expect(startupLines({ NODE_ENV: 'development' })).toEqual({
      warn: [],
      log: ['notification e-mail: .eml files in var/mail'],
    });
  });
});
