import type { ReactNode } from 'react';
import { Alert, Button, Form, Typography } from 'antd';
import type { TemplateProblem } from '@evalflow/domain';
import { dotted, fieldId, type Path } from './definition-edit';

/** The editor's tabs, in their order. */
export const EDITOR_TABS = {
  basic: '基本信息与文档',
  outline: '提纲与编号',
  framework: '指标体系',
  scoring: '计分规则',
  rules: '审核规则',
  grades: '评价等级',
} as const;
export type EditorTab = keyof typeof EDITOR_TABS;

/** The tab a problem's field is on. */
export function tabOf(path: string): EditorTab {
  const head = path.split('.')[0];
  switch (head) {
    case 'numbering':
    case 'outline':
      return 'outline';
    case 'framework':
      return 'framework';
    case 'scoring':
      return 'scoring';
    case 'rules':
      return 'rules';
    case 'gradeBands':
    case 'rescoring':
      return 'grades';
    default:
      return 'basic';
  }
}

/** The problems of a template, looked up by the field they concern. */
export class Problems {
  constructor(readonly all: readonly TemplateProblem[]) {}

  /** The messages about exactly this place. */
  at(path: Path | string): string[] {
    const key = typeof path === 'string' ? path : dotted(path);
    return this.all.filter((p) => p.path === key).map((p) => p.message);
  }

  /** The messages about this place or anything inside it. */
  under(path: Path | string): string[] {
    const key = typeof path === 'string' ? path : dotted(path);
    return this.all.filter((p) => p.path === key || p.path.startsWith(key + '.')).map((p) => p.message);
  }

  count(tab: EditorTab): number {
    return this.all.filter((p) => tabOf(p.path) === tab).length;
  }
}

/** Messages shown under a control. */
export function ProblemText({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="template-problem">
      {messages.map((m, i) => (
        <Typography.Text key={`${i}-${m}`} type="danger" style={{ display: 'block', fontSize: 13 }}>
          {m}
        </Typography.Text>
      ))}
    </div>
  );
}

/** A labelled control with its problems under it; the control takes `id={fieldId(path)}`. */
export function Field({
  label,
  path,
  messages,
  extra,
  children,
}: {
  label: ReactNode;
  path: Path;
  messages: readonly string[];
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Form.Item
      label={label}
      htmlFor={fieldId(path)}
      validateStatus={messages.length ? 'error' : undefined}
      help={messages.length ? <ProblemText messages={messages} /> : undefined}
      extra={extra}
    >
      {children}
    </Form.Item>
  );
}

/** Every problem on top of the editor, each with a jump to its field. */
export function ProblemList({
  problems,
  title,
  onJump,
}: {
  problems: readonly TemplateProblem[];
  title: string;
  onJump: (path: string) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      style={{ marginBottom: 16 }}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="需要修改的项">
          {problems.map((p, i) => (
            <li key={`${i}-${p.path}-${p.message}`}>
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onJump(p.path)}>
                {EDITOR_TABS[tabOf(p.path)]}
              </Button>
              ：{p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
