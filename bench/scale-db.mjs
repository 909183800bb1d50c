// The database of the national load (npm run seed:scale), named by SCALE_DATABASE (default evalflow_scale), and
// the environment the built cli and api need to use it.
import { databaseEnv } from './lib.mjs';

export const SCALE_DATABASE = process.env.SCALE_DATABASE || 'evalflow_scale';
/** What seed:scale gives every generated login (libs/seed SCALE_PASSWORD). */
export const SCALE_PASSWORD = 'evalflow-scale';

export const scaleEnv = () => ({ ...databaseEnv(SCALE_DATABASE), QUEUE_PREFIX: `${SCALE_DATABASE}_bench` });
