import { useMemo } from 'react';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import { MAX_COMMENT_LENGTH, partLabel, partsOf, type ReportKind, type ReportPart } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import { startThread } from '../../../api/comments-api';
import type { CommentThread, PartView } from '../../../api/report-types';
import { FormAlerts } from '../../../components/form-alerts';
import { useFormSubmit } from '../../../hooks/use-form-submit';
import { fieldOptions } from '../fields/field-paths';

interface NewThreadValues {
  part: ReportPart;
  fieldPath?: string;
  body: string;
}

interface NewThreadFormProps {
  api: ApiClient;
  /** The report's kind: the parts to choose from and their fields. */
  kind: ReportKind;
  reportId: string;
  /** The report's parts as loaded: the fields to point at come from their content. */
  parts: Partial<Record<ReportPart, PartView>>;
  /** Fixes the part (the form beside a part); otherwise the user picks one. */
  part?: ReportPart;
  onCreated: (thread: CommentThread) => void;
  onCancel?: () => void;
}

/** Starts a comment thread on a part of the report, optionally on one field of it. */
export function NewThreadForm({
  api,
  kind,
  reportId,
  parts,
  part: fixedPart,
  onCreated,
  onCancel,
}: NewThreadFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewThreadValues>();
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['part', 'fieldPath', 'body'],
    fieldOfCode: { COMMENT_ANCHOR_INVALID: 'fieldPath', COMMENT_BODY_INVALID: 'body' },
    failure: '意见未能保存，请稍后重试',
  });
  const chosenPart = Form.useWatch('part', form) ?? fixedPart;
  const options = useMemo(
    () => (chosenPart ? fieldOptions(kind, chosenPart, parts[chosenPart]?.content) : []),
    [kind, chosenPart, parts],
  );

  const submit = (values: NewThreadValues) =>
    run(async () => {
      const part = fixedPart ?? values.part;
      const thread = await startThread(api, reportId, {
        part,
        ...(values.fieldPath ? { fieldPath: values.fieldPath } : {}),
        body: values.body.trim(),
      });
      message.success('已添加意见');
      form.resetFields();
      onCreated(thread);
    });

  return (
    <Form<NewThreadValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ part: fixedPart }}
      onFinish={submit}
      onValuesChange={(changed) => {
        // a field of the previous part means nothing in the new one
        if ('part' in changed) form.setFieldValue('fieldPath', undefined);
      }}
    >
      <FormAlerts error={error} />
      {!fixedPart && (
        <Form.Item label="报告部分" name="part" rules={[{ required: true, message: '请选择意见针对的报告部分' }]}>
          <Select
            placeholder="选择报告部分"
            options={partsOf(kind).map((p) => ({ value: p, label: partLabel(kind, p) }))}
          />
        </Form.Item>
      )}
      <Form.Item label="具体字段（可选）" name="fieldPath" extra="不选则针对整个部分">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={chosenPart ? '搜索或选择字段' : '请先选择报告部分'}
          disabled={!chosenPart}
          options={options}
          aria-label="具体字段"
        />
      </Form.Item>
      <Form.Item
        label="意见"
        name="body"
        rules={[
          { required: true, whitespace: true, message: '请填写意见内容' },
          { max: MAX_COMMENT_LENGTH, message: `意见不能超过 ${MAX_COMMENT_LENGTH} 个字符` },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={MAX_COMMENT_LENGTH}
          showCount
          placeholder="指出问题并说明应如何修改"
        />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        {onCancel && <Button onClick={onCancel}>取消</Button>}
        <Button type="primary" htmlType="submit" loading={saving}>
          添加意见
        </Button>
      </Flex>
    </Form>
  );
}
