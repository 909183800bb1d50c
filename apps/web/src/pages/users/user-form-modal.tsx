import { useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { checkRoleAssignment, tagged, type Role } from '@evalflow/domain';
import type { DepartmentView, UserView } from '../../api/types';
import { createUser, updateUser, type UserChanges } from '../../api/users-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { NewPasswordFields } from '../../components/new-password-fields';
import { useFormSubmit, useVersionedEdit } from '../../hooks/use-form-submit';
import { departmentOptions } from './department-options';
import { RoleCheckboxes } from './role-checkboxes';
import { DISPLAY_NAME_RULES, EMAIL_RULES, trimmed, USERNAME_RULES } from './user-rules';

interface UserFormValues {
  username: string;
  displayName: string;
  email?: string | null;
  departmentId?: string | null;
  roles: Role[];
  password?: string;
  passwordConfirm?: string;
}

interface UserFormModalProps {
  /** The account to edit; absent to create one. */
  user?: UserView;
  /** The county's departments, for the department choice and the role check. */
  departments: DepartmentView[];
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** A saved account, or the latest state found on a version conflict. */
  onSaved: (user: UserView) => void;
}

function valuesOf(user: UserView): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email ?? null,
    departmentId: user.departmentId,
    roles: user.roles,
  };
}

/** An empty address is none. */
const emailOf = (value: string | null | undefined) => value?.trim() || null;

const sameRoles = (a: Role[], b: Role[]) => [...a].sort().join() === [...b].sort().join();

/** Creates an account of the county or edits its name, department and roles. */
export function UserFormModal({ user, departments, open, onClose, afterClose, onSaved }: UserFormModalProps) {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const { base, conflict, recover, saveChanges } = useVersionedEdit({ record: user, form, valuesOf, onSaved });
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['username', 'displayName', 'email', 'departmentId', 'roles', 'password'],
    fieldOfCode: { USERNAME_TAKEN: 'username' },
    failure: '保存失败，请稍后重试',
    recover,
  });
  // problems of a pristine form are not news: show them once the user has acted
  const [showRoleProblems, setShowRoleProblems] = useState(Boolean(user));

  const username: string = Form.useWatch('username', form) ?? '';
  const roles: Role[] = Form.useWatch('roles', form) ?? [];
  const departmentId: string | null = Form.useWatch('departmentId', form) ?? null;
  const department = departments.find((d) => d.id === departmentId) ?? null;
  const problemsOf = (chosen: Role[], id: string | null) => {
    const d = departments.find((x) => x.id === id);
    return checkRoleAssignment(chosen, d ? { kind: d.kind } : null);
  };
  const problems = problemsOf(roles, departmentId);
  const roleProblems = problems.filter((p) => p.field === 'roles').map((p) => p.message);
  const departmentProblems = problems.filter((p) => p.field === 'departmentId').map((p) => p.message);
  // an administrator may not change its own roles (the API's rules say so too)
  const rolesLocked = base !== undefined && !ability.can('update', tagged('User', base), 'roles');
  // a stopped department stays listed (greyed) only for whoever is still in it
  const choosable = departments.filter((d) => d.active || d.id === base?.departmentId);

  const submit = async (values: UserFormValues) => {
    setShowRoleProblems(true);
    // judged on what is submitted: the watched values may not have caught up with the form's first values
    if (problemsOf(values.roles ?? [], values.departmentId ?? null).length) return;
    await run(async () => {
      const departmentValue = values.departmentId ?? null;
      if (!base) {
        const created = await createUser(session, {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          email: emailOf(values.email),
          departmentId: departmentValue,
          roles: values.roles,
          password: values.password ?? '',
        });
        message.success(`已创建用户 ${created.username}，请将初始密码告知本人并提醒其登录后修改`);
        onSaved(created);
      } else {
        const changes: UserChanges = {};
        if (values.displayName.trim() !== base.displayName) changes.displayName = values.displayName.trim();
        if (emailOf(values.email) !== (base.email ?? null)) changes.email = emailOf(values.email);
        if (departmentValue !== base.departmentId) changes.departmentId = departmentValue;
        if (!rolesLocked && !sameRoles(values.roles, base.roles)) changes.roles = values.roles;
        const updated = await saveChanges(changes, () => updateUser(session, base.id, base.version ?? 0, changes));
        if (updated?.id === me.user.id) void session.reloadMe().catch(() => undefined);
      }
      onClose();
    });
  };

  return (
    <Modal
      open={open}
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      okText={user ? '保存' : '创建'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
      width={560}
    >
      <FormAlerts error={error} conflict={conflict} />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={user ? valuesOf(user) : { roles: [], departmentId: null }}
        onFinish={submit}
        onFinishFailed={() => setShowRoleProblems(true)}
        onValuesChange={(changed) => {
          if ('roles' in changed || 'departmentId' in changed) setShowRoleProblems(true);
        }}
        requiredMark={false}
        autoComplete="off"
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={user ? [] : USERNAME_RULES}
          extra={user ? '用户名不能修改' : '登录用，全平台唯一，创建后不能修改'}
        >
          <Input placeholder="如：zhaoxian.edu.editor" maxLength={64} disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={DISPLAY_NAME_RULES}>
          <Input placeholder="如：王芳" maxLength={50} />
        </Form.Item>
        <Form.Item
          label="电子邮箱"
          name="email"
          rules={EMAIL_RULES}
          normalize={trimmed}
          extra="选填；用于接收退回、审核通过、期限提醒等通知邮件"
        >
          <Input placeholder="如：wangfang@zhaoxian.gov.cn" maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="所在部门"
          name="departmentId"
          validateStatus={showRoleProblems && departmentProblems.length ? 'error' : undefined}
          help={showRoleProblems && departmentProblems.length ? departmentProblems.join('；') : undefined}
        >
          <Select
            placeholder="不属于任何部门（仅县级管理员可不选）"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={departmentOptions(choosable, true)}
            notFoundContent="没有可选的部门"
          />
        </Form.Item>
        <Form.Item
          label="角色"
          name="roles"
          validateStatus={showRoleProblems && roleProblems.length ? 'error' : undefined}
          help={
            rolesLocked
              ? '不能修改自己的角色，请由本县（区）其他管理员修改'
              : showRoleProblems && roleProblems.length
                ? roleProblems.join('；')
                : undefined
          }
        >
          <RoleCheckboxes department={department ? { kind: department.kind } : null} disabled={rolesLocked} />
        </Form.Item>
        {!user && <NewPasswordFields username={username} dependencies={['username']} setForSomeoneElse />}
        {!user && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
            初始密码请通过安全渠道告知本人，并提醒其首次登录后修改。
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
