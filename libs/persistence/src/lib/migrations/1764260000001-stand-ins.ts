import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Stand-ins (代理人): who acts for whom, in which role, over which days (inclusive, China Standard Time).
 * Revoked, never deleted: the history names them. A workflow step taken by a stand-in records the principal too.
 */
export class StandIns1764260000001 implements MigrationInterface {
  name = 'StandIns1764260000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delegations (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id         uuid NOT NULL REFERENCES tenants (id),
        principal_user_id uuid NOT NULL,
        stand_in_user_id  uuid NOT NULL,
        role              text NOT NULL CHECK (role IN ('finance_reviewer', 'finance_approver')),
        starts_on         date NOT NULL,
        ends_on           date NOT NULL,
        reason            text CHECK (reason IS NULL OR length(reason) <= 200),
        created_by        uuid NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        revoked_at        timestamptz,
        revoked_by        uuid,
        CONSTRAINT delegations_principal_fk FOREIGN KEY (tenant_id, principal_user_id) REFERENCES users (tenant_id, id),
        CONSTRAINT delegations_stand_in_fk FOREIGN KEY (tenant_id, stand_in_user_id) REFERENCES users (tenant_id, id),
        CONSTRAINT delegations_not_self CHECK (principal_user_id <> stand_in_user_id),
        CONSTRAINT delegations_range CHECK (ends_on >= starts_on),
        CONSTRAINT delegations_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(`CREATE INDEX delegations_principal_idx ON delegations (tenant_id, principal_user_id, role)`);
    await q.query(`CREATE INDEX delegations_stand_in_idx ON delegations (tenant_id, stand_in_user_id)`);
    await isolateByTenant(q, 'delegations');

    await q.query(`
      ALTER TABLE report_transitions
        ADD COLUMN on_behalf_of_user_id uuid REFERENCES users (id),
        ADD COLUMN on_behalf_of_name text,
        ADD COLUMN delegation_id uuid REFERENCES delegations (id),
        ADD CONSTRAINT report_transitions_on_behalf_check
          CHECK ((on_behalf_of_user_id IS NULL) = (delegation_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_transitions
        DROP COLUMN on_behalf_of_user_id, DROP COLUMN on_behalf_of_name, DROP COLUMN delegation_id`);
    await q.query(`DROP TABLE delegations`);
  }
}
