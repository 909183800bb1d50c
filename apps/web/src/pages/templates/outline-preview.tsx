import { Divider, Flex, Typography } from 'antd';
import { expandTitle, numberedOutline, type NumberedHeading, type TemplateDefinition } from '@evalflow/domain';
import { sectionTitle } from './definition-edit';

export const SAMPLE_DEPARTMENT = '示例部门';
export const SAMPLE_PROJECT = '示例项目';

const INDENT = { 1: 0, 2: 16, 3: 32 } as const;
const WEIGHT = { 1: 600, 2: 500, 3: 400 } as const;

function Heading({ heading, kind }: { heading: NumberedHeading; kind: TemplateDefinition['kind'] }) {
  return (
    <li style={{ listStyle: 'none' }}>
      <div style={{ paddingLeft: INDENT[heading.level], fontWeight: WEIGHT[heading.level] }}>
        {heading.number}
        {heading.title || <Typography.Text type="secondary">（未命名）</Typography.Text>}
      </div>
      {heading.sections.length > 0 && (
        <div style={{ paddingLeft: INDENT[heading.level] + 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {heading.sections.map((s) => sectionTitle(kind, s)).join('、')}
          </Typography.Text>
        </div>
      )}
      {heading.children.length > 0 && (
        <ul style={{ padding: 0, margin: 0 }}>
          {heading.children.map((child, i) => (
            <Heading key={i} heading={child} kind={kind} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The document's first page as the template shapes it: label, title, numbered headings and what each holds. */
export function OutlinePreview({ def, fiscalYear }: { def: TemplateDefinition; fiscalYear: number }) {
  const title = expandTitle(def.document.titlePattern, {
    departmentName: SAMPLE_DEPARTMENT,
    fiscalYear,
    projectName: SAMPLE_PROJECT,
  });
  const headings = numberedOutline(def);
  return (
    <section aria-label="提纲预览" style={{ fontFamily: 'inherit' }}>
      {def.document.attachmentLabel && (
        <Typography.Text strong style={{ display: 'block' }}>
          {def.document.attachmentLabel}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ textAlign: 'center', margin: '8px 0 12px' }} aria-label="报告标题预览">
        {title || '（未填写标题格式）'}
      </Typography.Title>
      {def.kind === 'project' && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
          表名：{def.document.tableTitle}
        </Typography.Paragraph>
      )}
      <ul style={{ padding: 0, margin: 0, lineHeight: 1.9 }} aria-label="标题">
        {headings.map((h, i) => (
          <Heading key={i} heading={h} kind={def.kind} />
        ))}
      </ul>
      {def.kind === 'department_overall' && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Typography.Text>附：{def.document.tableTitle}</Typography.Text>
        </>
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Flex vertical gap={2} style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">
          指标体系：
          {def.framework.level1.map((l) => `${l.name} ${l.weight}`).join('、')}、预算执行率{' '}
          {def.framework.executionWeight}
        </Typography.Text>
        <Typography.Text type="secondary">
          评价等级：{def.gradeBands ? def.gradeBands.map((b) => `${b.label} ≥${b.min}`).join('、') : '本县设置'}
        </Typography.Text>
      </Flex>
    </section>
  );
}
