import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SMTP_SECURITY_LABELS, type AppConfig } from '@evalflow/config';
import { MAIL_TRANSPORT } from './mail-transport';
import { NodemailerMailTransport } from './nodemailer-transport';

/** Says at start where e-mail goes; warns when production delivers none, and when the SMTP server does not answer. */
@Injectable()
export class MailStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @Inject(MAIL_TRANSPORT) private readonly transport: NodemailerMailTransport,
  ) {}

  onApplicationBootstrap(): void {
    const mail = this.config.get('mail', { infer: true });
    const env = this.config.get('env', { infer: true });
    if (mail.transport === 'smtp' && mail.smtp) {
      const { host, port, security } = mail.smtp;
      this.logger.log({ msg: `notification e-mail through ${host}:${port}, ${SMTP_SECURITY_LABELS[security]}` });
      // a server away at start is not fatal: the inbox works, and each notification job retries its e-mail
      this.transport.verify().catch((error: Error) => {
        this.logger.warn({ msg: `the SMTP server ${host}:${port} does not answer as expected: ${error.message}` });
      });
    } else if (mail.transport === 'log' && mail.defaulted && env === 'production') {
      this.logger.warn({
        msg:
          'MAIL_TRANSPORT is not set: notification e-mail is only written to the log, not delivered. ' +
          'Set SMTP_URL or SMTP_HOST (and MAIL_FROM) to deliver it, or MAIL_TRANSPORT=log to keep it so.',
      });
    } else {
      this.logger.log({
        msg: `notification e-mail: ${mail.transport === 'file' ? `.eml files in ${mail.dir}` : 'log lines only'}`,
      });
    }
  }
}

@Module({
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new NodemailerMailTransport(config.get('mail', { infer: true })),
    },
    MailStartup,
  ],
  exports: [MAIL_TRANSPORT],
})
export class MailModule {}
