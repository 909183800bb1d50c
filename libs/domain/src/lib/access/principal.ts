import type { Role } from '../tenancy/roles';
import type { DepartmentKind } from '../tenancy/organisation';
import type { ServiceAccount } from './api-key-scopes';

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
  /** set when the caller is an API key (then userId is the key's id and roles is empty) */
  serviceAccount?: ServiceAccount;
}
