import { Button, Flex, Input, Typography } from 'antd';
import { expandTitle, REPORT_KIND_LABELS, TITLE_PLACEHOLDERS, type TemplateDefinition } from '@evalflow/domain';
import { fieldId, setIn, type Path } from '../definition-edit';
import { Field } from '../problems';
import { SAMPLE_DEPARTMENT, SAMPLE_PROJECT } from '../outline-preview';
import type { SectionProps } from './section-props';

const PLACEHOLDER_MEANINGS: Record<(typeof TITLE_PLACEHOLDERS)[number], string> = {
  '{部门}': '部门名称',
  '{年度}': '报告年度',
  '{项目名称}': '项目名称',
};

/** The placeholders a title of this kind may use ({项目名称} only for a project table). */
export function placeholdersOf(kind: TemplateDefinition['kind']) {
  return TITLE_PLACEHOLDERS.filter((p) => kind === 'project' || p !== '{项目名称}');
}

/** 基本信息与文档: the template's name and description, and the document's labels and title. */
export function BasicSection({ def, update, problems, readOnly, sampleYear }: SectionProps & { sampleYear: number }) {
  const set = (path: Path, value: unknown) => update((d) => setIn(d, path, value));
  const text = (path: Path, value: string, label: string, maxLength: number, extra?: string, placeholder?: string) => (
    <Field label={label} path={path} messages={problems.under(path)} extra={extra}>
      <Input
        id={fieldId(path)}
        value={value}
        onChange={(e) => set(path, e.target.value)}
        maxLength={maxLength}
        placeholder={placeholder}
        status={problems.under(path).length ? 'error' : undefined}
      />
    </Field>
  );
  const placeholders = placeholdersOf(def.kind);
  const titlePath = ['document', 'titlePattern'];

  return (
    <>
      <Field label="报告类型" path={['kind']} messages={problems.under(['kind'])}>
        <Typography.Text id={fieldId(['kind'])}>{REPORT_KIND_LABELS[def.kind]}</Typography.Text>
      </Field>
      {text(['name'], def.name, '模板名称', 60)}
      <Field label="说明" path={['description']} messages={problems.under(['description'])}>
        <Input.TextArea
          id={fieldId(['description'])}
          value={def.description}
          onChange={(e) => set(['description'], e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="适用范围、依据的文件、与上一版的区别等"
        />
      </Field>
      {text(
        ['document', 'attachmentLabel'],
        def.document.attachmentLabel,
        '附件标注',
        20,
        '印在报告左上角，如「附件4」；不需要时留空',
        '如：附件4',
      )}
      <Field
        label="报告标题格式"
        path={titlePath}
        messages={problems.under(titlePath)}
        extra={
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            <span>
              可用占位符：{placeholders.map((p) => `${p}（${PLACEHOLDER_MEANINGS[p]}）`).join('、')}，生成报告时替换。
            </span>
            <span>
              示例：
              {expandTitle(def.document.titlePattern, {
                departmentName: SAMPLE_DEPARTMENT,
                fiscalYear: sampleYear,
                projectName: SAMPLE_PROJECT,
              }) || '—'}
            </span>
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          <Input
            id={fieldId(titlePath)}
            value={def.document.titlePattern}
            onChange={(e) => set(titlePath, e.target.value)}
            maxLength={100}
            status={problems.under(titlePath).length ? 'error' : undefined}
          />
          {!readOnly && (
            <Flex gap={8} wrap>
              {placeholders.map((p) => (
                <Button
                  key={p}
                  size="small"
                  aria-label={`插入占位符 ${p}`}
                  onClick={() => set(titlePath, def.document.titlePattern + p)}
                >
                  插入 {p}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      </Field>
      {text(
        ['document', 'tableTitle'],
        def.document.tableTitle,
        def.kind === 'project' ? '自评表标题' : '自评表（附表）标题',
        60,
        def.kind === 'project' ? '项目支出绩效自评表的表名' : '报告所附绩效自评表的表名',
      )}
    </>
  );
}
