import { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../lib/data-source-options';
import { setupDatabase } from '../lib/setup/database-setup';

describe('the session every pooled connection starts with (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    ds = new DataSource(dataSourceOptions({ url: db.config().database.url, applicationName: 'evalflow-test' }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.destroy();
  });

  it('has no JIT (tens of ms to compile a sub-millisecond query), a statement timeout and its name', async () => {
    const [row] = await ds.query(
      `SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout,
              current_setting('application_name') AS name`,
    );
    expect(row).toEqual({ jit: 'off', timeout: '15s', name: 'evalflow-test' });
  });
});
