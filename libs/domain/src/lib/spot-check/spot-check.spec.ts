import {
  applySelectionRule,
  describeSelectionRule,
  isRectificationOverdue,
  parseSelectionRule,
  rectificationStep,
  seededPick,
  shareCount,
  type SelectionCandidate,
  type SelectionRule,
} from './index';

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('seededPick', () => {
  it('picks exactly round(share × n), half up', () => {
    expect(shareCount('20', 10)).toBe(2);
    expect(shareCount('25', 10)).toBe(3); // 2.5 rounds up
    expect(shareCount('12.5', 7)).toBe(1); // 0.875
    expect(shareCount('1', 10)).toBe(0);
    for (const n of [1, 7, 10, 33, 100]) {
      for (const share of ['5', '20', '33.33', '50', '100']) {
        const picks = seededPick(ids(n), share, 42);
        expect(picks).toHaveLength(shareCount(share, n));
        expect(new Set(picks).size).toBe(picks.length);
      }
    }
  });

  it('gives the same picks for the same seed, whatever order the candidates come in', () => {
    const pool = ids(50);
    const a = seededPick(pool, '20', 123456);
    const b = seededPick([...pool].reverse(), '20', 123456);
    expect(a).toEqual(b);
    expect(a.every((id) => pool.includes(id))).toBe(true);
  });

  it('stays the same draw across releases: a stored batch must re-derive (mulberry32, pinned)', () => {
    const pool = Array.from({ length: 10 }, (_, i) => `r${i}`);
    expect(seededPick(pool, '30', 123456)).toEqual(['r3', 'r8', 'r9']);
  });

  it('gives different picks for different seeds (almost always)', () => {
    const pool = ids(100);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) seen.add(seededPick(pool, '20', seed).join());
    expect(seen.size).toBeGreaterThanOrEqual(19);
  });

  it('spreads picks over the whole list', () => {
    const pool = ids(10);
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++) {
      for (const id of seededPick(pool, '30', seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // each of 10 is picked 3 times in 10 on average: 600 of 2000; allow a wide band
    for (const id of pool) expect(counts.get(id)).toBeGreaterThan(450);
    for (const id of pool) expect(counts.get(id)).toBeLessThan(750);
  });
});

describe('selection rules', () => {
  const c: SelectionCandidate[] = [
    { id: 'a', departmentId: 'd1', totalScore: '95.5' },
    { id: 'b', departmentId: 'd2', totalScore: '79.99' },
    { id: 'c', departmentId: 'd3', totalScore: '80' },
    { id: 'd', departmentId: 'd3', totalScore: null },
  ];
  const lights: Record<string, 'red' | 'yellow' | 'green'> = { d1: 'red', d2: 'yellow', d3: 'green' };

  it('below a score: strictly below, unscored reports left out', () => {
    expect(applySelectionRule({ kind: 'below_score', maxScore: '80' }, c)).toEqual(['b']);
    expect(applySelectionRule({ kind: 'below_score', maxScore: '60' }, c)).toEqual([]);
  });

  it('flagged: red, or red and yellow', () => {
    const lightOf = (d: string) => lights[d] ?? null;
    expect(applySelectionRule({ kind: 'flagged', lights: ['red'] }, c, lightOf)).toEqual(['a']);
    expect(applySelectionRule({ kind: 'flagged', lights: ['red', 'yellow'] }, c, lightOf)).toEqual(['a', 'b']);
    expect(applySelectionRule({ kind: 'flagged', lights: ['red'] }, c)).toEqual([]);
  });

  it('manual: keeps only candidates', () => {
    expect(applySelectionRule({ kind: 'manual', reportIds: ['c', 'x'] }, c)).toEqual(['c']);
  });

  it('random: from the candidates', () => {
    const picks = applySelectionRule({ kind: 'random', sharePercent: '50', seed: 7 }, c);
    expect(picks).toHaveLength(2);
    expect(picks.every((id) => ['a', 'b', 'c', 'd'].includes(id))).toBe(true);
  });

  it('parses and describes rules in Chinese, refusing bad ones by field', () => {
    const random = parseSelectionRule({ kind: 'random', sharePercent: '20', seed: 123456 });
    expect(random.ok && describeSelectionRule(random.rule)).toBe('随机抽取 20%，种子 123456');
    expect(parseSelectionRule({ kind: 'random', sharePercent: '0', seed: 1 })).toMatchObject({
      ok: false,
      field: 'rule.sharePercent',
    });
    expect(parseSelectionRule({ kind: 'random', sharePercent: '20', seed: 1.5 })).toMatchObject({
      ok: false,
      field: 'rule.seed',
    });
    expect(parseSelectionRule({ kind: 'below_score', maxScore: '101' })).toMatchObject({ ok: false });
    expect(parseSelectionRule({ kind: 'flagged', lights: ['yellow'] })).toMatchObject({ ok: false });
    expect(parseSelectionRule({ kind: 'manual', reportIds: ['not-a-uuid'] })).toMatchObject({ ok: false });
    expect(parseSelectionRule({ kind: 'other' })).toMatchObject({ ok: false, field: 'rule.kind' });
    const flagged = parseSelectionRule({ kind: 'flagged', lights: ['yellow', 'red'] });
    expect(flagged).toEqual({ ok: true, rule: { kind: 'flagged', lights: ['red', 'yellow'] } });
    const rule: SelectionRule = { kind: 'below_score', maxScore: '60' };
    expect(describeSelectionRule(rule)).toBe('总分低于 60 分');
  });
});

describe('rectification items', () => {
  it('the department answers; the bureau closes and reopens', () => {
    expect(rectificationStep('open', 'answer', 'department')).toEqual({ ok: true, to: 'answered' });
    expect(rectificationStep('answered', 'answer', 'department')).toEqual({ ok: true, to: 'answered' });
    expect(rectificationStep('answered', 'close', 'finance')).toEqual({ ok: true, to: 'closed' });
    expect(rectificationStep('open', 'close', 'finance')).toEqual({ ok: true, to: 'closed' });
    expect(rectificationStep('closed', 'reopen', 'finance', '佐证不足')).toEqual({ ok: true, to: 'open' });
    expect(rectificationStep('answered', 'reopen', 'finance', '佐证不足')).toEqual({ ok: true, to: 'open' });
  });

  it('refuses the wrong side, the wrong status and a reopen without a reason', () => {
    expect(rectificationStep('answered', 'close', 'department')).toMatchObject({ ok: false, reason: 'wrong_side' });
    expect(rectificationStep('open', 'answer', 'finance')).toMatchObject({ ok: false, reason: 'wrong_side' });
    expect(rectificationStep('closed', 'answer', 'department')).toMatchObject({ ok: false, reason: 'wrong_status' });
    expect(rectificationStep('closed', 'close', 'finance')).toMatchObject({ ok: false, reason: 'wrong_status' });
    expect(rectificationStep('open', 'reopen', 'finance', 'x')).toMatchObject({ ok: false, reason: 'wrong_status' });
    expect(rectificationStep('closed', 'reopen', 'finance', '  ')).toMatchObject({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('is overdue past its due date (China time) until closed', () => {
    const now = new Date('2026-06-10T17:00:00Z'); // 2026-06-11 in China
    expect(isRectificationOverdue({ status: 'open', dueOn: '2026-06-10' }, now)).toBe(true);
    expect(isRectificationOverdue({ status: 'answered', dueOn: '2026-06-10' }, now)).toBe(true);
    expect(isRectificationOverdue({ status: 'open', dueOn: '2026-06-11' }, now)).toBe(false);
    expect(isRectificationOverdue({ status: 'closed', dueOn: '2026-06-01' }, now)).toBe(false);
  });
});
