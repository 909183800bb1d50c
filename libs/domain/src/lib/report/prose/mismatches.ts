import { dec, decimalsOf, formatWan, roundHalfUp, statedPercentAgrees, type Dec } from '../../money/decimal';
import type { ReportContent } from '../schema';
import type { StructuredFigure, ProseFamily } from './figures';
import { overallNarrative, projectNarrative, type NarrativeField } from './narrative';
import { referencesIn, type ProseReference } from './references';

export interface ProseMismatch {
  family: ProseFamily;
  /** the narrative field's path */
  path: string;
  message: string;
  remedy: string;
  /** the quoted span in the field's text */
  start: number;
  end: number;
}

/** Whether the number as written agrees with one of the figure's values. */
export function agrees(ref: ProseReference): boolean {
  const { number, figure } = ref;
  const candidates = [...figure.values.map((v) => v.value), ...(figure.alsoAccepted ?? [])];
  if (number.kind === 'percent') return candidates.some((v) => statedPercentAgrees(ref.signed, v));
  const stated =
    number.kind === 'amount' ? (number.wan as Dec).times(ref.signed.startsWith('-') ? -1 : 1) : dec(ref.signed);
  return candidates.some((v) => v.equals(stated));
}

const plain = (d: Dec) => formatWan(d, Math.max(0, d.decimalPlaces()));

/** A value as the message shows it, in the prose's own unit too when that is 元 or 亿元. */
function shown(value: Dec, ref: ProseReference): string {
  const { number, figure } = ref;
  const abs = value.abs();
  let text: string;
  if (number.kind === 'percent') {
    const places = figure.name.endsWith('执行率') ? 2 : Math.max(1, decimalsOf(number.value));
    text = `${roundHalfUp(abs, places).toFixed(places)}%`;
  } else if (number.kind === 'amount') {
    text = `${plain(abs)} 万元`;
    if (number.unit === '元') text += `（${plain(abs.times(10000))} 元）`;
    if (number.unit === '亿元') text += `（${plain(abs.div(10000))} 亿元）`;
  } else {
    text = `${plain(abs)} ${number.kind === 'score' ? '分' : number.unit === '人' ? '人' : '个'}`;
  }
  if (!figure.change) return value.isNegative() && !value.isZero() ? `−${text}` : text;
  return value.isZero() ? '无变化' : `${value.isNegative() ? '减少' : '增加'} ${text}`;
}

function describe(figure: StructuredFigure, ref: ProseReference): string {
  if (figure.change) return `${figure.name}（${shown(figure.values[0].value, ref)}；${figure.detail}）`;
  if (figure.values.length === 1 && !figure.values[0].label)
    return `${figure.name} ${shown(figure.values[0].value, ref)}`;
  const each = figure.values.map((v) => `${v.label ?? ''} ${shown(v.value, ref)}`.trim()).join('，');
  return figure.values.length === 1 ? `${figure.name}（${each}）` : `${figure.name}（${each}）均`;
}

function mismatchOf(field: NarrativeField, ref: ProseReference): ProseMismatch {
  const quote = field.text.slice(ref.quoteStart, ref.quoteEnd).trim();
  const { figure } = ref;
  return {
    family: figure.family,
    path: field.path,
    message: `正文（${field.place}）“${quote}”与${describe(figure, ref)}不一致（${figure.where}）`,
    remedy: `核对后改正正文中的数字，或改正${figure.where}中的数据`,
    start: ref.quoteStart,
    end: ref.quoteEnd,
  };
}

/** Every number of the report's narrative that disagrees with the structured figure it names. */
export function proseMismatches(content: ReportContent, fiscalYear: number): ProseMismatch[] {
  const fields = content.kind === 'department_overall' ? overallNarrative(content) : projectNarrative(content);
  return fields.flatMap((field) =>
    referencesIn(field.text, content, fiscalYear)
      .filter((ref) => !agrees(ref))
      .map((ref) => mismatchOf(field, ref)),
  );
}
