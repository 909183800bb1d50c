import { Button, Flex, Input, Select, Switch, Table, Typography } from 'antd';
import { defaultSeverity, rulesOf, type RuleSetting, type Severity } from '@evalflow/domain';
import { SEVERITY_LABELS } from '../../report/checks/check-findings';
import { fieldId } from '../definition-edit';
import { ProblemText } from '../problems';
import type { SectionProps } from './section-props';

type RuleInfo = ReturnType<typeof rulesOf>[number];

/** Where a rule is listed: by the part its id starts with; advice (lint) on its own. */
const GROUP_OF_PREFIX: Record<string, string> = {
  report: '必填内容',
  team: '必填内容',
  header: '标题与依据',
  staffing: '部门基本情况',
  assets: '部门基本情况',
  budget: '收支预决算',
  results: '绩效目标实现情况',
  scoreTable: '绩效自评表',
  framework: '指标体系',
  conclusion: '评价结论',
  prose: '正文中的数字',
};
export const LINT_GROUP = '指标质量提示';

export function groupOf(rule: Pick<RuleInfo, 'id' | 'group'>): string {
  if (rule.group === 'lint') return LINT_GROUP;
  return GROUP_OF_PREFIX[rule.id.split('.')[0]] ?? '其他';
}

/** A rule's setting with `patch`, or none when that is the rule's default (on, own severity, default params). */
export function changedSetting(current: RuleSetting | undefined, patch: Partial<RuleSetting>): RuleSetting | undefined {
  const next: RuleSetting = { ...(current ?? { enabled: true }), ...patch };
  if (next.severity === undefined) delete next.severity;
  if (next.params && Object.keys(next.params).length === 0) delete next.params;
  return next.enabled && next.severity === undefined && next.params === undefined ? undefined : next;
}

/** 审核规则: each rule of the kind, switched on or off, its severity and its parameters. */
export function RulesSection({ def, update, problems, readOnly }: SectionProps) {
  const rules = rulesOf(def.kind);
  const groups = [...new Set(rules.map(groupOf))].sort((a, b) => Number(a === LINT_GROUP) - Number(b === LINT_GROUP));
  const change = (id: string, patch: Partial<RuleSetting>) =>
    update((d) => {
      const { [id]: current, ...others } = d.rules;
      const next = changedSetting(current, patch);
      return { ...d, rules: next ? { ...others, [id]: next } : others };
    });
  const reset = (id: string) =>
    update((d) => {
      const { [id]: _dropped, ...others } = d.rules;
      return { ...d, rules: others };
    });

  const paramInput = (rule: RuleInfo, key: string, label: string) => {
    const setting = def.rules[rule.id];
    const fallback = rule.params?.defaults[key];
    const value = setting?.params?.[key] ?? fallback;
    const path = `rules.${rule.id}.params.${key}`;
    const messages = problems.under(path);
    const setValue = (v: unknown) => change(rule.id, { params: { ...(setting?.params ?? {}), [key]: v } });
    return (
      <div key={key} style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label}
        </Typography.Text>
        {Array.isArray(fallback) ? (
          <Select<string[]>
            id={fieldId(path)}
            mode="tags"
            aria-label={label}
            value={Array.isArray(value) ? (value as string[]) : []}
            style={{ width: '100%' }}
            status={messages.length ? 'error' : undefined}
            tokenSeparators={['，', ',', '、', ' ']}
            onChange={(v) => setValue(v.map((s) => s.trim()).filter(Boolean))}
          />
        ) : (
          <Input
            id={fieldId(path)}
            aria-label={label}
            value={value === undefined || value === null ? '' : String(value)}
            placeholder={fallback === undefined ? undefined : `默认 ${String(fallback)}`}
            status={messages.length ? 'error' : undefined}
            style={{ width: 160 }}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        <ProblemText messages={messages} />
      </div>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        报告填写时逐项检查这些规则。级别为「错误」的未通过时不能提交，「提示」只提醒。关闭的规则不检查。
      </Typography.Text>
      {groups.map((group) => (
        <section key={group} aria-label={group}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {group}
            {group === LINT_GROUP && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginLeft: 8 }}>
                对指标写法的建议，可按本县要求关闭
              </Typography.Text>
            )}
          </Typography.Title>
          <Table<RuleInfo>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={rules.filter((r) => groupOf(r) === group)}
            columns={[
              {
                title: '规则',
                key: 'title',
                render: (_, rule) => {
                  const own = `rules.${rule.id}`;
                  const paramKeys = Object.keys(rule.params?.labels ?? {});
                  const messages = problems.all
                    .filter(
                      (p) =>
                        (p.path === own || p.path.startsWith(own + '.')) &&
                        !paramKeys.some((k) => p.path.startsWith(`${own}.params.${k}`)),
                    )
                    .map((p) => p.message);
                  return (
                    <div id={fieldId(own)}>
                      <div>{rule.title}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {rule.id}
                      </Typography.Text>
                      {Object.entries(rule.params?.labels ?? {}).map(([key, label]) => paramInput(rule, key, label))}
                      <ProblemText messages={messages} />
                    </div>
                  );
                },
              },
              {
                title: '启用',
                key: 'enabled',
                width: 70,
                render: (_, rule) => (
                  <Switch
                    aria-label={`启用「${rule.title}」`}
                    checked={def.rules[rule.id]?.enabled ?? true}
                    onChange={(enabled) => change(rule.id, { enabled })}
                  />
                ),
              },
              {
                title: '级别',
                key: 'severity',
                width: 190,
                render: (_, rule) => (
                  <Select<Severity | 'default'>
                    aria-label={`「${rule.title}」的级别`}
                    value={def.rules[rule.id]?.severity ?? 'default'}
                    disabled={readOnly || def.rules[rule.id]?.enabled === false}
                    style={{ width: 180 }}
                    onChange={(v) => change(rule.id, { severity: v === 'default' ? undefined : v })}
                    options={[
                      {
                        value: 'default',
                        label: rule.severityOf
                          ? `默认（随指标体系：${SEVERITY_LABELS[defaultSeverity(rule, def)]}）`
                          : `默认（${SEVERITY_LABELS[rule.severity]}）`,
                      },
                      { value: 'error', label: '错误（不能提交）' },
                      { value: 'warning', label: '提示（可以提交）' },
                    ]}
                  />
                ),
              },
              ...(readOnly
                ? []
                : [
                    {
                      title: '',
                      key: 'reset',
                      width: 90,
                      render: (_: unknown, rule: RuleInfo) =>
                        def.rules[rule.id] && (
                          <Button
                            type="link"
                            size="small"
                            aria-label={`恢复默认「${rule.title}」`}
                            onClick={() => reset(rule.id)}
                          >
                            恢复默认
                          </Button>
                        ),
                    },
                  ]),
            ]}
          />
        </section>
      ))}
    </Flex>
  );
}
