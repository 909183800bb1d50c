import * as argon2 from 'argon2';

/** Behind an interface so a deployment that requires SM3-based hashing can swap it in. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's and should be redone at login. */
  needsRehash(hash: string): boolean;
}

/** argon2id at the OWASP Password Storage Cheat Sheet minimum: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_PARAMETERS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export class Argon2PasswordHasher implements PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_PARAMETERS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false; // a malformed stored hash never authenticates
    }
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, ARGON2_PARAMETERS);
  }
}
