export { parseHeadingNumbering, styleHeadingLevel, type HeadingNumbering } from './numbering';
export { buildOutline, type Outline, type OutlineHeading, type NumberedItem } from './outline';
