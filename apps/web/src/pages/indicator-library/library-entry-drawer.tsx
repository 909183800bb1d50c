import { App, AutoComplete, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import {
  LIBRARY_FIELD_LABELS,
  LIBRARY_TEXT_LIMITS,
  libraryEntryChanges,
  type IndicatorNature,
  type LibraryTextField,
} from '@evalflow/domain';
import {
  createLibraryEntry,
  updateLibraryEntry,
  type LibraryEntryChanges,
  type LibraryEntryView,
} from '../../api/indicator-library-api';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit, useVersionedEdit } from '../../hooks/use-form-submit';
import { NATURE_OPTIONS, STANDARD_LEVEL1 } from './library-labels';

interface EntryFormValues {
  level1: string;
  level2: string;
  level3: string;
  unit: string;
  nature: IndicatorNature;
  suggestedTarget: string;
  suggestedEvidence: string;
  note: string;
}

const TEXT_FIELDS: LibraryTextField[] = [
  'level1',
  'level2',
  'level3',
  'unit',
  'suggestedTarget',
  'suggestedEvidence',
  'note',
];
const FORM_FIELDS = [...TEXT_FIELDS, 'nature'] as const;
const REQUIRED = new Set<LibraryTextField>(['level1', 'level2', 'level3']);
const LEVEL2_SUGGESTIONS = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
];
const PLACEHOLDERS: Record<LibraryTextField, string> = {
  level1: '如：产出指标',
  level2: '如：质量指标',
  level3: '如：资金发放准确率',
  unit: '如：%、万元、人次；定性指标可不填',
  suggestedTarget: '如：100',
  suggestedEvidence: '如：银行代发明细',
  note: '口径、计算方法等',
};

function valuesOf(e: LibraryEntryView): EntryFormValues {
  return {
    level1: e.level1,
    level2: e.level2,
    level3: e.level3,
    unit: e.unit,
    nature: e.nature,
    suggestedTarget: e.suggestedTarget,
    suggestedEvidence: e.suggestedEvidence,
    note: e.note,
  };
}

interface LibraryEntryDrawerProps {
  /** The entry to edit; absent to add one. */
  entry?: LibraryEntryView;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** A saved entry, or the latest state found on a version conflict. */
  onSaved: (entry: LibraryEntryView) => void;
}

/** Adds an entry to the 指标库 or edits one (county administrator, finance bureau). */
export function LibraryEntryDrawer({ entry, open, onClose, afterClose, onSaved }: LibraryEntryDrawerProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryFormValues>();
  const { base, conflict, recover, saveChanges } = useVersionedEdit({ record: entry, form, valuesOf, onSaved });
  const { saving, error, run } = useFormSubmit(form, {
    fields: FORM_FIELDS,
    fieldOfCode: { LIBRARY_ENTRY_EXISTS: 'level3' },
    failure: '保存失败，请稍后重试',
    recover,
  });

  const submit = (raw: EntryFormValues) =>
    run(async () => {
      const values = { ...raw };
      for (const field of TEXT_FIELDS) values[field] = (raw[field] ?? '').trim();
      if (!base) {
        const created = await createLibraryEntry(session, values);
        message.success(`已新增「${created.level3}」`);
        onSaved(created);
      } else {
        const changes: LibraryEntryChanges = {};
        for (const field of libraryEntryChanges(base, values)) Object.assign(changes, { [field]: values[field] });
        await saveChanges(changes, () => updateLibraryEntry(session, base.id, base.version, changes));
      }
      onClose();
    });

  return (
    <Drawer
      open={open}
      title={entry ? `编辑指标：${entry.level3}` : '新增指标'}
      size={520}
      onClose={onClose}
      afterOpenChange={(visible) => !visible && afterClose()}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {entry ? '保存' : '新增'}
          </Button>
        </Flex>
      }
    >
      <FormAlerts error={error} conflict={conflict} />
      <Form<EntryFormValues>
        form={form}
        layout="vertical"
        initialValues={
          entry ? valuesOf(entry) : { nature: '>=', unit: '', suggestedTarget: '', suggestedEvidence: '', note: '' }
        }
        onFinish={submit}
        requiredMark={false}
      >
        {TEXT_FIELDS.slice(0, 4).map((field) => textItem(field))}
        <Form.Item
          label={LIBRARY_FIELD_LABELS.nature}
          name="nature"
          rules={[{ required: true, message: '请选择指标性质' }]}
        >
          <Select options={NATURE_OPTIONS} />
        </Form.Item>
        {TEXT_FIELDS.slice(4).map((field) => textItem(field))}
      </Form>
    </Drawer>
  );
}

function textItem(field: LibraryTextField) {
  const label = LIBRARY_FIELD_LABELS[field];
  const max = LIBRARY_TEXT_LIMITS[field];
  const rules = [
    ...(REQUIRED.has(field) ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
    { max, message: `${label}不能超过 ${max} 个字符` },
  ];
  const suggestions = field === 'level1' ? STANDARD_LEVEL1 : field === 'level2' ? LEVEL2_SUGGESTIONS : undefined;
  return (
    <Form.Item key={field} label={label} name={field} rules={rules}>
      {suggestions ? (
        <AutoComplete options={suggestions.map((value) => ({ value }))} placeholder={PLACEHOLDERS[field]} />
      ) : max > 100 ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={max} placeholder={PLACEHOLDERS[field]} />
      ) : (
        <Input maxLength={max} placeholder={PLACEHOLDERS[field]} />
      )}
    </Form.Item>
  );
}
