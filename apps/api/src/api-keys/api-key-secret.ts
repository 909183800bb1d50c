import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@evalflow/domain';

/** Characters of a key kept in the clear, to tell keys apart in lists and logs. */
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 6;

/**
 * A new key: `ef_live_` and 256 random bits. Only its SHA-256 is stored. A slow password hash
 * (argon2) is for guessable secrets; this one cannot be guessed, so a plain SHA-256 is as strong,
 * costs no CPU on every request, and can be looked up by equality. (HMAC with a server secret, as
 * for refresh tokens, would add nothing an attacker holding the database lacks: 2^256 to try.)
 */
export function newApiKey(): { key: string; prefix: string; hash: Buffer } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, SHOWN_CHARACTERS), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Whether a credential looks like an API key (and not a user's access token). */
export function isApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

/** The key a request offers: `Authorization: Bearer ef_live_…` or `X-Api-Key: ef_live_…`; null if none. */
export function apiKeyOf(headers: Record<string, string | string[] | undefined>): string | null {
  const header = headers['authorization'];
  if (typeof header === 'string' && header.startsWith('Bearer ') && isApiKey(header.slice(7))) return header.slice(7);
  const explicit = headers['x-api-key'];
  if (typeof explicit === 'string' && explicit.length > 0) return explicit;
  return null;
}
