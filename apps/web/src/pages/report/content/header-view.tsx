import { Descriptions } from 'antd';
import type { HeaderPart } from '@evalflow/domain';
import { textOrDash } from '../fields/format';

export function HeaderView({ content }: { content: HeaderPart }) {
  const policy = [content.policyIssuer, content.policyTitle && `《${content.policyTitle}》`, content.policyNumber]
    .filter(Boolean)
    .join(' ');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'attachmentLabel', label: '附件标签', children: textOrDash(content.attachmentLabel) },
        { key: 'departmentName', label: '部门名称', children: textOrDash(content.departmentName) },
        { key: 'title', label: '报告标题', children: textOrDash(content.title), span: 'filled' },
        { key: 'policy', label: '评价依据', children: textOrDash(policy), span: 'filled' },
        { key: 'principles', label: '评价原则', children: textOrDash(content.principles), span: 'filled' },
      ]}
    />
  );
}
