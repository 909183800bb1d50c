import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { checkRoleAssignment, DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, tagged, type Role } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import {
  formErrorsOf,
  latestFromConflict,
  VERSION_CONFLICT_HINT,
  VERSION_CONFLICT_TITLE,
} from '../../api/error-details';
import type { DepartmentView, UserView } from '../../api/types';
import { createUser, updateUser, type UserChanges } from '../../api/users-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { NewPasswordFields } from '../../components/new-password-fields';
import { RoleCheckboxes } from './role-checkboxes';
import { USERNAME_RULES } from './user-rules';

interface UserFormValues {
  username: string;
  displayName: string;
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
  return { username: user.username, displayName: user.displayName, departmentId: user.departmentId, roles: user.roles };
}

const sameRoles = (a: Role[], b: Role[]) => [...a].sort().join() === [...b].sort().join();

/** Creates an account of the county or edits its name, department and roles. */
export function UserFormModal({ user, departments, open, onClose, afterClose, onSaved }: UserFormModalProps) {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [base, setBase] = useState(user);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  // problems of a pristine form are not news: show them once the user has acted
  const [showRoleProblems, setShowRoleProblems] = useState(Boolean(user));

  const username: string = Form.useWatch('username', form) ?? '';
  const roles: Role[] = Form.useWatch('roles', form) ?? [];
  const departmentId: string | null = Form.useWatch('departmentId', form) ?? null;
  const department = departments.find((d) => d.id === departmentId) ?? null;
  const problems = checkRoleAssignment(roles, department ? { kind: department.kind } : null);
  const roleProblems = problems.filter((p) => p.field === 'roles').map((p) => p.message);
  const departmentProblems = problems.filter((p) => p.field === 'departmentId').map((p) => p.message);
  // an administrator may not change its own roles (the API's rules say so too)
  const rolesLocked = base !== undefined && !ability.can('update', tagged('User', base), 'roles');

  const departmentOptions = DEPARTMENT_KINDS.map((kind) => ({
    label: DEPARTMENT_KIND_LABELS[kind],
    title: DEPARTMENT_KIND_LABELS[kind],
    options: departments
      .filter((d) => d.kind === kind && (d.active || d.id === base?.departmentId))
      .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已停用）`, disabled: !d.active })),
  })).filter((group) => group.options.length > 0);

  const submit = async (values: UserFormValues) => {
    setShowRoleProblems(true);
    if (problems.length) return;
    setSaving(true);
    setError(undefined);
    try {
      const departmentValue = values.departmentId ?? null;
      if (!base) {
        const created = await createUser(session, {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          departmentId: departmentValue,
          roles: values.roles,
          password: values.password ?? '',
        });
        message.success(`已创建用户 ${created.username}，请将初始密码告知本人并提醒其登录后修改`);
        onSaved(created);
      } else {
        const changes: UserChanges = {};
        if (values.displayName.trim() !== base.displayName) changes.displayName = values.displayName.trim();
        if (departmentValue !== base.departmentId) changes.departmentId = departmentValue;
        if (!rolesLocked && !sameRoles(values.roles, base.roles)) changes.roles = values.roles;
        if (Object.keys(changes).length === 0) {
          message.info('没有需要保存的修改');
          onClose();
          return;
        }
        const updated = await updateUser(session, base.id, base.version ?? 0, changes);
        message.success('已保存');
        onSaved(updated);
        if (updated.id === me.user.id) void session.reloadMe().catch(() => undefined);
      }
      onClose();
    } catch (e) {
      const latest = latestFromConflict<UserView>(e);
      if (latest && base) {
        setBase(latest);
        setConflict(true);
        form.setFieldsValue(valuesOf(latest));
        onSaved(latest);
        return;
      }
      const fields = formErrorsOf(e, ['username', 'displayName', 'departmentId', 'roles', 'password'] as const, {
        USERNAME_TAKEN: 'username',
      });
      if (fields.length) form.setFields(fields);
      else setError(messageOf(e, '保存失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
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
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={VERSION_CONFLICT_TITLE}
          description={VERSION_CONFLICT_HINT}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
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
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请填写姓名' },
            { max: 50, message: '姓名不能超过 50 个字符' },
          ]}
        >
          <Input placeholder="如：王芳" maxLength={50} />
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
            options={departmentOptions}
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
        {!user && <NewPasswordFields username={username} dependencies={['username']} />}
        {!user && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
            初始密码请通过安全渠道告知本人，并提醒其首次登录后修改。
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
