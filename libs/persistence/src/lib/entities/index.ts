import { AuditLogEntity } from './audit-log.entity';
import { DepartmentEntity } from './department.entity';
import { TenantEntity } from './tenant.entity';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export { AuditLogEntity, DepartmentEntity, TenantEntity, UserEntity, UserRoleEntity };
export type { AuditOutcome } from './audit-log.entity';

export const ENTITIES = [TenantEntity, DepartmentEntity, UserEntity, UserRoleEntity, AuditLogEntity];
