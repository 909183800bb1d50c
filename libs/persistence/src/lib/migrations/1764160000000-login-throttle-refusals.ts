import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempts refused while a key is locked are counted on the key, not audited one by one: a flood
 * of locked-out guesses costs one counter update each and one audit entry per lock.
 */
export class LoginThrottleRefusals1764160000000 implements MigrationInterface {
  name = 'LoginThrottleRefusals1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_throttle ADD COLUMN refused integer NOT NULL DEFAULT 0 CHECK (refused >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_throttle DROP COLUMN refused`);
  }
}
