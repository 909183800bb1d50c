export * from './lib/app-config';
export * from './lib/load-config';
export { SMTP_SECURITY_LABELS } from './lib/mail-config';
export * from './lib/nest-config.module';
