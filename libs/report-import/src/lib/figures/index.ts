export * from './figure';
export { parseAmount, toWan, type AmountUnit } from './amount';
export { parsePercent } from './percent';
export { parseCount, parseScore, COUNT_UNITS } from './counts';
export { parseDate } from './dates';
export { parseDocNumber } from './doc-numbers';
export { findFigures } from './find-figures';
export { parseChineseInteger, parseChineseDecimal } from './chinese-numerals';
export { normalizeWidth } from './normalize';
