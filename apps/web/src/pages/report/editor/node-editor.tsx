import { Button, Col, Flex, Row, Typography } from 'antd';
import type { FieldNode } from '../fields/field-nodes';
import { useFieldAddons } from './editor-context';
import { emptyValue } from './empty-value';
import { FigureTableEditor } from './figure-table-editor';
import { fieldDomId } from './field-dom';
import type { MessagesOf } from './field-messages';
import { FieldInput } from './field-input';
import { FieldMessages, FieldShell, messagesId, statusOf } from './field-shell';
import { ListEditor } from './list-editor';
import { isLongText } from './value-kinds';

interface NodeEditorProps {
  node: FieldNode;
  path: string;
  value: unknown;
  onChange: (value: unknown) => void;
  messagesOf: MessagesOf;
}

/** Columns a field takes on a 24-column row: narratives and lists the whole width, short fields a third. */
function spanOf(node: FieldNode, path: string): { xs: number; md: number; xl: number } {
  if (node.type !== 'field' || isLongText(path)) return { xs: 24, md: 24, xl: 24 };
  return { xs: 24, md: 12, xl: 8 };
}

/** Edits one field, group or list of a part, shaped like the content (fields/field-labels.ts). */
export function NodeEditor({ node, path, value, onChange, messagesOf }: NodeEditorProps) {
  const addons = useFieldAddons();
  if (node.type === 'list') {
    return <ListEditor node={node} path={path} value={value} onChange={onChange} messagesOf={messagesOf} />;
  }
  if (node.type === 'field') {
    const messages = messagesOf(path);
    return (
      <FieldShell path={path} label={node.label} messages={messages} addon={addons?.field?.(path)}>
        <FieldInput
          path={path}
          kind={node.kind}
          label={node.label}
          value={value}
          onChange={onChange}
          status={statusOf(messages)}
          describedBy={messages.length ? messagesId(path) : undefined}
        />
      </FieldShell>
    );
  }
  if (typeof value !== 'object' || value === null) {
    // a group the draft has not filled in yet (资产 of a new draft)
    return (
      <Flex vertical gap={4} id={fieldDomId(path)} tabIndex={-1}>
        <Typography.Text strong>{node.label}</Typography.Text>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">尚未填写</Typography.Text>
          <Button size="small" onClick={() => onChange(emptyValue(node, path))}>
            填写{node.label}
          </Button>
        </Flex>
        <FieldMessages path={path} messages={messagesOf(path)} />
      </Flex>
    );
  }
  const record = value as Record<string, unknown>;
  const entries = Object.entries(node.fields);
  // a group of figures: its child groups as one table, its other fields below
  const figures = node.layout === 'table' ? entries.filter(([, child]) => child.type === 'group') : [];
  const others = figures.length ? entries.filter(([, child]) => child.type !== 'group') : entries;
  const set = (key: string, v: unknown) => onChange({ ...record, [key]: v });
  const grid = (
    <Row gutter={[16, 12]}>
      {others.map(([key, child]) => (
        <Col key={key} {...spanOf(child, `${path}.${key}`)}>
          <NodeEditor
            node={child}
            path={`${path}.${key}`}
            value={record[key]}
            onChange={(v) => set(key, v)}
            messagesOf={messagesOf}
          />
        </Col>
      ))}
    </Row>
  );
  const fields = figures.length ? (
    <Flex vertical gap={12}>
      <FigureTableEditor figures={figures} path={path} value={record} onChange={set} messagesOf={messagesOf} />
      {others.length > 0 && grid}
    </Flex>
  ) : (
    grid
  );
  if (!node.label) return fields;
  return (
    // a fieldset is at least as wide as its content by default: a wide table inside (人员构成) must scroll, not the page
    <fieldset id={fieldDomId(path)} tabIndex={-1} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{node.label}</legend>
      {fields}
      <FieldMessages path={path} messages={messagesOf(path)} />
    </fieldset>
  );
}
