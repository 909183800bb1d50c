import { Alert, App, AutoComplete, Button, Drawer, Flex, Form, Input, Radio } from 'antd';
import {
  DEPARTMENT_KIND_LABELS,
  DEPARTMENT_KINDS,
  FUNDING_FORM_SUGGESTIONS,
  UNIT_LEVEL_SUGGESTIONS,
  UNIT_NATURE_SUGGESTIONS,
  type DepartmentKind,
} from '@evalflow/domain';
import { createDepartment, updateDepartment, type DepartmentChanges } from '../../api/departments-api';
import type { DepartmentView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit, useVersionedEdit } from '../../hooks/use-form-submit';
import { DEPARTMENT_TEXT_FIELDS, type DepartmentTextField } from './department-labels';

interface DepartmentFormValues {
  name: string;
  kind: DepartmentKind;
  budgetCode?: string;
  unitNature?: string;
  unitLevel?: string;
  fundingForm?: string;
}

interface DepartmentFormDrawerProps {
  /** The department to edit; absent to create one. */
  department?: DepartmentView;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** A saved department, or the latest state found on a version conflict. */
  onSaved: (department: DepartmentView) => void;
}

const SUGGESTIONS: Partial<Record<DepartmentTextField, readonly string[]>> = {
  unitNature: UNIT_NATURE_SUGGESTIONS,
  unitLevel: UNIT_LEVEL_SUGGESTIONS,
  fundingForm: FUNDING_FORM_SUGGESTIONS,
};

function valuesOf(d: DepartmentView): DepartmentFormValues {
  return {
    name: d.name,
    kind: d.kind,
    budgetCode: d.budgetCode ?? '',
    unitNature: d.unitNature ?? '',
    unitLevel: d.unitLevel ?? '',
    fundingForm: d.fundingForm ?? '',
  };
}

/** Creates or edits a department (预算部门（单位）or 财政局) of the county. */
export function DepartmentFormDrawer({ department, open, onClose, afterClose, onSaved }: DepartmentFormDrawerProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentFormValues>();
  const { base, conflict, recover, saveChanges } = useVersionedEdit({ record: department, form, valuesOf, onSaved });
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['name', 'kind', 'unitNature', 'unitLevel', 'fundingForm', 'budgetCode'],
    fieldOfCode: { DEPARTMENT_NAME_TAKEN: 'name', BUDGET_CODE_TAKEN: 'budgetCode', ROLE_ASSIGNMENT_INVALID: 'kind' },
    failure: '保存失败，请稍后重试',
    recover,
  });
  const kind = Form.useWatch('kind', form);
  const kindChangesWithStaff = base !== undefined && kind !== undefined && kind !== base.kind && base.userCount > 0;

  const submit = (values: DepartmentFormValues) =>
    run(async () => {
      if (!base) {
        const input = { name: values.name.trim(), kind: values.kind };
        for (const { name } of DEPARTMENT_TEXT_FIELDS) {
          const value = values[name]?.trim();
          if (value) Object.assign(input, { [name]: value });
        }
        const created = await createDepartment(session, input);
        message.success(`已新建「${created.name}」`);
        onSaved(created);
      } else {
        const changes: DepartmentChanges = {};
        if (values.name.trim() !== base.name) changes.name = values.name.trim();
        if (values.kind !== base.kind) changes.kind = values.kind;
        for (const { name } of DEPARTMENT_TEXT_FIELDS) {
          // an emptied field is cleared with null
          const value = values[name]?.trim() || null;
          if (value !== base[name]) changes[name] = value;
        }
        await saveChanges(changes, () => updateDepartment(session, base.id, base.version, changes));
      }
      onClose();
    });

  return (
    <Drawer
      open={open}
      title={department ? `编辑部门：${department.name}` : '新建部门'}
      size={480}
      onClose={onClose}
      afterOpenChange={(visible) => !visible && afterClose()}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {department ? '保存' : '新建'}
          </Button>
        </Flex>
      }
    >
      <FormAlerts error={error} conflict={conflict} />
      <Form<DepartmentFormValues>
        form={form}
        layout="vertical"
        initialValues={department ? valuesOf(department) : { kind: 'budget_department' }}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          label="部门名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写部门名称' },
            { max: 100, message: '部门名称不能超过 100 个字符' },
          ]}
        >
          <Input placeholder="如：赵县总工会" maxLength={100} />
        </Form.Item>
        <Form.Item
          label="部门类型"
          name="kind"
          rules={[{ required: true, message: '请选择部门类型' }]}
          extra="预算部门（单位）填报自评；财政局审核自评"
        >
          <Radio.Group options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        {kindChangesWithStaff && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`该部门有 ${base.userCount} 名用户：只有当他们的角色都与新的部门类型相符时才能保存`}
          />
        )}
        {DEPARTMENT_TEXT_FIELDS.map(({ name, label }) => {
          const suggestions = SUGGESTIONS[name];
          return (
            <Form.Item
              key={name}
              label={label}
              name={name}
              rules={
                name === 'budgetCode'
                  ? [
                      {
                        pattern: /^[A-Za-z0-9._-]{1,30}$/,
                        message: '预算单位编码应为 1–30 位字母、数字、点、横线或下划线',
                      },
                    ]
                  : [{ max: 30, message: `${label}不能超过 30 个字符` }]
              }
            >
              {suggestions ? (
                <AutoComplete
                  options={suggestions.map((value) => ({ value }))}
                  placeholder={`可选填，如：${suggestions[0]}`}
                  allowClear
                />
              ) : (
                <Input placeholder="可选填，如：130133-501" maxLength={30} />
              )}
            </Form.Item>
          );
        })}
      </Form>
    </Drawer>
  );
}
