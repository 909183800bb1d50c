import { App, Form, Input, Modal } from 'antd';
import { REGION_CODE_PATTERN } from '@evalflow/domain';
import { createTenant, updateTenant, type TenantChanges } from '../../api/tenants-api';
import type { TenantView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit, useVersionedEdit } from '../../hooks/use-form-submit';

interface TenantFormValues {
  name: string;
  regionCode: string;
  province: string;
  city: string;
}

interface TenantFormModalProps {
  /** The county to edit; absent to create one. */
  tenant?: TenantView;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** A saved county, or the latest state found on a version conflict. */
  onSaved: (tenant: TenantView) => void;
}

const TEXT_RULES = (what: string) => [
  { required: true, whitespace: true, message: `请填写${what}` },
  { max: 50, message: `${what}不能超过 50 个字符` },
];

function valuesOf(tenant: TenantView): TenantFormValues {
  return { name: tenant.name, regionCode: tenant.regionCode, province: tenant.province, city: tenant.city };
}

/** Creates a county, or edits its name and where it belongs (the region code never changes). */
export function TenantFormModal({ tenant, open, onClose, afterClose, onSaved }: TenantFormModalProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<TenantFormValues>();
  const { base, conflict, recover, saveChanges } = useVersionedEdit({ record: tenant, form, valuesOf, onSaved });
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['name', 'regionCode', 'city', 'province'],
    fieldOfCode: { REGION_CODE_TAKEN: 'regionCode' },
    failure: '保存失败，请稍后重试',
    recover,
  });

  const submit = (values: TenantFormValues) =>
    run(async () => {
      if (!base) {
        const created = await createTenant(session, {
          name: values.name.trim(),
          regionCode: values.regionCode,
          province: values.province.trim(),
          city: values.city.trim(),
        });
        message.success(`已新建「${created.name}」`);
        onSaved(created);
      } else {
        const changes: TenantChanges = {};
        for (const key of ['name', 'province', 'city'] as const) {
          if (values[key].trim() !== base[key]) changes[key] = values[key].trim();
        }
        await saveChanges(changes, () => updateTenant(session, base.id, base.version, changes));
      }
      onClose();
    });

  return (
    <Modal
      open={open}
      title={tenant ? `编辑县（区）：${tenant.name}` : '新建县（区）'}
      okText={tenant ? '保存' : '新建'}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
    >
      <FormAlerts error={error} conflict={conflict} />
      <Form<TenantFormValues>
        form={form}
        layout="vertical"
        initialValues={tenant ? valuesOf(tenant) : undefined}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item label="县（区）名称" name="name" rules={TEXT_RULES('县（区）名称')}>
          <Input placeholder="如：赵县" maxLength={50} />
        </Form.Item>
        <Form.Item
          label="行政区划代码"
          name="regionCode"
          extra={tenant ? '行政区划代码创建后不能修改' : '6 位数字，见 GB/T 2260'}
          rules={[
            { required: true, message: '请填写行政区划代码' },
            { pattern: REGION_CODE_PATTERN, message: '行政区划代码应为 6 位数字' },
          ]}
        >
          <Input placeholder="如：130133" maxLength={6} inputMode="numeric" disabled={Boolean(tenant)} />
        </Form.Item>
        <Form.Item label="所属省" name="province" rules={TEXT_RULES('所属省')}>
          <Input placeholder="如：河北省" maxLength={50} />
        </Form.Item>
        <Form.Item label="所属市" name="city" rules={TEXT_RULES('所属市')}>
          <Input placeholder="如：石家庄市" maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
