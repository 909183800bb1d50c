import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '@evalflow/testing';
import { parse } from 'yaml';

/**
 * docker/ cannot be run here (no Docker engine), so what makes it safe is checked by reading it: a
 * deployment that follows it gets production behaviour, no demo logins, no owner's URL in the
 * long-running services, and refuses to start without its secrets.
 */
interface Service {
  environment?: Record<string, string>;
  command?: string[] | string;
  image?: string;
}

const composeText = readFileSync(join(ROOT, 'docker/compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');

describe('docker/ deployment files', () => {
  it('run api, worker and migrate in production', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      expect(compose.services[name].environment?.['NODE_ENV']).toBe('production');
    }
  });

  it('create no demo data and no demo login anywhere', () => {
    expect(composeText).not.toMatch(/seed:demo|evalflow-demo/);
    for (const service of Object.values(compose.services)) {
      expect([service.command ?? []].flat().join(' ')).not.toContain('seed');
    }
  });

  it('give the owner’s database URL to the migrate service only; api and worker use their own roles', () => {
    expect(compose.services['migrate'].environment?.['DATABASE_MIGRATION_URL']).toMatch(/^postgres:\/\/postgres:/);
    for (const name of ['api', 'worker']) {
      const env = compose.services[name].environment ?? {};
      expect(env['DATABASE_MIGRATION_URL']).toBeUndefined();
      expect(env['DATABASE_URL']).toMatch(/^postgres:\/\/evalflow_app:/);
      expect(env['DATABASE_PLATFORM_URL']).toMatch(/^postgres:\/\/evalflow_platform:/);
    }
  });

  it('refuse to start without each secret (no default password or key)', () => {
    for (const secret of [
      'JWT_ACCESS_SECRET',
      'JWT_REFRESH_SECRET',
      'POSTGRES_PASSWORD',
      'APP_DB_PASSWORD',
      'PLATFORM_DB_PASSWORD',
    ]) {
      expect(composeText).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
      expect(composeText).not.toMatch(new RegExp(`\\$\\{${secret}:-`));
    }
  });

  it('build the image on a supported Node LTS (22), running as a non-root user', () => {
    const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^node:22-/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
