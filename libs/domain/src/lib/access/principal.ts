import type { Role } from '../tenancy/roles';
import type { DepartmentKind } from '../tenancy/organisation';

/** Who is acting: resolved from the session on every request, never from the token alone. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  /** null only for platform operators */
  tenantId: string | null;
  departmentId: string | null;
  departmentKind: DepartmentKind | null;
  roles: Role[];
}
