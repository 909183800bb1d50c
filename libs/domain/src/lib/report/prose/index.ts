// The prose number finder and the references it feeds; the figure parser of libs/report-import is fuller.
export { findNumbers, type ProseNumber, type ProseNumberKind } from './numbers';
export { overallNarrative, projectNarrative, type NarrativeField } from './narrative';
export { referencesIn, type ProseReference } from './references';
export { proseMismatches, type ProseMismatch } from './mismatches';
export type { ProseFamily, StructuredFigure } from './figures';
