import type { IndicatorNature } from '../report/schema/score-table';

/**
 * 指标性质 as spreadsheets write it: symbols (half- or full-width, ≧ and ⩾ as well as ≥), ASCII
 * (>=, =>), words (大于等于, 不低于, 定性…). Compared after NFKC (full-width → half-width), without
 * spaces, in lower case.
 */
const SPELLINGS: Record<IndicatorNature, readonly string[]> = {
  '>=': ['≥', '≧', '⩾', '>=', '=>', '大于等于', '大于或等于', '不低于', '不少于', '不小于'],
  '<=': ['≤', '≦', '⩽', '<=', '=<', '小于等于', '小于或等于', '不高于', '不多于', '不大于', '不超过'],
  '=': ['=', '==', '等于'],
  qualitative: ['定性', '定性指标', 'qualitative'],
};

const NATURE_OF = new Map<string, IndicatorNature>(
  Object.entries(SPELLINGS).flatMap(([nature, spellings]) =>
    spellings.map((s) => [normalize(s), nature as IndicatorNature] as const),
  ),
);

function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export type NatureReading = { ok: true; nature: IndicatorNature } | { ok: false; message: string };

/** The 指标性质 a cell means, or why it means none. */
export function readNature(cell: string): NatureReading {
  const text = normalize(cell);
  if (text === '') return { ok: false, message: '请填写指标性质（≥、≤、= 或 定性）' };
  const nature = NATURE_OF.get(text);
  if (nature) return { ok: true, nature };
  if (text === '定量' || text === '定量指标') {
    return { ok: false, message: '定量指标请写明方向：≥（不低于）、≤（不高于）或 =（等于）' };
  }
  if (text === '>' || text === '<' || text === '大于' || text === '小于') {
    return { ok: false, message: `「${cell.trim()}」不是可用的指标性质，请改为 ≥ 或 ≤` };
  }
  return { ok: false, message: `「${cell.trim()}」不是可用的指标性质，只能是 ≥、≤、= 或 定性` };
}
