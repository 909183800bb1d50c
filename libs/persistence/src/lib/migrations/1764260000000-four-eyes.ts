import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 四眼原则 as county settings, both on unless the county's administrator turns one off:
 * the reviewer of a submission does not approve it; an author does not review or approve its own report.
 */
export class FourEyes1764260000000 implements MigrationInterface {
  name = 'FourEyes1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant_settings
        ADD COLUMN reviewer_may_not_approve boolean NOT NULL DEFAULT true,
        ADD COLUMN author_may_not_review boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tenant_settings DROP COLUMN reviewer_may_not_approve, DROP COLUMN author_may_not_review`,
    );
  }
}
