import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, departments, users, roles and the audit log, each isolated by row-level security.
 * Policies compare with app_current_tenant(), which is NULL (matching nothing) when no tenant is set.
 */
export class Foundation1764050000000 implements MigrationInterface {
  name = 'Foundation1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`);

    await q.query(`
      CREATE TABLE tenants (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
        region_code char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        city        text NOT NULL CHECK (length(btrim(city)) BETWEEN 1 AND 50),
        province    text NOT NULL CHECK (length(btrim(province)) BETWEEN 1 AND 50),
        status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        version     integer NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenants_region_code_key UNIQUE (region_code)
      )`);

    await q.query(`
      CREATE TABLE departments (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id    uuid NOT NULL REFERENCES tenants (id),
        name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        kind         text NOT NULL CHECK (kind IN ('budget_department', 'finance_bureau')),
        unit_nature  text,
        unit_level   text,
        funding_form text,
        budget_code  text,
        active       boolean NOT NULL DEFAULT true,
        version      integer NOT NULL DEFAULT 1,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT departments_pkey PRIMARY KEY (id),
        CONSTRAINT departments_tenant_id_id_key UNIQUE (tenant_id, id),
        CONSTRAINT departments_tenant_id_name_key UNIQUE (tenant_id, name)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX departments_tenant_id_budget_code_key ON departments (tenant_id, budget_code) WHERE budget_code IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE users (
        id                  uuid NOT NULL DEFAULT gen_random_uuid(),
        tenant_id           uuid REFERENCES tenants (id),
        department_id       uuid,
        username            text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name        text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 50),
        password_hash       text NOT NULL,
        active              boolean NOT NULL DEFAULT true,
        token_version       integer NOT NULL DEFAULT 0,
        password_changed_at timestamptz,
        last_login_at       timestamptz,
        version             integer NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_pkey PRIMARY KEY (id),
        CONSTRAINT users_tenant_id_id_key UNIQUE (tenant_id, id),
        -- a user's department always belongs to the user's own tenant
        CONSTRAINT users_department_fkey FOREIGN KEY (tenant_id, department_id)
          REFERENCES departments (tenant_id, id),
        CONSTRAINT users_department_needs_tenant CHECK (department_id IS NULL OR tenant_id IS NOT NULL)
      )`);
    // Usernames are global so that a login needs no county picker.
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (username)`);
    await q.query(`CREATE INDEX users_tenant_id_department_id_idx ON users (tenant_id, department_id)`);

    await q.query(`
      CREATE TABLE user_roles (
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role       text NOT NULL CHECK (role IN ('platform_admin', 'tenant_admin', 'dept_editor',
                                                 'dept_head', 'finance_reviewer', 'finance_approver')),
        tenant_id  uuid REFERENCES tenants (id),
        granted_at timestamptz NOT NULL DEFAULT now(),
        granted_by uuid,
        CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role),
        CONSTRAINT user_roles_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
          ON DELETE CASCADE,
        -- platform operators belong to no tenant; every other role to exactly one
        CONSTRAINT user_roles_scope CHECK ((role = 'platform_admin') = (tenant_id IS NULL))
      )`);
    await q.query(`CREATE INDEX user_roles_tenant_id_user_id_idx ON user_roles (tenant_id, user_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id      uuid,
        occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id  uuid,
        actor_username text,
        action         text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{1,80}$'),
        target_type    text,
        target_id      text,
        outcome        text NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'failure', 'denied')),
        details        jsonb NOT NULL DEFAULT '{}'::jsonb,
        client_ip      inet,
        request_id     text
      )`);
    await q.query(`CREATE INDEX audit_log_tenant_id_occurred_at_idx ON audit_log (tenant_id, occurred_at DESC)`);

    for (const table of ['departments', 'users', 'user_roles', 'audit_log']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await q.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenants FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON tenants
        USING (id = app_current_tenant())
        WITH CHECK (id = app_current_tenant())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE user_roles`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE departments`);
    await q.query(`DROP TABLE tenants`);
    await q.query(`DROP FUNCTION app_current_tenant()`);
  }
}
