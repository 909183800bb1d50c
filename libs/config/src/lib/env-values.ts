import { z } from 'zod';

/** A TCP port. */
export const portNumber = () =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535');

/** A TCP port, with a default. */
export const port = (fallback: number) => portNumber().default(fallback);

/** A whole number from 1 to max, with a default. */
export const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);
