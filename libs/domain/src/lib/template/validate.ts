import { dec, sum } from '../money/decimal';
import { checkGradeBands } from '../report/grades';
import { RULES_BY_KIND } from '../report/rules/index';
import type { Rule } from '../report/rules/rule';
import { templateDefinitionSchema, type OutlineNode, type TemplateDefinition } from './definition';
import { PROJECT_SECTIONS, SECTIONS_BY_KIND, sectionSpec } from './sections';
import { TITLE_PLACEHOLDERS } from './outline';

/** What is wrong with a template, field by field (dotted paths into the definition), in Chinese. */
export interface TemplateProblem {
  path: string;
  message: string;
}

export type TemplateValidation =
  | { ok: true; definition: TemplateDefinition }
  | { ok: false; problems: TemplateProblem[] };

const pathOf = (segments: ReadonlyArray<PropertyKey>) => segments.map(String).join('.');

/**
 * A template as a county may publish it: the shape (schema), then what the shape cannot say — weights
 * that total 100, each section once, the sections a kind needs, known rules with parameters in range,
 * grade bands that cover 0–100, bands and caps that make sense.
 */
export function validateTemplate(input: unknown): TemplateValidation {
  const parsed = templateDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    };
  }
  const def = parsed.data;
  const problems: TemplateProblem[] = [
    ...frameworkProblems(def),
    ...scoringProblems(def),
    ...outlineProblems(def),
    ...ruleProblems(def),
    ...titleProblems(def),
    ...rescoringProblems(def),
  ];
  if (def.gradeBands) {
    problems.push(...checkGradeBands(def.gradeBands).map((message) => ({ path: 'gradeBands', message })));
  }
  return problems.length === 0 ? { ok: true, definition: def } : { ok: false, problems };
}

function frameworkProblems({ framework }: TemplateDefinition): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const total = sum([framework.executionWeight, ...framework.level1.map((l) => l.weight)]);
  if (!total.equals(100)) {
    const parts = [`预算执行率 ${framework.executionWeight}`, ...framework.level1.map((l) => `${l.name} ${l.weight}`)];
    problems.push({
      path: 'framework.level1',
      message: `各一级指标与预算执行率的分值合计 ${total.toString()} 分（${parts.join(' + ')}），应为 100 分`,
    });
  }
  framework.level1.forEach((l, i) => {
    if (framework.level1.findIndex((o) => o.name === l.name) !== i) {
      problems.push({ path: `framework.level1.${i}.name`, message: `一级指标「${l.name}」重复` });
    }
    if (new Set(l.requiredLevel2).size !== l.requiredLevel2.length) {
      problems.push({ path: `framework.level1.${i}.requiredLevel2`, message: `「${l.name}」的必备二级指标有重复` });
    }
  });
  return problems;
}

function scoringProblems({ scoring }: TemplateDefinition): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const inRange = (v: string) => dec(v).greaterThanOrEqualTo(0) && dec(v).lessThanOrEqualTo(100);
  scoring.totalCaps.forEach((c, i) => {
    if (!dec(c.rateBelow).greaterThan(0) || !dec(c.rateBelow).lessThanOrEqualTo(100)) {
      problems.push({ path: `scoring.totalCaps.${i}.rateBelow`, message: '执行率应在 0–100% 之间（不含 0）' });
    }
    if (scoring.totalCaps.findIndex((o) => dec(o.rateBelow).equals(c.rateBelow)) !== i) {
      problems.push({ path: `scoring.totalCaps.${i}.rateBelow`, message: `执行率 ${c.rateBelow}% 的上限重复` });
    }
  });
  // a lower 执行率 may not be allowed a higher total than a higher one
  const byRate = scoring.totalCaps
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => dec(a.rateBelow).comparedTo(dec(b.rateBelow)));
  byRate.slice(1).forEach((c, k) => {
    if (dec(c.maxTotal).lessThan(byRate[k].maxTotal)) {
      problems.push({
        path: `scoring.totalCaps.${byRate[k].i}.maxTotal`,
        message: `执行率低于 ${byRate[k].rateBelow}% 的上限 ${byRate[k].maxTotal} 分高于低于 ${c.rateBelow}% 的上限 ${c.maxTotal} 分`,
      });
    }
  });
  if (scoring.quantitative === 'deviationBands' && scoring.deviationBands.length === 0) {
    problems.push({ path: 'scoring.deviationBands', message: '按偏差率扣分时至少设置一个偏差档次' });
  }
  scoring.deviationBands.forEach((b, i) => {
    if (!inRange(b.deduct)) {
      problems.push({ path: `scoring.deviationBands.${i}.deduct`, message: '扣分比例应在 0–100% 之间' });
    }
    if (!dec(b.upTo).greaterThan(0)) {
      problems.push({ path: `scoring.deviationBands.${i}.upTo`, message: '偏差率上限应大于 0' });
    }
    const previous = scoring.deviationBands[i - 1];
    if (previous && !dec(b.upTo).greaterThan(previous.upTo)) {
      problems.push({ path: `scoring.deviationBands.${i}.upTo`, message: '偏差档次应按偏差率从小到大排列' });
    }
    if (previous && dec(b.deduct).lessThan(previous.deduct)) {
      problems.push({ path: `scoring.deviationBands.${i}.deduct`, message: '偏差越大扣分不应越少' });
    }
  });
  scoring.qualitative.forEach((g, i) => {
    if (!inRange(g.minShare)) problems.push({ path: `scoring.qualitative.${i}.minShare`, message: '应在 0–100% 之间' });
    if (!inRange(g.maxShare)) problems.push({ path: `scoring.qualitative.${i}.maxShare`, message: '应在 0–100% 之间' });
    if (dec(g.minShare).greaterThan(g.maxShare)) {
      problems.push({ path: `scoring.qualitative.${i}.minShare`, message: `「${g.label}」的得分比例下限高于上限` });
    }
    if (scoring.qualitative.findIndex((o) => o.label === g.label) !== i) {
      problems.push({ path: `scoring.qualitative.${i}.label`, message: `完成情况「${g.label}」重复` });
    }
  });
  return problems;
}

function outlineProblems(def: TemplateDefinition): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seen = new Map<string, string>();
  const walk = (nodes: OutlineNode[], base: string, depth: number) => {
    nodes.forEach((n, i) => {
      const path = `${base}.${i}`;
      if (depth > 3) problems.push({ path, message: '标题最多三级' });
      // the 问题 and 措施 lead-ins are numbered like sub-headings: they and real sub-headings would both count from one
      if (n.children.length > 0 && n.sections.some((s) => s.startsWith('problems.'))) {
        problems.push({
          path: `${path}.children`,
          message: `标题「${n.title}」下有「存在的问题」「改进措施」时不能再设下级标题`,
        });
      }
      if (n.sections.length === 0 && n.children.length === 0) {
        problems.push({ path: `${path}.sections`, message: `标题「${n.title}」下没有内容` });
      }
      n.sections.forEach((s, k) => {
        const at = `${path}.sections.${k}`;
        if (!sectionSpec(def.kind, s)) {
          problems.push({ path: at, message: `未知的内容块「${s}」` });
        } else if (seen.has(s)) {
          problems.push({
            path: at,
            message: `内容块「${sectionSpec(def.kind, s)?.defaultTitle}」重复引用（已在 ${seen.get(s)}）`,
          });
        } else {
          seen.set(s, at);
        }
      });
      walk(n.children, `${path}.children`, depth + 1);
    });
  };
  walk(def.outline, 'outline', 1);
  for (const [id, spec] of Object.entries(SECTIONS_BY_KIND[def.kind])) {
    if (spec.required && !seen.has(id)) {
      problems.push({ path: 'outline', message: `缺少必备的内容块「${spec.defaultTitle}」` });
    }
  }
  if (def.kind === 'project') {
    // the national form's blocks stand in a fixed order: a project template renames them, it does not move them
    const order = Object.keys(PROJECT_SECTIONS);
    const used = [...seen.keys()];
    const expected = order.filter((s) => used.includes(s));
    if (used.join() !== expected.join() || def.outline.some((n) => n.children.length > 0)) {
      problems.push({
        path: 'outline',
        message: `项目支出绩效自评表的内容块顺序固定：${expected.join('、')}，只能改名或省略可选块`,
      });
    }
  }
  return problems;
}

function ruleProblems(def: TemplateDefinition): TemplateProblem[] {
  const rules = RULES_BY_KIND[def.kind] as ReadonlyArray<Rule<never>>;
  const problems: TemplateProblem[] = [];
  for (const [id, setting] of Object.entries(def.rules)) {
    const rule = rules.find((r) => r.id === id);
    const path = `rules.${id}`;
    if (!rule) {
      problems.push({ path, message: `未知的规则「${id}」` });
      continue;
    }
    if (!setting.params) continue;
    if (!rule.params) {
      problems.push({ path: `${path}.params`, message: `规则「${rule.title}」没有参数` });
      continue;
    }
    const parsed = rule.params.schema.safeParse({ ...rule.params.defaults, ...setting.params });
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((i) => ({ path: `${path}.params.${pathOf(i.path)}`, message: i.message })),
      );
    }
  }
  return problems;
}

function titleProblems(def: TemplateDefinition): TemplateProblem[] {
  const allowed: readonly string[] =
    def.kind === 'project' ? TITLE_PLACEHOLDERS : TITLE_PLACEHOLDERS.filter((p) => p !== '{项目名称}');
  const unknown = (def.document.titlePattern.match(/\{[^}]*\}/g) ?? []).filter((p) => !allowed.includes(p));
  return unknown.length === 0
    ? []
    : [
        {
          path: 'document.titlePattern',
          message: `标题格式中的 ${unknown.join('、')} 无法识别，可用：${allowed.join('、')}`,
        },
      ];
}

function rescoringProblems({ rescoring }: TemplateDefinition): TemplateProblem[] {
  if (!rescoring) return [];
  if (rescoring.mode === 'weighted' && rescoring.weight === null) {
    return [{ path: 'rescoring.weight', message: '加权计分时请填写复核得分权重（大于 0、不超过 1），如 0.6' }];
  }
  if (rescoring.weight !== null && dec(rescoring.weight).isZero()) {
    return [{ path: 'rescoring.weight', message: '复核得分权重应大于 0' }];
  }
  if (rescoring.mode === 'replace' && rescoring.weight !== null) {
    return [{ path: 'rescoring.weight', message: '复核得分替换自评得分时不设权重' }];
  }
  return [];
}
