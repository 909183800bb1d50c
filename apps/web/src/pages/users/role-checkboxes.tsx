import { Checkbox, Flex, Typography } from 'antd';
import { checkRoleAssignment, type DepartmentKind, type Role } from '@evalflow/domain';
import { ASSIGNABLE_ROLES, ROLE_HINTS, roleLabel } from './assignable-roles';

interface RoleCheckboxesProps {
  value?: Role[];
  onChange?: (roles: Role[]) => void;
  /** The department currently chosen in the form: roles that would not fit it are marked. */
  department: { kind: DepartmentKind } | null;
  disabled?: boolean;
}

/** The roles of a user, each with where it belongs and whether it fits the chosen department. */
export function RoleCheckboxes({ value = [], onChange, department, disabled }: RoleCheckboxesProps) {
  return (
    <Checkbox.Group<Role>
      value={value}
      onChange={(roles) => onChange?.(roles)}
      disabled={disabled}
      style={{ width: '100%' }}
    >
      <Flex vertical gap={6}>
        {ASSIGNABLE_ROLES.map((role) => {
          // a role needing a department is only "wrong" once a department of the other kind is chosen
          const misfit =
            department !== null && checkRoleAssignment([role], department).some((p) => p.field === 'departmentId');
          return (
            <Checkbox key={role} value={role}>
              {roleLabel(role)}
              <Typography.Text type={misfit ? 'warning' : 'secondary'} style={{ fontSize: 12, marginInlineStart: 8 }}>
                {misfit ? '与所选部门不符' : ROLE_HINTS[role]}
              </Typography.Text>
            </Checkbox>
          );
        })}
      </Flex>
    </Checkbox.Group>
  );
}
