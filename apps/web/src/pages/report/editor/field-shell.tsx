import type { ReactNode } from 'react';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { fieldDomId } from './field-dom';
import type { FieldMessage } from './field-messages';

export const messagesId = (path: string) => `${fieldDomId(path)}-messages`;

/** The rule results and format problems of one field, right under it. */
export function FieldMessages({ path, messages }: { path: string; messages: FieldMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <Flex vertical gap={2} id={messagesId(path)} data-field-messages={path}>
      {messages.map((m, i) => (
        <Typography.Text key={i} type={m.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 13 }}>
          {m.severity === 'error' ? <CloseCircleFilled /> : <ExclamationCircleFilled />} {m.text}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** A labelled field: its label, its input, and what the checks say about it. */
export function FieldShell({
  path,
  label,
  messages,
  children,
}: {
  path: string;
  label: string;
  messages: FieldMessage[];
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={4}>
      <label htmlFor={fieldDomId(path)}>
        <Typography.Text type="secondary">{label}</Typography.Text>
      </label>
      {children}
      <FieldMessages path={path} messages={messages} />
    </Flex>
  );
}

/** The worst severity among a field's messages, as the input's status. */
export const statusOf = (messages: FieldMessage[]): 'error' | 'warning' | undefined =>
  messages.some((m) => m.severity === 'error') ? 'error' : messages.length ? 'warning' : undefined;
