import { dec, roundHalfUp } from '../money/decimal';

/**
 * A deterministic pseudo-random pick for 抽评: mulberry32 seeded with the recorded seed drives a partial
 * Fisher–Yates shuffle of the candidates in id order, so the same seed, share and candidate list always
 * give the same picks (anyone can re-derive a selection from its record). Not for secrets.
 */
export const SEED_MAX = 2 ** 31 - 1;

export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= SEED_MAX;
}

/** mulberry32: a 32-bit state, uniform doubles in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of n a share (percent, e.g. "20" or "12.5") picks: round(share × n), half up, exact decimals. */
export function shareCount(sharePercent: string, n: number): number {
  return roundHalfUp(dec(sharePercent).times(n).div(100), 0).toNumber();
}

/**
 * round(share × n) of the candidates, picked by the seed. The candidates are sorted first, so the order
 * the caller read them in does not matter; the picks come back sorted too.
 */
export function seededPick(candidates: readonly string[], sharePercent: string, seed: number): string[] {
  const pool = [...new Set(candidates)].sort();
  const count = Math.min(pool.length, shareCount(sharePercent, pool.length));
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort();
}
