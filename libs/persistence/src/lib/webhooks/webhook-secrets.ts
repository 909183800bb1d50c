import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Signing secrets of webhook endpoints, at rest under AES-256-GCM with a key derived from WEBHOOK_SECRET_KEY.
 * Signing needs the secret itself, so it is encrypted rather than hashed; it is shown once, at creation and rotation.
 */
const keyOf = (configKey: string) => createHash('sha256').update(`evalflow-webhook-secrets:${configKey}`).digest();

/** A new secret, as receivers will configure it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function encryptWebhookSecret(secret: string, configKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(configKey), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
    '.',
  );
}

export function decryptWebhookSecret(stored: string, configKey: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown webhook secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(configKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** `sha256=` HMAC-SHA256(secret, `${timestamp}.${body}`) in hex: what X-EvalFlow-Signature carries. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
