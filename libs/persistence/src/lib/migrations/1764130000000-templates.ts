import { BUILTIN_TEMPLATES, defaultBuiltin, INDICATOR_NATURES, REPORT_KINDS } from '@evalflow/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Templates per county and year, and the county's 指标库. A template's published versions are frozen
 * (no UPDATE or DELETE is granted, and a trigger refuses one even to the owner); a report pins the
 * version it was created with. The built-ins are rows every county reads (tenant_id NULL) and none
 * writes. Existing reports pin their kind's default built-in (the form they were written in).
 */
export class Templates1764130000000 implements MigrationInterface {
  name = 'Templates1764130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid REFERENCES tenants(id),
        kind text NOT NULL CHECK (kind IN (${list(REPORT_KINDS)})),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        based_on uuid,
        -- the definition being edited, not yet published; draft_version is its If-Match version
        draft jsonb,
        draft_version int NOT NULL DEFAULT 0,
        draft_updated_at timestamptz,
        draft_updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX report_templates_tenant_idx ON report_templates (tenant_id, kind)`);
    await q.query(`
      CREATE TABLE report_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES report_templates(id),
        tenant_id uuid REFERENCES tenants(id),
        version int NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users(id),
        UNIQUE (template_id, version)
      )`);
    await q.query(`
      ALTER TABLE report_templates ADD CONSTRAINT report_templates_based_on_fkey
        FOREIGN KEY (based_on) REFERENCES report_template_versions(id)`);
    await q.query(`
      CREATE FUNCTION template_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published template version is never changed (%)', OLD.id USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER report_template_versions_frozen BEFORE UPDATE OR DELETE ON report_template_versions
        FOR EACH ROW EXECUTE FUNCTION template_version_frozen()`);
    await q.query(`
      CREATE TABLE template_publications (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        fiscal_year int NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        kind text NOT NULL CHECK (kind IN (${list(REPORT_KINDS)})),
        template_version_id uuid NOT NULL REFERENCES report_template_versions(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, fiscal_year, kind)
      )`);

    for (const b of BUILTIN_TEMPLATES) {
      await q.query(`INSERT INTO report_templates (id, tenant_id, kind, name) VALUES ($1, NULL, $2, $3)`, [
        b.templateId,
        b.definition.kind,
        b.definition.name,
      ]);
      await q.query(
        `INSERT INTO report_template_versions (id, template_id, tenant_id, version, definition)
         VALUES ($1, $2, NULL, $3, $4)`,
        [b.id, b.templateId, b.version, JSON.stringify(b.definition)],
      );
    }
    // every county reads the built-ins; each writes only its own
    for (const table of ['report_templates', 'report_template_versions']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id IS NULL OR tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant())`);
    }
    await isolateByTenant(q, 'template_publications');

    await q.query(`ALTER TABLE reports ADD COLUMN template_version_id uuid REFERENCES report_template_versions(id)`);
    for (const [tenantId] of (await q.query(`SELECT id FROM tenants`)).map((r: { id: string }) => [r.id])) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      for (const kind of REPORT_KINDS) {
        await q.query(`UPDATE reports SET template_version_id = $1 WHERE kind = $2`, [defaultBuiltin(kind).id, kind]);
      }
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
    await q.query(`ALTER TABLE reports ALTER COLUMN template_version_id SET NOT NULL`);
    await q.query(`CREATE INDEX reports_template_version_idx ON reports (template_version_id)`);

    await q.query(`
      CREATE TABLE indicator_library (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        level1 text NOT NULL CHECK (length(level1) BETWEEN 1 AND 50),
        level2 text NOT NULL CHECK (length(level2) BETWEEN 1 AND 50),
        level3 text NOT NULL CHECK (length(level3) BETWEEN 1 AND 200),
        unit text NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
        nature text NOT NULL CHECK (nature IN (${list(INDICATOR_NATURES)})),
        suggested_target text NOT NULL DEFAULT '' CHECK (length(suggested_target) <= 100),
        suggested_evidence text NOT NULL DEFAULT '' CHECK (length(suggested_evidence) <= 1000),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id)
      )`);
    // one entry per 一级/二级/三级 name in a county: an import updates it rather than adding a twin
    await q.query(`CREATE UNIQUE INDEX indicator_library_key ON indicator_library (tenant_id, level1, level2, level3)`);
    await isolateByTenant(q, 'indicator_library');
  }

  /** Reverts only what loses nothing: refused while any county has a template of its own or a 指标库. */
  async down(q: QueryRunner): Promise<void> {
    for (const { id } of (await q.query(`SELECT id FROM tenants ORDER BY id`)) as Array<{ id: string }>) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
      const [{ templates, entries }] = await q.query(
        `SELECT (SELECT count(*)::int FROM report_templates WHERE tenant_id IS NOT NULL) AS templates,
                (SELECT count(*)::int FROM indicator_library) AS entries`,
      );
      if (templates > 0 || entries > 0) {
        throw new Error(
          `cannot revert templates: county ${id} has ${templates} templates and ${entries} 指标库 entries of its own`,
        );
      }
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
    await q.query(`DROP TABLE indicator_library`);
    await q.query(`ALTER TABLE reports DROP COLUMN template_version_id`);
    await q.query(`DROP TABLE template_publications`);
    await q.query(`ALTER TABLE report_templates DROP CONSTRAINT report_templates_based_on_fkey`);
    await q.query(`DROP TABLE report_template_versions`);
    await q.query(`DROP TABLE report_templates`);
    await q.query(`DROP FUNCTION template_version_frozen()`);
  }
}
