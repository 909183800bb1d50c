// no look-alikes (0/O, 1/l/I) so that a password read out or copied by hand survives
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#%+-=@_';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;
export const GENERATED_PASSWORD_LENGTH = 16;

function pick(alphabet: string, random: Uint32Array, index: number): string {
  return alphabet[random[index] % alphabet.length];
}

/**
 * A strong random password for an administrator to hand over: 16 characters from the browser's cryptographic
 * random source, one of each of the four classes at least (so it always meets the policy).
 */
export function generatePassword(): string {
  const random = crypto.getRandomValues(new Uint32Array(GENERATED_PASSWORD_LENGTH * 2));
  const chars = [pick(UPPER, random, 0), pick(LOWER, random, 1), pick(DIGITS, random, 2), pick(SYMBOLS, random, 3)];
  for (let i = chars.length; i < GENERATED_PASSWORD_LENGTH; i++) chars.push(pick(ALL, random, i));
  // shuffle (Fisher–Yates) so the guaranteed classes are not always first
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[GENERATED_PASSWORD_LENGTH + i] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
