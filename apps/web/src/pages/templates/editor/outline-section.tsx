import { PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import {
  NUMBERING_STYLE_LABELS,
  NUMBERING_STYLES,
  numberedOutline,
  type NumberedHeading,
  type NumberingStyle,
  type OutlineNode,
} from '@evalflow/domain';
import { IconAction, RowActions } from '../../../components/row-actions';
import {
  addHeading,
  assignSection,
  dotted,
  fieldId,
  moveHeading,
  moveSection,
  outlinePath,
  projectBlocks,
  projectOutline,
  removeHeading,
  renameHeading,
  sectionTitle,
  unassignedSections,
  unassignSection,
  type ProjectBlock,
} from '../definition-edit';
import { Field, ProblemText, type Problems } from '../problems';
import type { SectionProps } from './section-props';

const LEVELS = [
  ['level1', '一级标题编号'],
  ['level2', '二级标题编号'],
  ['level3', '三级标题编号'],
] as const;

const MAX_DEPTH = 3;

/** 提纲与编号: the numbering per level, and the headings with the sections under each. */
export function OutlineSection(props: SectionProps) {
  const { def, update, problems, readOnly } = props;
  return (
    <>
      <Flex gap={16} wrap>
        {LEVELS.map(([level, label]) => (
          <Field key={level} label={label} path={['numbering', level]} messages={problems.under(['numbering', level])}>
            <Select<NumberingStyle>
              id={fieldId(['numbering', level])}
              aria-label={label}
              value={def.numbering[level]}
              style={{ width: 150 }}
              onChange={(style) => update((d) => ({ ...d, numbering: { ...d.numbering, [level]: style } }))}
              options={NUMBERING_STYLES.map((s) => ({ value: s, label: NUMBERING_STYLE_LABELS[s] }))}
            />
          </Field>
        ))}
      </Flex>
      <div id={fieldId('outline')}>
        <ProblemText messages={problems.at('outline')} />
      </div>
      {def.kind === 'project' ? (
        <ProjectBlocks {...props} />
      ) : (
        <OutlineTree def={def} update={update} problems={problems} readOnly={readOnly} />
      )}
    </>
  );
}

/** The 部门整体 report's headings: a tree of up to three levels. */
function OutlineTree({ def, update, problems, readOnly }: SectionProps) {
  const numbered = numberedOutline(def);
  const unassigned = unassignedSections(def.kind, def.outline);
  const changeOutline = (change: (outline: OutlineNode[]) => OutlineNode[]) =>
    update((d) => ({ ...d, outline: change(d.outline) }));

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        标题最多三级。每个内容块（报告中的一段表格或文字）放在一个标题下，同一标题下的内容块按列出的顺序排列。
      </Typography.Text>
      <ul aria-label="提纲" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {def.outline.map((node, i) => (
          <HeadingEditor
            key={i}
            node={node}
            numbered={numbered[i]}
            at={[i]}
            siblings={def.outline.length}
            kind={def.kind}
            unassigned={unassigned.map(([id]) => id)}
            changeOutline={changeOutline}
            problems={problems}
            readOnly={readOnly}
          />
        ))}
      </ul>
      {!readOnly && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => changeOutline((o) => addHeading(o, []))}>
            添加一级标题
          </Button>
        </div>
      )}
      <section aria-label="未使用的内容块">
        <Typography.Text strong>未使用的内容块</Typography.Text>
        {unassigned.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            所有内容块都已放入提纲。
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
              未放入提纲的内容块不出现在报告中，也不需要填写；标为「必备」的不能省略。
            </Typography.Paragraph>
            <Flex vertical gap={6}>
              {unassigned.map(([id, spec]) => (
                <Flex key={id} align="center" gap={8} wrap>
                  <span>{spec.defaultTitle}</span>
                  {spec.required && <Tag color="red">必备</Tag>}
                  {!readOnly && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => changeOutline((o) => addHeading(o, [], spec.defaultTitle, [id]))}
                    >
                      作为新的一级标题
                    </Button>
                  )}
                </Flex>
              ))}
            </Flex>
          </>
        )}
      </section>
    </Flex>
  );
}

interface HeadingEditorProps {
  node: OutlineNode;
  numbered: NumberedHeading;
  at: number[];
  siblings: number;
  kind: SectionProps['def']['kind'];
  unassigned: string[];
  changeOutline: (change: (outline: OutlineNode[]) => OutlineNode[]) => void;
  problems: Problems;
  readOnly: boolean;
}

/** One heading: its title with its number, its buttons, the sections under it, then its sub-headings. */
function HeadingEditor(props: HeadingEditorProps) {
  const { node, numbered, at, siblings, changeOutline, problems, readOnly } = props;
  const path = outlinePath(at);
  const key = dotted(path);
  const name = headingName(at);
  const depth = at.length;
  const messages = [
    ...problems.at(key),
    ...problems.under(`${key}.title`),
    ...problems.under(`${key}.sections`),
    ...problems.at(`${key}.children`),
  ];

  return (
    <li
      style={{
        borderLeft: depth > 1 ? '2px solid #f0f0f0' : undefined,
        paddingLeft: depth > 1 ? 12 : 0,
        marginTop: 8,
      }}
    >
      <Flex align="center" gap={4}>
        <Input
          id={fieldId(path)}
          aria-label={name}
          prefix={numbered.number ? <Typography.Text type="secondary">{numbered.number}</Typography.Text> : undefined}
          value={node.title}
          maxLength={100}
          status={messages.length ? 'error' : undefined}
          onChange={(e) => changeOutline((o) => renameHeading(o, at, e.target.value))}
          style={{ flex: 1 }}
        />
        {!readOnly && (
          <RowActions
            name={name}
            index={at[at.length - 1]}
            count={siblings}
            onMove={(delta) => changeOutline((o) => moveHeading(o, at, delta))}
            onRemove={() => changeOutline((o) => removeHeading(o, at))}
          >
            {depth < MAX_DEPTH && (
              <IconAction
                verb="添加下级标题"
                name={name}
                icon={<SubnodeOutlined />}
                onClick={() => changeOutline((o) => addHeading(o, at))}
              />
            )}
          </RowActions>
        )}
      </Flex>
      <ProblemText messages={messages} />
      <HeadingSections {...props} name={name} />
      {node.children.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 0 16px' }}>
          {node.children.map((child, i) => (
            <HeadingEditor
              {...props}
              key={i}
              node={child}
              numbered={numbered.children[i]}
              at={[...at, i]}
              siblings={node.children.length}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** 「标题 1.2」: a heading's place, which stays meaningful whatever its title. */
const headingName = (at: readonly number[]) => `标题 ${at.map((i) => i + 1).join('.')}`;

/** The sections under a heading, in their order, and a select to add one not yet placed. */
function HeadingSections({
  node,
  at,
  kind,
  unassigned,
  changeOutline,
  readOnly,
  name,
}: HeadingEditorProps & { name: string }) {
  const sections = node.sections;
  return (
    <Flex vertical gap={4} style={{ margin: '6px 0 0 16px' }}>
      {sections.map((s, k) => (
        <Flex key={s} align="center" gap={4}>
          <Tag color="blue" style={{ margin: 0 }}>
            内容
          </Tag>
          <span>{sectionTitle(kind, s)}</span>
          {!readOnly && (
            <RowActions
              name={`内容块「${sectionTitle(kind, s)}」（${name}）`}
              index={k}
              count={sections.length}
              onMove={sections.length > 1 ? (delta) => changeOutline((o) => moveSection(o, at, k, delta)) : undefined}
              removeVerb="移出"
              onRemove={() => changeOutline((o) => unassignSection(o, at, s))}
            />
          )}
        </Flex>
      ))}
      {!readOnly && unassigned.length > 0 && (
        <Select<string>
          aria-label={`向${name}添加内容块`}
          placeholder="添加内容块…"
          value={null}
          size="small"
          style={{ width: 280 }}
          onChange={(s) => changeOutline((o) => assignSection(o, at, s))}
          options={unassigned.map((s) => ({ value: s, label: sectionTitle(kind, s) }))}
        />
      )}
    </Flex>
  );
}

/** The project table's blocks: their order is the national form's; each may be renamed, optional ones left out. */
function ProjectBlocks({ def, update, problems, readOnly }: SectionProps) {
  const blocks = projectBlocks(def);
  const change = (id: string, patch: Partial<ProjectBlock>) =>
    update((d) => ({
      ...d,
      outline: projectOutline(projectBlocks(d).map((b) => (b.id === id ? { ...b, ...patch } : b))),
    }));
  // a block's heading in the outline: its place among the included ones
  const indexOf = (id: string) => blocks.filter((b) => b.included).findIndex((b) => b.id === id);
  return (
    <>
      <Typography.Paragraph type="secondary">
        项目支出绩效自评表的栏目顺序固定，可以改名，可选栏目可以不用。
      </Typography.Paragraph>
      <Table<ProjectBlock>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={blocks}
        columns={[
          {
            title: '栏目',
            key: 'block',
            width: 180,
            render: (_, b) => (
              <Flex gap={4} align="center">
                {b.spec.defaultTitle}
                {b.spec.required && <Tag color="red">必备</Tag>}
              </Flex>
            ),
          },
          {
            title: '使用',
            key: 'included',
            width: 70,
            render: (_, b) => (
              <Checkbox
                aria-label={`使用 ${b.spec.defaultTitle}`}
                checked={b.included}
                disabled={readOnly || b.spec.required}
                onChange={(e) => change(b.id, { included: e.target.checked, title: b.spec.defaultTitle })}
              />
            ),
          },
          {
            title: '表中名称',
            key: 'title',
            render: (_, b) => {
              const at = indexOf(b.id);
              const messages = at < 0 ? [] : problems.under(['outline', at]);
              return (
                <>
                  <Input
                    id={at < 0 ? undefined : fieldId(['outline', at])}
                    aria-label={`${b.spec.defaultTitle} 名称`}
                    value={b.title}
                    disabled={!b.included}
                    maxLength={100}
                    status={messages.length ? 'error' : undefined}
                    onChange={(e) => change(b.id, { title: e.target.value })}
                  />
                  <ProblemText messages={messages} />
                </>
              );
            },
          },
        ]}
      />
    </>
  );
}
