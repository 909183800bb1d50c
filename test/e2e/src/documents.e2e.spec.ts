import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupDatabase } from '@evalflow/persistence';
import { startApp, startSeededSystem, TestDatabase, waitFor, type SeededSystem } from '@evalflow/testing';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * A worker killed (SIGKILL) in the middle of a render loses nothing: after a restart the job is
 * taken up again as stalled, finishes, and exactly one document exists — one row, one file.
 */
describe('documents: a worker killed mid-render', () => {
  let db: TestDatabase;
  let storageDir: string;
  let system: SeededSystem;
  let env: Record<string, string>;
  let base: string;
  let editor: Record<string, string>;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-e2e-docs-'));
    system = await startSeededSystem(db, {
      STORAGE_DIR: storageDir,
      OUTBOX_POLL_MS: '200',
      // a dead worker's lock lapses after 2 s, so the test need not wait the default 30 s
      WORKER_LOCK_MS: '2000',
    });
    ({ base, env } = system);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhaoxian.union.editor', password: 'evalflow-demo' }),
    });
    editor = { authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' };
  });

  afterAll(async () => {
    await system?.stop();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('after kill -9 and a restart the render completes, and there is exactly one document', async () => {
    const reports = await (
      await fetch(`${base}/api/reports?fiscalYear=2024&kind=department_overall`, { headers: editor })
    ).json();
    const reportId = reports.items[0].id;
    const asked = await fetch(`${base}/api/reports/${reportId}/documents`, {
      method: 'POST',
      headers: editor,
      body: JSON.stringify({ format: 'pdf' }),
    });
    expect(asked.status).toBe(202);
    const { id } = await asked.json();
    const view = async () => (await fetch(`${base}/api/documents/${id}`, { headers: editor })).json();

    // kill the worker the moment it is rendering (loading the CJK fonts alone takes longer than the poll)
    await waitFor(
      async () => ((await view()).status === 'rendering' ? true : undefined),
      'the render to start',
      20000,
      20,
    );
    system.worker.child.kill('SIGKILL');
    expect(await system.worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await view()).status).toBe('rendering');

    system.worker = startApp('worker', env);
    const done = await waitFor(
      async () => {
        const v = await view();
        return v.status === 'done' ? v : undefined;
      },
      'the render to finish after the restart',
      45000,
      200,
    );
    expect(done).toMatchObject({ progress: 100, edition: 'v1', watermark: '草稿', format: 'pdf' });

    const file = await fetch(`${base}/api/documents/${id}/file`, { headers: editor });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.sha256);
    // one row for the request, rendered twice (the killed attempt and the one that finished), one file
    const rows = await db.owner(
      async (c) => (await c.query(`SELECT id, attempts, status FROM documents WHERE report_id = $1`, [reportId])).rows,
    );
    expect(rows).toEqual([{ id, attempts: 2, status: 'done' }]);
    const files = await filesUnder(storageDir);
    expect(files.map((f) => f.slice(storageDir.length))).toEqual([
      expect.stringMatching(new RegExp(`^/tenants/[0-9a-f-]+/reports/${reportId}/${id}\\.pdf$`)),
    ]);
  });
});
