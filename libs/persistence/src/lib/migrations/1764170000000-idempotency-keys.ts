import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key: a client's retried POST gets the first answer instead of a second comment, reply
 * or render. Keyed per user; kept a day. Only the platform role (the API's edge) reads and writes it.
 */
export class IdempotencyKeys1764170000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key          text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{8,128}$'),
        request_hash bytea NOT NULL,
        status_code  integer CHECK (status_code BETWEEN 200 AND 299),
        response     jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
