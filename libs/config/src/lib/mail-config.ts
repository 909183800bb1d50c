import { z } from 'zod';
import type { MailConfig, SmtpConfig, SmtpSecurity } from './app-config';
import { portNumber, positiveInt } from './env-values';

type NodeEnv = 'development' | 'test' | 'production';

const DEFAULT_FROM = 'EvalFlow 预算绩效自评 <noreply@evalflow.local>';

/** The environment variables of notification e-mail, as part of the whole environment's schema. */
export const MAIL_ENV = {
  MAIL_TRANSPORT: z.enum(['log', 'file', 'smtp'], { error: 'must be log, file or smtp' }).optional(),
  MAIL_DIR: z.string().min(1, 'must not be empty').default('var/mail'),
  MAIL_FROM: z
    .string()
    .default(DEFAULT_FROM)
    .refine(
      (value) => /^(?:[^<>@]*\S\s*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/.test(value),
      'must be an address, or a name and an address: 预算绩效自评 <noreply@example.gov.cn>',
    ),
  SMTP_URL: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: portNumber().optional(),
  SMTP_SECURE: z.enum(['tls', 'starttls', 'none'], { error: 'must be tls, starttls or none' }).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_CA_FILE: z.string().optional(),
  SMTP_CONNECTION_TIMEOUT_MS: positiveInt(10000, 120000),
  SMTP_SOCKET_TIMEOUT_MS: positiveInt(30000, 600000),
  SMTP_POOL: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  SMTP_MAX_CONNECTIONS: positiveInt(2, 20),
};

type MailEnv = z.output<z.ZodObject<typeof MAIL_ENV>>;

/**
 * Where notification e-mail goes when MAIL_TRANSPORT is not set: an SMTP server if one is named; otherwise
 * .eml files in development, a log line in tests, and in production a log line that the worker warns about
 * at start (notifications still reach the inbox; nothing is delivered until SMTP is configured).
 */
function defaultTransport(e: MailEnv, env: NodeEnv): MailConfig['transport'] {
  if (e.SMTP_URL || e.SMTP_HOST) return 'smtp';
  return env === 'development' ? 'file' : 'log';
}

const isLoopback = (host: string) => /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i.test(host);

/** Host, port, security and credentials from SMTP_URL or from the SMTP_HOST family; problems name the variable. */
function smtpEndpoint(e: MailEnv, problems: string[]): Pick<SmtpConfig, 'host' | 'port' | 'security' | 'auth'> | null {
  if (e.SMTP_URL && e.SMTP_HOST) {
    problems.push('SMTP_URL and SMTP_HOST are both set: name the server one way only');
    return null;
  }
  let host = e.SMTP_HOST ?? '';
  let portNumber = e.SMTP_PORT;
  let user = e.SMTP_USER;
  let password = e.SMTP_PASSWORD;
  let security = e.SMTP_SECURE;
  if (e.SMTP_URL) {
    let url: URL;
    try {
      url = new URL(e.SMTP_URL);
    } catch {
      url = new URL('invalid:');
    }
    // the URL may hold the password: never echo it
    if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL with a host (smtp://user:password@host:587)');
      return null;
    }
    host = url.hostname;
    if (url.port) portNumber = Number(url.port);
    if (url.username) user = decodeURIComponent(url.username);
    if (url.password) password = decodeURIComponent(url.password);
    if (url.protocol === 'smtps:') {
      if (security && security !== 'tls') {
        problems.push(`SMTP_SECURE=${security} contradicts SMTP_URL's smtps:// (TLS from the first byte)`);
        return null;
      }
      security = 'tls';
    }
  }
  if (!host) {
    problems.push('SMTP_HOST (or SMTP_URL) must be set when MAIL_TRANSPORT=smtp');
    return null;
  }
  security ??= portNumber === 465 ? 'tls' : 'starttls';
  portNumber ??= security === 'tls' ? 465 : security === 'starttls' ? 587 : 25;
  if (Boolean(user) !== Boolean(password)) {
    problems.push(user ? 'SMTP_PASSWORD must be set with SMTP_USER' : 'SMTP_USER must be set with SMTP_PASSWORD');
    return null;
  }
  return { host, port: portNumber, security, auth: user && password ? { user, password } : null };
}

/** The mail part of AppConfig; anything wrong is pushed onto problems (one line per variable). */
export function mailConfig(e: MailEnv, env: NodeEnv, problems: string[]): MailConfig {
  const transport = e.MAIL_TRANSPORT ?? defaultTransport(e, env);
  const base = { transport, defaulted: e.MAIL_TRANSPORT === undefined, dir: e.MAIL_DIR, from: e.MAIL_FROM };
  if (transport !== 'smtp') return { ...base, smtp: null };
  const endpoint = smtpEndpoint(e, problems);
  if (!endpoint) return { ...base, smtp: null };
  if (env === 'production' && endpoint.security === 'none' && endpoint.auth && !isLoopback(endpoint.host)) {
    problems.push(
      `SMTP_SECURE=none would send SMTP_PASSWORD unencrypted to ${endpoint.host}; use starttls or tls in production`,
    );
  }
  const smtp: SmtpConfig = {
    ...endpoint,
    caFile: e.SMTP_CA_FILE ?? null,
    connectionTimeoutMs: e.SMTP_CONNECTION_TIMEOUT_MS,
    socketTimeoutMs: e.SMTP_SOCKET_TIMEOUT_MS,
    pool: e.SMTP_POOL === 'true',
    maxConnections: e.SMTP_MAX_CONNECTIONS,
  };
  return { ...base, smtp };
}

/** Variables whose value is never repeated in an error message. */
export const isSecretVariable = (name: string) => /SECRET|TOKEN|PASSWORD|^SMTP_URL$/.test(name);

/** How the connection is protected, in the worker's start-up line. */
export const SMTP_SECURITY_LABELS: Record<SmtpSecurity, string> = {
  tls: 'TLS',
  starttls: 'STARTTLS (required)',
  none: 'no TLS',
};
