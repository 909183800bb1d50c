import { dec } from '../money/decimal';
import { SCORE_PATTERN } from '../money/decimal';
import type { TrafficLight } from '../review/inflation-flags';
import { isSeed, seededPick, SEED_MAX } from './seeded-pick';

/**
 * How the finance bureau selects reports of a year for 抽评 (spot re-evaluation): by hand, a share at
 * random with a recorded seed, every report scoring below a value, or every report of a department
 * whose 预警灯 is red (or red or yellow). A rule is stored with its batch so the selection can be re-derived.
 */
export const SELECTION_RULE_KINDS = ['manual', 'random', 'below_score', 'flagged'] as const;
export type SelectionRuleKind = (typeof SELECTION_RULE_KINDS)[number];

export type SelectionRule =
  | { kind: 'manual'; reportIds: string[] }
  | { kind: 'random'; sharePercent: string; seed: number }
  | { kind: 'below_score'; maxScore: string }
  | { kind: 'flagged'; lights: Array<Exclude<TrafficLight, 'green'>> };

/** A report that may be selected: submitted, in review or approved in the year (see SELECTABLE_STATUSES). */
export interface SelectionCandidate {
  id: string;
  departmentId: string;
  totalScore: string | null;
}

/** Only reports the bureau has in hand: drafts and returned reports are not final enough to re-evaluate. */
export const SELECTABLE_STATUSES = ['submitted', 'in_review', 'approved'] as const;

export const MAX_MANUAL_PICKS = 500;
const SHARE_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RuleCheck = { ok: true; rule: SelectionRule } | { ok: false; field: string; message: string };

/** Reads a rule from untrusted input; every refusal names its field in Chinese. */
export function parseSelectionRule(input: unknown): RuleCheck {
  const r = (input ?? {}) as Record<string, unknown>;
  switch (r['kind']) {
    case 'manual': {
      const ids = r['reportIds'];
      if (
        !Array.isArray(ids) ||
        !ids.length ||
        ids.length > MAX_MANUAL_PICKS ||
        !ids.every((id) => typeof id === 'string' && UUID.test(id))
      ) {
        return { ok: false, field: 'rule.reportIds', message: `请选择 1–${MAX_MANUAL_PICKS} 份报告` };
      }
      return { ok: true, rule: { kind: 'manual', reportIds: [...new Set(ids as string[])].sort() } };
    }
    case 'random': {
      const share = r['sharePercent'];
      if (typeof share !== 'string' || !SHARE_PATTERN.test(share) || dec(share).lte(0) || dec(share).gt(100)) {
        return {
          ok: false,
          field: 'rule.sharePercent',
          message: '抽取比例应为大于 0、不超过 100 的百分数，最多两位小数',
        };
      }
      if (!isSeed(r['seed'])) {
        return { ok: false, field: 'rule.seed', message: `随机种子应为 0–${SEED_MAX} 的整数` };
      }
      return { ok: true, rule: { kind: 'random', sharePercent: dec(share).toString(), seed: r['seed'] } };
    }
    case 'below_score': {
      const max = r['maxScore'];
      if (typeof max !== 'string' || !SCORE_PATTERN.test(max) || dec(max).gt(100)) {
        return { ok: false, field: 'rule.maxScore', message: '分数线应为 0–100 的分数，最多两位小数' };
      }
      return { ok: true, rule: { kind: 'below_score', maxScore: dec(max).toString() } };
    }
    case 'flagged': {
      const lights = r['lights'];
      const valid = Array.isArray(lights) && lights.length > 0 && lights.every((l) => l === 'red' || l === 'yellow');
      if (!valid || !lights.includes('red')) {
        return { ok: false, field: 'rule.lights', message: '预警灯应为「红」或「红和黄」' };
      }
      return { ok: true, rule: { kind: 'flagged', lights: lights.includes('yellow') ? ['red', 'yellow'] : ['red'] } };
    }
    default:
      return { ok: false, field: 'rule.kind', message: '抽取方式应为手工选择、随机抽取、低于分数线或有虚高预警之一' };
  }
}

/** The rule as the bureau reads it back: 「随机抽取 20%，种子 123456」. */
export function describeSelectionRule(rule: SelectionRule): string {
  switch (rule.kind) {
    case 'manual':
      return `手工选择 ${rule.reportIds.length} 份`;
    case 'random':
      return `随机抽取 ${rule.sharePercent}%，种子 ${rule.seed}`;
    case 'below_score':
      return `总分低于 ${rule.maxScore} 分`;
    case 'flagged':
      return rule.lights.includes('yellow') ? '部门预警灯为红或黄' : '部门预警灯为红';
  }
}

/**
 * The ids a rule picks from the candidates (sorted). `lightOf` gives each department's 预警灯 (none when
 * it was not judged). A manual pick keeps only ids among the candidates: the caller refuses the rest.
 */
export function applySelectionRule(
  rule: SelectionRule,
  candidates: readonly SelectionCandidate[],
  lightOf: (departmentId: string) => TrafficLight | null = () => null,
): string[] {
  switch (rule.kind) {
    case 'manual': {
      const known = new Set(candidates.map((c) => c.id));
      return rule.reportIds.filter((id) => known.has(id)).sort();
    }
    case 'random':
      return seededPick(
        candidates.map((c) => c.id),
        rule.sharePercent,
        rule.seed,
      );
    case 'below_score':
      return candidates
        .filter((c) => c.totalScore !== null && dec(c.totalScore).lt(rule.maxScore))
        .map((c) => c.id)
        .sort();
    case 'flagged': {
      const wanted = new Set<string>(rule.lights);
      return candidates
        .filter((c) => {
          const light = lightOf(c.departmentId);
          return light !== null && wanted.has(light);
        })
        .map((c) => c.id)
        .sort();
    }
  }
}
