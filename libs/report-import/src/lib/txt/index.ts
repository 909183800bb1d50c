export { readTxt, DEFAULT_TXT_LIMITS, type TxtLimits, type TxtReadResult, type DroppedLine } from './read-txt';
export { decodeText, type TextEncoding } from './decode';
export { splitRow, type TextRow, type RowSeparator } from './text-rows';
export { findTextTables, type TextTable } from './text-tables';
export { detectLayout, displayWidth, type TextLayout } from './layout';
