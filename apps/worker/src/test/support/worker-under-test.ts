import { Test, type TestingModule } from '@nestjs/testing';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { dataSourceOptions } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import type { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import {
  defaultDocumentRendererOptions,
  DOCUMENT_RENDERER_OPTIONS,
  type DocumentRendererOptions,
} from '../../documents/document-renderer';
import { SWEEPER_DEFAULTS, SWEEPER_OPTIONS, type SweeperOptions } from '../../recovery/sweeper-options';
import { WorkerModule } from '../../worker.module';

/**
 * The worker as it runs (every processor, the relay, the render thread), on the test's database and queue
 * prefix, with the renderer's and the sweeper's options given by the test. The sweeper is not scheduled
 * unless the test asks (everyMs): a test runs its passes itself.
 */
export async function startWorker(
  db: TestDatabase,
  env: Record<string, string>,
  overrides: { renderer?: Partial<DocumentRendererOptions>; sweeper?: Partial<SweeperOptions> } = {},
): Promise<TestingModule> {
  const module = await Test.createTestingModule({ imports: [WorkerModule.forRoot(db.config(env))] })
    .overrideProvider(DOCUMENT_RENDERER_OPTIONS)
    .useValue({ ...defaultDocumentRendererOptions(), ...overrides.renderer })
    .overrideProvider(SWEEPER_OPTIONS)
    .useValue({ ...SWEEPER_DEFAULTS, everyMs: 0, ...overrides.sweeper })
    .setLogger(new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })))
    .compile();
  await module.init();
  return module;
}

/** The demo seed, and the ids of 赵县总工会's 2024 report. */
export async function seedZhaoxianUnion(db: TestDatabase): Promise<{ tenant: string; report: string }> {
  const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'worker-test' }));
  await seeder.initialize();
  try {
    await seedDemo(seeder, new Argon2PasswordHasher());
  } finally {
    await seeder.destroy();
  }
  const [row] = await db.owner(
    async (c) =>
      (
        await c.query(
          `SELECT r.tenant_id, r.id FROM reports r JOIN departments d ON d.id = r.department_id
            WHERE r.fiscal_year = 2024 AND d.name = '赵县总工会' AND r.kind = 'department_overall'`,
        )
      ).rows,
  );
  return { tenant: row.tenant_id, report: row.id };
}

/** Polls until `ok` (or `ms` passed: the caller's expectation then fails on the last value, naming it). */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 60000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A document row of the report's current content (a draft edition of its own), as the API would add it. */
export const DRAFT_SNAPSHOT = `(SELECT jsonb_object_agg(part, content) || '{"schemaVersion": 2, "kind": "department_overall"}'::jsonb
                                 FROM report_parts WHERE report_id = $2)`;
