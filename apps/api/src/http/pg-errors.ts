import { AppError, type ErrorCode } from '@evalflow/domain';

/** Turns a unique-key violation into the caller's conflict code; anything else is rethrown. */
export function mapUniqueViolation(error: unknown, byConstraint: Record<string, ErrorCode>): never {
  const pg =
    (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const code = pg.driverError?.code ?? pg.code;
  const constraint = pg.driverError?.constraint ?? pg.constraint;
  if (code === '23505' && constraint && constraint in byConstraint) throw new AppError(byConstraint[constraint]);
  throw error;
}
