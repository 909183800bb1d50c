import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job may wait behind others of its queue: BullMQ's priority (1 the first, 2,097,152 the last; a job without
 * one goes before every prioritized job). A submission's DOCX waits behind PDFs, which its users wait for.
 */
export class OutboxPriority1764310000000 implements MigrationInterface {
  name = 'OutboxPriority1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbox ADD COLUMN priority integer CHECK (priority IS NULL OR priority BETWEEN 1 AND 2097152)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN priority`);
  }
}
