import type { Role } from '../tenancy/roles';

/**
 * The department head's sign-off (部门负责人签核) before submission, when the county asks for it.
 * A sign-off holds for the content it saw: any later edit (a new report version) voids it. A head who
 * submits signs off by doing so.
 */
export interface HeadSignOffState {
  required: boolean;
  roles: readonly Role[];
  /** the report version the head signed off, if any */
  signedVersion: number | null;
  currentVersion: number;
}

export function headSignOffMissing(s: HeadSignOffState): boolean {
  if (!s.required || s.roles.includes('dept_head')) return false;
  return s.signedVersion !== s.currentVersion;
}

/** Only the department's own head signs off, and only content that can still change. */
export function canSignOff(status: string, roles: readonly Role[], ownDepartment: boolean): boolean {
  return ownDepartment && roles.includes('dept_head') && (status === 'draft' || status === 'returned');
}
