import { tagged, type AppAbility } from '@evalflow/domain';
import type { MeView } from '../api/types';

/** What the signed-in user may reach in the app, decided from the CASL rules the API sent. */
export interface Permissions {
  manageTenants: boolean;
  manageDepartments: boolean;
  /** Reads every department of the county without managing them (the finance bureau). */
  browseDepartments: boolean;
  manageUsers: boolean;
  readAuditLog: boolean;
}

export function permissionsOf(ability: AppAbility, me: MeView): Permissions {
  const manageDepartments = ability.can('create', 'Department');
  // "some other department of my county": true for county-wide readers, false for a department's own staff
  const browseDepartments =
    !manageDepartments &&
    me.tenant !== null &&
    ability.can('read', tagged('Department', { tenantId: me.tenant.id, id: '00000000-0000-0000-0000-000000000000' }));
  return {
    manageTenants: ability.can('create', 'Tenant'),
    manageDepartments,
    browseDepartments,
    manageUsers: ability.can('create', 'User') && me.tenant !== null,
    readAuditLog: ability.can('read', 'AuditLog'),
  };
}
