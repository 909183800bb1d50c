import {
  FUNDING_HEADER_ALIASES,
  INDICATOR_HEADER_ALIASES,
  INDICATOR_SHEET_COLUMNS,
  OBJECTIVE_HEADER_ALIASES,
} from '@evalflow/domain';

/**
 * The words of the forms a 绩效自评 report carries as tables — the 绩效自评表 of 财预〔2020〕10号 and its
 * provincial copies, and 湖南's 基础数据表 — as the text recogniser looks for them: each section's header
 * words (the same synonyms the sheet reader takes), the fixed labels of its rows, and what each column holds.
 * Nothing here names one report: only the forms' own printed words.
 */

/**
 * A header or label as compared: width-normalised, no spaces, a note in brackets at its end dropped
 * (全年预算数（A）, 实施单位（盖章）, a note the page cut short: 经费控制情况(万元), a leading year dropped
 * (2023 年决算数) and a trailing colon.
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/[:：]$/, '')
    .replace(/[(（][^()（）]*[)）]?$/, '')
    .replace(/[:：]$/, '');
}

/** What a column's cells hold, as the recogniser checks a cell placed under it. */
export type CellType = 'level' | 'sign' | 'value' | 'unit' | 'score' | 'money' | 'percent' | 'count' | 'text';

export interface ColumnSpec {
  key: string;
  type: CellType;
  names: readonly string[];
}

export type SectionId = 'funding' | 'objectives' | 'indicators' | 'staff' | 'spending';

export interface SectionSpec {
  id: SectionId;
  columns: ColumnSpec[];
  /** the columns a header must have to be this section's */
  needs: string[];
  /** a label or header cell that may stand before the header words (the label column's header, the section's name) */
  lead: RegExp;
  /** a column may appear more than once (2022 年决算数, 2023 年决算数) */
  repeats?: boolean;
}

const FUNDING_TYPES: Record<keyof typeof FUNDING_HEADER_ALIASES, CellType> = {
  initialBudget: 'money',
  adjustedBudget: 'money',
  executed: 'money',
  weight: 'score',
  executionRate: 'percent',
  score: 'score',
};

const INDICATOR_TYPES: Record<string, CellType> = {
  level1: 'level',
  level2: 'level',
  level3: 'level',
  nature: 'sign',
  target: 'value',
  unit: 'unit',
  actual: 'value',
  weight: 'score',
  score: 'score',
  deviationNote: 'text',
  evidence: 'text',
};

export const SECTIONS: SectionSpec[] = [
  {
    id: 'funding',
    columns: [
      ...Object.entries(FUNDING_HEADER_ALIASES).map(([key, names]) => ({
        key,
        type: FUNDING_TYPES[key as keyof typeof FUNDING_HEADER_ALIASES],
        names,
      })),
      { key: 'deviation', type: 'text', names: ['原因', '执行偏差原因', '偏差原因'] },
    ],
    needs: ['adjustedBudget', 'executed'],
    lead: /^(项目资金|资金情况|年度预算|预算执行情况)|^[(（]?(万元|元)[)）]?$/,
  },
  {
    id: 'objectives',
    columns: [
      { key: 'expected', type: 'text', names: OBJECTIVE_HEADER_ALIASES.expected },
      { key: 'actual', type: 'text', names: OBJECTIVE_HEADER_ALIASES.actual },
    ],
    needs: ['expected', 'actual'],
    lead: /^(年度)?总体目标$/,
  },
  {
    id: 'indicators',
    columns: INDICATOR_SHEET_COLUMNS.map((c) => ({
      key: c.field,
      type: INDICATOR_TYPES[c.field],
      names: [c.header, ...(INDICATOR_HEADER_ALIASES[c.field] ?? [])],
    })),
    needs: ['level1', 'level2', 'level3'],
    lead: /^绩效指标([(（][^()（）]*[)）])?$/,
  },
  {
    // 湖南 基础数据表: 财政供养人员情况 — 编制数, 实际在职人数, 控制率
    id: 'staff',
    columns: [
      { key: 'authorized', type: 'count', names: ['编制数', '人员编制', '核定编制'] },
      { key: 'actual', type: 'count', names: ['实有人数', '实际在职人数', '在职人数'] },
      { key: 'rate', type: 'percent', names: ['控制率'] },
    ],
    needs: ['authorized', 'actual'],
    lead: /人员/,
  },
  {
    // 湖南 基础数据表: 经费控制情况 — last year's 决算数, this year's 预算数 and 决算数
    id: 'spending',
    columns: [
      { key: 'budget', type: 'money', names: ['预算数'] },
      { key: 'actual', type: 'money', names: ['决算数'] },
    ],
    needs: ['budget', 'actual'],
    lead: /经费/,
    repeats: true,
  },
];

/** The section column a header cell names, in any section (a word like 分值 is in two). */
export function columnsNamed(text: string): Array<{ section: SectionSpec; column: ColumnSpec }> {
  const key = labelKey(text);
  if (!key) return [];
  const out: Array<{ section: SectionSpec; column: ColumnSpec }> = [];
  for (const section of SECTIONS)
    for (const column of section.columns) if (column.names.includes(key)) out.push({ section, column });
  return out;
}

/** 一级指标 of the form (财预〔2020〕10号 and its 2021 revision, where 成本指标 is one too). */
const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
/** 二级指标 of the form. */
const LEVEL2 = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '满意度指标',
];
/** 产出指标（50分）: the level's share of the score, written after its name. */
export const LEVEL_SHARE = /^(.+?)\s*[(（]\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]$/;

export function levelName(text: string): string {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return LEVEL_SHARE.exec(t)?.[1] ?? t;
}
/** The share a 一级指标 states, 50 for 产出指标（50分）; null when it states none. */
export function levelShare(text: string): string | null {
  return LEVEL_SHARE.exec(text.normalize('NFKC').replace(/\s+/g, ''))?.[2] ?? null;
}
export const isLevel1 = (text: string) => LEVEL1.includes(levelName(text));
export const isLevel2 = (text: string) => LEVEL2.includes(levelName(text)) && levelShare(text) === null;
export const isLevelWord = (text: string) => isLevel1(text) || isLevel2(text);

/** The row that closes the indicators. */
export const TOTAL_LABEL = /^(总分|合计|总计)$/;
/** What follows a 绩效自评表 and is no part of its grid: the notes under it, its foot, the 评价结论 block. */
export const FOOT_LABEL = /^(注|说明|备注|评价结论|存在问题|改进措施|填表人|填报人|项目负责人|财务负责人|单位负责人)/;

/**
 * Labels a form writes in one cell with its value in the next: the 项目 table's head, and the 基本概况
 * table of 湖南's 部门整体 form. Compared as labelKey leaves them.
 */
export const FIELD_LABELS = [
  '项目名称',
  '项目编码',
  '主管部门',
  '实施单位',
  '项目负责人',
  '项目负责人及电话',
  '联系人',
  '联系电话',
  '联络电话',
  '预算部门、单位名称',
  '预算部门单位名称',
  '部门单位名称',
  '部门名称',
  '人员编制',
  '实有人数',
  '职能职责概述',
  '部门职能',
  '年度主要工作内容',
  '年度部门(单位)总体运行情况及取得的成绩',
];
export const isFieldLabel = (text: string) => FIELD_LABELS.includes(labelKey(text));
/** The labels a form's head starts with: its name row. */
export const HEAD_LABELS = [
  '项目名称',
  '项目编码',
  '预算部门、单位名称',
  '预算部门单位名称',
  '部门单位名称',
  '部门名称',
];

/** The money section's fixed row labels (年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金…). */
export const FUNDING_ROW_LABEL =
  /^(其中[:：]?\s*)?(年度资金总额|资金总额|总额|(本年|当年)?财政拨款|财政资金|上年结转(资金)?|其他资金|财政专户管理资金|单位资金)\s*[:：]?$/;

/** A form's prompt left in a cell (…的完成情况（100字以内）): what to write there, not a value. */
export const PROMPT = /[(（]\s*\d+\s*字以内\s*[)）]\s*$/;
