import type { CheckSummary } from '@evalflow/domain';
import { ChecksCache, type ChecksInputs } from './checks-cache';

const inputs = (over: Partial<ChecksInputs> = {}): ChecksInputs => ({
  report: { id: 'r1', version: 3, schemaVersion: 2, templateVersionId: 't1' },
  previous: { id: 'p1', version: 7 },
  settingsVersion: 1,
  ...over,
});
const summary = (errors: number): CheckSummary => ({ results: [], errors, warnings: 0, blocking: errors > 0 });

describe('ChecksCache', () => {
  it('answers only for the very versions it was given: any input that moves misses', () => {
    const cache = new ChecksCache();
    cache.set(inputs(), summary(2));
    expect(cache.get(inputs())).toEqual(summary(2));
    const base = inputs();
    for (const moved of [
      inputs({ report: { ...base.report, version: 4 } }),
      inputs({ report: { ...base.report, schemaVersion: 3 } }),
      inputs({ report: { ...base.report, templateVersionId: 't2' } }),
      inputs({ report: { ...base.report, id: 'r2' } }),
      inputs({ previous: { id: 'p1', version: 8 } }),
      inputs({ previous: { id: 'p2', version: 7 } }),
      inputs({ previous: null }),
      inputs({ settingsVersion: 2 }),
    ]) {
      expect(cache.get(moved)).toBeUndefined();
    }
  });

  it('holds a bounded number of results and lets the least recently used go first', () => {
    const cache = new ChecksCache();
    const nth = (i: number) =>
      inputs({ report: { id: `r${i}`, version: 1, schemaVersion: 2, templateVersionId: 't' } });
    for (let i = 0; i < 500; i++) cache.set(nth(i), summary(i));
    expect(cache.get(nth(0))).toEqual(summary(0)); // used: now the most recent
    cache.set(nth(500), summary(500));
    expect(cache.size).toBe(500);
    expect(cache.get(nth(0))).toEqual(summary(0));
    expect(cache.get(nth(1))).toBeUndefined(); // the least recently used went
    expect(cache.get(nth(500))).toEqual(summary(500));
  });
});
