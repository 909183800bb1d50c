import { stuckAction } from './stuck-work-sweeper.service';

describe('stuckAction', () => {
  it('leaves work whose job will still run (or runs) alone', () => {
    for (const state of ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'] as const) {
      expect(stuckAction(state, 0, 3)).toBe('leave');
      expect(stuckAction(state, 3, 3)).toBe('leave');
    }
  });

  it('re-drives work whose job is gone, failed or completed without it, until re-driven as often as allowed', () => {
    for (const state of ['unknown', 'failed', 'completed'] as const) {
      expect(stuckAction(state, 0, 3)).toBe('redrive');
      expect(stuckAction(state, 2, 3)).toBe('redrive');
      expect(stuckAction(state, 3, 3)).toBe('give-up');
    }
  });
});
