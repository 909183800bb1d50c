import { Injectable } from '@nestjs/common';
import {
  AppError,
  chinaDate,
  checkNewDelegation,
  delegationState,
  type AppAbility,
  type DelegableRole,
  type Principal,
} from '@evalflow/domain';
import {
  countyUser,
  findDelegation,
  insertDelegation,
  listDelegations,
  liveDelegationsOf,
  lockPrincipal,
  revokeDelegation,
  TenantDb,
  usersWithRole,
  type DelegationRecord,
} from '@evalflow/persistence';
import { assertCan, canOn } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import type { CreateDelegationDto, DelegationView } from './delegations.dto';

const today = () => chinaDate(new Date());

/** Stand-ins (代理人): named by a reviewer or approver for itself, or by the county administrator for anyone. */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** What the caller may see: the county's, for its administrator; those it gave or holds, for the others. */
  list(ability: AppAbility): Promise<DelegationView[]> {
    return this.db.tx(async (tx) => {
      const rows = await listDelegations(tx, null);
      return rows.filter((d) => canOn(ability, 'read', 'Delegation', d)).map((d) => toView(ability, d));
    });
  }

  /** Who may be named for a role: the county's active holders of it. */
  candidates(role: DelegableRole) {
    return this.db.tx((tx) => usersWithRole(tx, role));
  }

  create(principal: Principal, ability: AppAbility, dto: CreateDelegationDto): Promise<DelegationView> {
    const tenantId = principal.tenantId as string;
    const principalUserId = dto.principalUserId ?? principal.userId;
    // one's own, or — for the administrator — anyone's in the county
    assertCan(ability, 'create', 'Delegation', { tenantId, principalUserId, standInUserId: dto.standInUserId });
    return this.db.tx(async (tx) => {
      await lockPrincipal(tx, principalUserId);
      const from = await countyUser(tx, principalUserId);
      if (!from) throw new AppError('USER_NOT_FOUND');
      const to = dto.standInUserId === principalUserId ? from : await countyUser(tx, dto.standInUserId);
      const refusal = checkNewDelegation({
        principal: from,
        standIn: to,
        role: dto.role,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        today: today(),
        existing: await liveDelegationsOf(tx, [principalUserId, dto.standInUserId]),
      });
      if (refusal) {
        const details = refusal.conflictingId ? { conflictingId: refusal.conflictingId } : undefined;
        throw new AppError(refusal.code, details, refusal.message);
      }
      const id = await insertDelegation(tx, {
        principalUserId,
        standInUserId: dto.standInUserId,
        role: dto.role,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        reason: dto.reason?.trim() || null,
        createdBy: principal.userId,
      });
      await this.audit.record(tx, {
        tenantId,
        action: 'delegation.create',
        targetType: 'delegation',
        targetId: id,
        details: {
          principalUserId,
          standInUserId: dto.standInUserId,
          role: dto.role,
          startsOn: dto.startsOn,
          endsOn: dto.endsOn,
        },
      });
      return toView(ability, await requireDelegation(tx, id));
    });
  }

  /** Ends a delegation now (one not yet started never starts); an ended or revoked one stays as it is. */
  revoke(principal: Principal, ability: AppAbility, id: string): Promise<DelegationView> {
    return this.db.tx(async (tx) => {
      const found = await findDelegation(tx, id, { forUpdate: true });
      if (!found || !canOn(ability, 'read', 'Delegation', found)) throw new AppError('DELEGATION_NOT_FOUND');
      assertCan(ability, 'update', 'Delegation', found);
      const state = delegationState(found, today());
      if (state === 'revoked' || state === 'ended') throw new AppError('DELEGATION_NOT_REVOCABLE', { state });
      await revokeDelegation(tx, id, principal.userId);
      await this.audit.record(tx, {
        tenantId: principal.tenantId,
        action: 'delegation.revoke',
        targetType: 'delegation',
        targetId: id,
        details: { principalUserId: found.principalUserId, standInUserId: found.standInUserId, role: found.role },
      });
      return toView(ability, await requireDelegation(tx, id));
    });
  }
}

async function requireDelegation(tx: Parameters<typeof findDelegation>[0], id: string): Promise<DelegationRecord> {
  const found = await findDelegation(tx, id);
  if (!found) throw new AppError('DELEGATION_NOT_FOUND');
  return found;
}

function toView(ability: AppAbility, d: DelegationRecord): DelegationView {
  const state = delegationState(d, today());
  return {
    id: d.id,
    principal: { userId: d.principalUserId, name: d.principalName },
    standIn: { userId: d.standInUserId, name: d.standInName },
    role: d.role as DelegableRole,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    reason: d.reason,
    state,
    revokedAt: d.revokedAt ? new Date(d.revokedAt).toISOString() : null,
    createdAt: d.createdAt.toISOString(),
    canRevoke: (state === 'scheduled' || state === 'active') && canOn(ability, 'update', 'Delegation', d),
  };
}
