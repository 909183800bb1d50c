import type { DelegationParty, DelegationPeriod } from '@evalflow/domain';
import { allRows, run, statement, type Statement } from '../statement';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A delegation as listed: its period and the two people's names. */
export interface DelegationRecord extends DelegationPeriod {
  tenantId: string;
  principalName: string;
  standInName: string;
  reason: string | null;
  createdAt: Date;
}

const SELECT = `
  SELECT d.id, d.tenant_id::text AS "tenantId", d.principal_user_id::text AS "principalUserId", d.stand_in_user_id::text AS "standInUserId",
         d.role, to_char(d.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(d.ends_on, 'YYYY-MM-DD') AS "endsOn",
         d.revoked_at AS "revokedAt", p.display_name AS "principalName", s.display_name AS "standInName",
         d.reason, d.created_at AS "createdAt"
    FROM delegations d
    JOIN users p ON p.id = d.principal_user_id
    JOIN users s ON s.id = d.stand_in_user_id`;

/** A user of the current county with its roles; null when the county has none by that id. */
export async function countyUser(tx: TenantTx, userId: string): Promise<(DelegationParty & { name: string }) | null> {
  return rowOf(
    tx,
    `SELECT u.id::text AS "userId", u.display_name AS name, u.active,
            coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
       FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
      WHERE u.id = $1 AND u.tenant_id = $2 GROUP BY u.id`,
    [userId, tenantOf(tx)],
  );
}

/** The county's active users holding a role: who may be named as a stand-in for it. */
export function usersWithRole(tx: TenantTx, role: string): Promise<Array<{ userId: string; name: string }>> {
  return rowsOf(
    tx,
    `SELECT u.id::text AS "userId", u.display_name AS name
       FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE r.role = $1 AND u.active ORDER BY u.display_name, u.id`,
    [role],
  );
}

/** The delegations not revoked where any of these users is the principal (the new one's possible conflicts). */
export function liveDelegationsOf(tx: TenantTx, userIds: string[]): Promise<DelegationRecord[]> {
  return rowsOf(tx, `${SELECT} WHERE d.revoked_at IS NULL AND d.principal_user_id = ANY($1::uuid[])`, [userIds]);
}

/** Serialises the making of delegations by one principal, so two overlapping ones cannot both pass the check. */
export async function lockPrincipal(tx: TenantTx, userId: string): Promise<void> {
  await tx.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
}

export async function insertDelegation(
  tx: TenantTx,
  d: {
    principalUserId: string;
    standInUserId: string;
    role: string;
    startsOn: string;
    endsOn: string;
    reason: string | null;
    createdBy: string;
  },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO delegations (tenant_id, principal_user_id, stand_in_user_id, role, starts_on, ends_on, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
    [tenantOf(tx), d.principalUserId, d.standInUserId, d.role, d.startsOn, d.endsOn, d.reason, d.createdBy],
  );
  if (!row) throw new Error('INSERT … RETURNING answered no row');
  return row.id;
}

export function findDelegation(tx: TenantTx, id: string, { forUpdate = false } = {}): Promise<DelegationRecord | null> {
  return rowOf(tx, `${SELECT} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`, [id]);
}

/** The county's delegations, or those a user gave or received; newest first. */
export function listDelegations(tx: TenantTx, involving: string | null): Promise<DelegationRecord[]> {
  return involving
    ? rowsOf(
        tx,
        `${SELECT} WHERE d.principal_user_id = $1 OR d.stand_in_user_id = $1 ORDER BY d.starts_on DESC, d.created_at DESC`,
        [involving],
      )
    : rowsOf(tx, `${SELECT} ORDER BY d.starts_on DESC, d.created_at DESC`);
}

/** The delegations a stand-in holds in force today (China Standard Time). */
export function delegationsInForce(standInUserId: string, today: string): Statement<DelegationRecord[]> {
  return statement(
    `${SELECT} WHERE d.stand_in_user_id = $1 AND d.revoked_at IS NULL AND d.starts_on <= $2::date AND d.ends_on >= $2::date
      ORDER BY p.display_name`,
    [standInUserId, today],
    allRows<DelegationRecord>(),
    'evalflow_delegations_in_force',
  );
}

export function delegationsInForceFor(tx: TenantTx, standInUserId: string, today: string): Promise<DelegationRecord[]> {
  return run(tx, delegationsInForce(standInUserId, today));
}

export async function revokeDelegation(tx: TenantTx, id: string, by: string): Promise<void> {
  await tx.query(`UPDATE delegations SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`, [
    id,
    by,
  ]);
}
