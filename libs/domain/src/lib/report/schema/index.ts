import type { z } from 'zod';
import type { ReportKind, ReportPart } from '../parts';
import {
  OVERALL_PART_SCHEMAS,
  OVERALL_SCHEMA_VERSION,
  overallContentSchema,
  type OverallReportContent,
} from './overall';
import {
  PROJECT_PART_SCHEMAS,
  PROJECT_SCHEMA_VERSION,
  projectContentSchema,
  type ProjectReportContent,
} from './project';

export * from './primitives';
export * from './score-table';
export * from './overall';
export * from './project';

/** A report's content, of either kind: `kind` tells which. */
export type ReportContent = OverallReportContent | ProjectReportContent;

/** The schema version new content of each kind is written in; older stored content is upcast on read. */
export const SCHEMA_VERSIONS: Record<ReportKind, number> = {
  department_overall: OVERALL_SCHEMA_VERSION,
  project: PROJECT_SCHEMA_VERSION,
};

export const KIND_PART_SCHEMAS = {
  department_overall: OVERALL_PART_SCHEMAS,
  project: PROJECT_PART_SCHEMAS,
} as const;

export const CONTENT_SCHEMAS = {
  department_overall: overallContentSchema,
  project: projectContentSchema,
} as const;

/** The schema of one part of a kind, or undefined when the kind has no such part. */
export function partSchema(kind: ReportKind, part: ReportPart): z.ZodType | undefined {
  return (KIND_PART_SCHEMAS[kind] as Partial<Record<ReportPart, z.ZodType>>)[part];
}

export const isOverall = (c: ReportContent): c is OverallReportContent => c.kind === 'department_overall';
export const isProject = (c: ReportContent): c is ProjectReportContent => c.kind === 'project';
