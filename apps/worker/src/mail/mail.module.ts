import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { FileMailTransport, LogMailTransport, MAIL_TRANSPORT } from './mail-transport';

@Module({
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const mail = config.get('mail', { infer: true });
        return mail.transport === 'file' ? new FileMailTransport(mail.dir, mail.from) : new LogMailTransport();
      },
    },
  ],
  exports: [MAIL_TRANSPORT],
})
export class MailModule {}
