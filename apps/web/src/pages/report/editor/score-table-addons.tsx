import { useMemo, useState } from 'react';
import { DatabaseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import {
  dec,
  executionRate,
  expectedFundingScore,
  indicatorFromLibrary,
  indicatorScoreRange,
  MONEY_PATTERN,
  roundHalfUp,
  SCORE_PATTERN,
  sum,
  totalCapFor,
  totalScore,
  type Dec,
  type Indicator,
  type ScoreRange,
  type ScoreTablePart,
  type TemplateDefinition,
} from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { LibraryEntryView } from '../../../api/indicator-library-api';
import { IndicatorLibraryPicker } from '../../indicator-library/indicator-library-picker';
import { EvidenceButton } from '../evidence/evidence-button';
import type { FieldAddons } from './editor-context';

const INDICATORS = 'scoreTable.indicators';
const INDICATOR_FIELD = /^scoreTable\.indicators\.(\d+)\.(score|level3)$/;

const isScore = (v: unknown): v is string => typeof v === 'string' && SCORE_PATTERN.test(v);
const isMoney = (v: unknown): v is string => typeof v === 'string' && MONEY_PATTERN.test(v);
const points = (v: Dec) => v.toFixed(2);

/** What an indicator should score under the template's scoring; null when it cannot be told (yet). */
function rangeOf(indicator: Indicator, template: TemplateDefinition): ScoreRange | null {
  if (!isScore(indicator.weight)) return null;
  try {
    return indicatorScoreRange(indicator, template.scoring);
  } catch {
    return null; // a half-typed value the domain cannot read yet
  }
}

/** 「应得 38.00」 or 「应得 6.00–8.00」 under a score, how it is computed on hover; marked when the stated score differs. */
export function ComputedScore({ path, range, stated }: { path: string; range: ScoreRange; stated: string | null }) {
  const single = range.min.equals(range.max);
  const text = single ? points(range.min) : `${points(range.min)}–${points(range.max)}`;
  const differs = isScore(stated) && (dec(stated).lessThan(range.min) || dec(stated).greaterThan(range.max));
  return (
    <Tooltip title={range.how}>
      <Typography.Text
        type={differs ? 'warning' : 'secondary'}
        style={{ fontSize: 12 }}
        data-computed-score={path}
        data-differs={differs ? 'true' : undefined}
      >
        应得 {text}
        {differs && ' · 与填报得分不同'}
      </Typography.Text>
    </Tooltip>
  );
}

interface Level1Standing {
  name: string;
  total: Dec;
  expected: Dec;
  missing: string[];
}

/** Each 一级 indicator of the framework: its rows' weights added up, and the 二级 indicators it still lacks. */
function level1Standings(indicators: Indicator[], template: TemplateDefinition): Level1Standing[] {
  return template.framework.level1.map((level1) => {
    const rows = indicators.filter((ind) => ind.level1.trim() === level1.name);
    const weights = rows.map((ind) => (isScore(ind.weight) ? ind.weight : '0'));
    return {
      name: level1.name,
      total: weights.length ? sum(weights) : dec(0),
      expected: dec(level1.weight),
      missing: level1.requiredLevel2.filter((level2) => !rows.some((ind) => ind.level2.trim() === level2)),
    };
  });
}

/** The 执行率 and the cap on the total it puts under the template's scoring, when one applies. */
function capOf(table: ScoreTablePart, template: TemplateDefinition): { rate: Dec; cap: Dec } | null {
  const { adjustedBudget, executed } = table.funding.total;
  if (template.scoring.totalCaps.length === 0 || !isMoney(adjustedBudget) || !isMoney(executed)) return null;
  if (dec(adjustedBudget).isZero()) return null;
  const rate = executionRate(table);
  const cap = rate === null ? null : totalCapFor(rate, template.scoring.totalCaps);
  return rate === null || cap === null ? null : { rate, cap };
}

const allScores = (t: ScoreTablePart) =>
  [t.funding.score, ...t.indicators.map((i) => i.score)].every((v) => v === null || isScore(v));

/**
 * The year's indicator framework above the indicators: each 一级 indicator's weights added up against
 * the template's (产出指标 40 / 50), the 二级 indicators it requires and the report lacks, and the cap the
 * 执行率 puts on the total.
 */
export function FrameworkSummary({ table, template }: { table: ScoreTablePart; template: TemplateDefinition }) {
  const { framework } = template;
  const filled = table.indicators.length > 0;
  const flagColor = framework.enforcement === 'error' ? 'error' : 'warning';
  const standings = level1Standings(table.indicators, template);
  const executionWeight = isScore(table.funding.weight) ? dec(table.funding.weight) : null;
  const names = framework.level1.map((l) => l.name);
  const unknown = [...new Set(table.indicators.map((ind) => ind.level1.trim()))].filter(
    (name) => name && !names.includes(name),
  );
  const capped = capOf(table, template);
  const total = capped && allScores(table) ? totalScore(table) : null;
  const over = capped !== null && total !== null && total.greaterThan(capped.cap);
  const tag = (key: string, name: string, actual: Dec | null, expected: Dec) => {
    const differs = actual === null || !actual.equals(expected);
    const flagged = filled && differs;
    return (
      <Tag
        key={key}
        color={flagged ? flagColor : differs ? 'default' : 'success'}
        data-framework={name}
        data-flagged={flagged ? 'true' : undefined}
        title={`各指标分值合计 ${actual?.toString() ?? '—'} 分，本年度指标体系规定 ${expected.toString()} 分`}
        style={{ marginInlineEnd: 0 }}
      >
        {name} {actual?.toString() ?? '—'} / {expected.toString()}
      </Tag>
    );
  };
  return (
    <Flex vertical gap={6} role="group" aria-label="本年度指标体系">
      <Flex wrap gap={6} align="center">
        <Typography.Text type="secondary">本年度指标体系（分值合计 / 规定分值）：</Typography.Text>
        {tag('execution', '预算执行率', executionWeight, dec(framework.executionWeight))}
        {standings.map((s) => tag(s.name, s.name, s.total, s.expected))}
      </Flex>
      {filled &&
        standings
          .filter((s) => s.missing.length > 0)
          .map((s) => (
            <Typography.Text key={s.name} type={framework.enforcement === 'error' ? 'danger' : 'warning'}>
              {s.name}缺少二级指标：{s.missing.join('、')}
            </Typography.Text>
          ))}
      {unknown.length > 0 && (
        <Typography.Text type={framework.enforcement === 'error' ? 'danger' : 'warning'}>
          不在本年度指标体系中的一级指标：{unknown.join('、')}（应为 {names.join('、')}）
        </Typography.Text>
      )}
      {capped && (
        <Alert
          type={over ? 'error' : 'warning'}
          showIcon
          title={
            `执行率 ${roundHalfUp(capped.rate, 2).toFixed(2)}%，按本年度规则总分不得超过 ${capped.cap.toString()} 分` +
            (over && total ? `（当前各项得分合计 ${points(total)} 分）` : '')
          }
        />
      )}
    </Flex>
  );
}

/** 从指标库选取: the county's 指标库 in a picker; each picked entry becomes a row linked to it. */
export function LibraryPickButton({
  api,
  rows,
  onChange,
}: {
  api: ApiClient;
  rows: unknown[];
  onChange: (rows: unknown[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const pickedIds = useMemo(
    () =>
      rows
        .map((r) => (typeof r === 'object' && r !== null ? (r as Partial<Indicator>).libraryEntryId : null))
        .filter((id): id is string => typeof id === 'string'),
    [rows],
  );
  const pick = (entries: LibraryEntryView[]) => {
    onChange([...rows, ...entries.map((entry) => indicatorFromLibrary(entry))]);
    setOpen(false);
  };
  return (
    <>
      <Button icon={<DatabaseOutlined />} onClick={() => setOpen(true)}>
        从指标库选取
      </Button>
      {/* mounted only while open: the picker loads the library as it mounts */}
      {open && (
        <IndicatorLibraryPicker api={api} open onCancel={() => setOpen(false)} onPick={pick} pickedIds={pickedIds} />
      )}
    </>
  );
}

/**
 * The 绩效自评表's additions to its form under the report's template: the computed score beside each
 * stated one (the 预算执行率 row's as 执行率 × 分值, each indicator's by the template's scoring), the
 * framework above the indicators, 从指标库选取 beside 添加, and the 指标库 tag on a linked row.
 */
export function scoreTableAddons(
  table: ScoreTablePart,
  template: TemplateDefinition,
  api: ApiClient | null,
): FieldAddons {
  return {
    field: (path) => {
      if (path === 'scoreTable.funding.score') {
        const { total, weight, score } = table.funding;
        if (!isMoney(total.adjustedBudget) || !isMoney(total.executed) || !isScore(weight)) return null;
        const expected = expectedFundingScore(table);
        if (expected === null) return null;
        const range = { min: expected, max: expected, how: '全年执行数 ÷ 全年预算数 × 分值，不超过分值' };
        return <ComputedScore path={path} range={range} stated={score} />;
      }
      const match = INDICATOR_FIELD.exec(path);
      const indicator = match ? table.indicators[Number(match[1])] : undefined;
      if (!match || !indicator) return null;
      if (match[2] === 'level3') {
        // the row's 佐证材料 (nothing without the report page's evidence) and the 指标库 tag
        return (
          <>
            {indicator.libraryEntryId && (
              <span>
                <Tag
                  color="blue"
                  title="从指标库选取的指标（文字可按本单位情况修改）"
                  data-library-entry={indicator.libraryEntryId}
                >
                  指标库
                </Tag>
              </span>
            )}
            <EvidenceButton indicator={indicator.level3} />
          </>
        );
      }
      const range = rangeOf(indicator, template);
      return range && <ComputedScore path={path} range={range} stated={indicator.score} />;
    },
    listHeader: (path) => (path === INDICATORS ? <FrameworkSummary table={table} template={template} /> : null),
    listActions: (path, rows, onChange) =>
      path === INDICATORS && api ? <LibraryPickButton api={api} rows={rows} onChange={onChange} /> : null,
  };
}
