// The database of the national load (npm run seed:scale), named by SCALE_DATABASE (default evalflow_scale), and
// the environment the built cli and api need to use it.
const OWNER = process.env.DATABASE_MIGRATION_URL || 'postgres://postgres@127.0.0.1:5432/evalflow';
const APP = process.env.DATABASE_URL || 'postgres://evalflow_app@127.0.0.1:5432/evalflow';
const PLATFORM = process.env.DATABASE_PLATFORM_URL || 'postgres://evalflow_platform@127.0.0.1:5432/evalflow';

export const SCALE_DATABASE = process.env.SCALE_DATABASE || 'evalflow_scale';
/** What seed:scale gives every generated login (libs/seed SCALE_PASSWORD). */
export const SCALE_PASSWORD = 'evalflow-scale';

export const withDb = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

export function scaleEnv() {
  return {
    DATABASE_URL: withDb(APP, SCALE_DATABASE),
    DATABASE_MIGRATION_URL: withDb(OWNER, SCALE_DATABASE),
    DATABASE_PLATFORM_URL: withDb(PLATFORM, SCALE_DATABASE),
    QUEUE_PREFIX: `${SCALE_DATABASE}_bench`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    RATE_LIMIT_READS_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_COSTLY_PER_MINUTE: '100000',
  };
}

export const ownerUrl = (db = 'postgres') => withDb(OWNER, db);
