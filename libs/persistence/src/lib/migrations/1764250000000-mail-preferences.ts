import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail through a real mail server: each user may turn off the e-mail copy of some kinds of notification
 * (the inbox still gets them), and a message the server refused for good is marked so that retries stop
 * asking it again. An address is a delivery address, not an identity: not unique, since a department's
 * staff often share one office mailbox.
 */
export class MailPreferences1764250000000 implements MigrationInterface {
  name = 'MailPreferences1764250000000';

  async up(q: QueryRunner): Promise<void> {
    // the kinds of libs/domain MAIL_KINDS; a kind added there is added here too
    await q.query(`
      ALTER TABLE users ADD COLUMN mail_opt_out text[] NOT NULL DEFAULT '{}'
        CHECK (mail_opt_out <@ ARRAY['returned', 'approved', 'deadline', 'comment', 'workflow']::text[])`);
    await q.query(`ALTER TABLE notifications ADD COLUMN email_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN email_error`);
    await q.query(`ALTER TABLE users DROP COLUMN mail_opt_out`);
  }
}
