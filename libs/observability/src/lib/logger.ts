import pino, { type Logger, type LoggerOptions } from 'pino';
import { RequestContext } from './request-context';

export interface LoggerSettings {
  level: string;
  service: string;
  destination?: pino.DestinationStream;
}

/** JSON logs; every line carries the request id, tenant and user of the current context. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const ctx = RequestContext.current();
      if (!ctx) return {};
      const fields: Record<string, string> = { requestId: ctx.requestId };
      if (ctx.tenantId) fields['tenantId'] = ctx.tenantId;
      if (ctx.userId) fields['userId'] = ctx.userId;
      if (ctx.jobId) fields['jobId'] = ctx.jobId;
      return fields;
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.refreshToken',
      ],
      censor: '[redacted]',
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
