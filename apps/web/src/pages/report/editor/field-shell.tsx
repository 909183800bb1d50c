import type { ReactNode } from 'react';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { fieldDomId } from './field-dom';
import { INFERRED_STYLE, SourceMarker, useFieldSource } from './field-sources';
import type { FieldMessage } from './field-messages';

export const messagesId = (path: string) => `${fieldDomId(path)}-messages`;

/** The rule results and format problems of one field, right under it. */
export function FieldMessages({ path, messages }: { path: string; messages: FieldMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <Flex vertical gap={2} id={messagesId(path)} data-field-messages={path}>
      {messages.map((m, i) => (
        <Flex key={i} vertical data-severity={m.severity}>
          <Typography.Text type={m.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 13 }}>
            {m.severity === 'error' ? <CloseCircleFilled /> : <ExclamationCircleFilled />} {m.text}
          </Typography.Text>
          {m.remedy && (
            <Typography.Text type="secondary" style={{ fontSize: 12, paddingInlineStart: 18 }}>
              如何改正：{m.remedy}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** A labelled field: its label, its input, what is computed beside it, and what the checks say about it. */
export function FieldShell({
  path,
  label,
  messages,
  addon,
  children,
}: {
  path: string;
  label: string;
  messages: FieldMessage[];
  /** Under the input: what the field should hold by the template's rules (应得 7.50), a tag. */
  addon?: ReactNode;
  children: ReactNode;
}) {
  const source = useFieldSource(path);
  const labelText = (
    <label htmlFor={fieldDomId(path)}>
      <Typography.Text type="secondary">{label}</Typography.Text>
    </label>
  );
  return (
    <Flex
      vertical
      gap={4}
      data-inferred={source?.inferred || undefined}
      style={source?.inferred ? INFERRED_STYLE : undefined}
    >
      {source ? (
        <Flex align="center">
          {labelText}
          <SourceMarker path={path} span={source.span} inferred={source.inferred} />
        </Flex>
      ) : (
        labelText
      )}
      {children}
      {addon}
      <FieldMessages path={path} messages={messages} />
    </Flex>
  );
}

/** The worst severity among a field's messages, as the input's status. */
export const statusOf = (messages: FieldMessage[]): 'error' | 'warning' | undefined =>
  messages.some((m) => m.severity === 'error') ? 'error' : messages.length ? 'warning' : undefined;
