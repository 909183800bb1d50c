import { App, Form, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { TemplateSummary } from '../../api/template-types';
import { copyTemplate } from '../../api/templates-api';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit } from '../../hooks/use-form-submit';

/** What is copied: a published version of a template (the county's or a built-in). */
export interface CopySource {
  name: string;
  versionId: string;
  version: number;
  builtin: boolean;
}

/** What copying `template` starts from: its latest version; none while it has never been published. */
export function copySourceOf(
  template: Pick<TemplateSummary, 'name' | 'builtin' | 'latestVersion'>,
): CopySource | undefined {
  const latest = template.latestVersion;
  return latest
    ? { name: template.name, versionId: latest.id, version: latest.version, builtin: template.builtin }
    : undefined;
}

interface CopyValues {
  name: string;
}

const MAX_NAME = 60;

/** The name a copy starts with. */
export function copyName(source: string): string {
  const suffix = '（副本）';
  return source.length + suffix.length <= MAX_NAME ? source + suffix : source.slice(0, MAX_NAME);
}

/** 复制: a county template from a version, named by the user; opens the copy's editor. */
export function CopyTemplateModal({
  source,
  open,
  onClose,
  afterClose,
}: {
  source: CopySource;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CopyValues>();
  const { saving, error, run } = useFormSubmit(form, { fields: ['name'], failure: '复制失败，请稍后重试' });

  const submit = ({ name }: CopyValues) =>
    run(async () => {
      const { template } = await copyTemplate(session, source.versionId, name.trim());
      message.success(`已复制为「${template.name}」`);
      onClose();
      navigate(`/templates/${encodeURIComponent(template.id)}`);
    });

  return (
    <Modal
      open={open}
      title="复制模板"
      okText="复制并编辑"
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
    >
      <FormAlerts error={error} />
      <Typography.Paragraph type="secondary">
        以{source.builtin ? '系统内置模板' : ''}「{source.name}」第 {source.version}{' '}
        版为基础，复制为本县的新模板。复制后可修改，发布到年度后生效。
      </Typography.Paragraph>
      <Form<CopyValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ name: copyName(source.name) }}
      >
        <Form.Item
          label="新模板名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写模板名称' },
            { max: MAX_NAME, message: `不超过 ${MAX_NAME} 个字符` },
          ]}
        >
          <Input maxLength={MAX_NAME} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
