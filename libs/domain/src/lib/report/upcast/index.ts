import type { ReportKind, ReportPart } from '../parts';
import { SCHEMA_VERSIONS } from '../schema';
import { upcastOverallPartV1, upcastOverallPathV1 } from './overall-v1';

/**
 * Content stored under an older schema version, brought to the current one: a step per version, each
 * frozen once released. Live parts are rewritten by a migration; frozen revisions and document snapshots
 * keep their stored bytes and are read through these functions.
 */
interface UpcastStep {
  part(part: string, content: unknown): unknown;
  /** where a field path of the older version points in the newer one */
  path(path: string): string;
}

const STEPS: Record<ReportKind, Record<number, UpcastStep>> = {
  department_overall: { 1: { part: upcastOverallPartV1, path: upcastOverallPathV1 } },
  project: {},
};

export class SchemaVersionError extends Error {
  constructor(kind: string, version: number) {
    super(`report content of kind ${kind} has schema version ${version}, which has no upgrade to the current one`);
    this.name = 'SchemaVersionError';
  }
}

function stepsFrom(kind: ReportKind, version: number): UpcastStep[] {
  const target = SCHEMA_VERSIONS[kind];
  if (!Number.isInteger(version) || version < 1 || version > target) throw new SchemaVersionError(kind, version);
  const steps: UpcastStep[] = [];
  for (let v = version; v < target; v++) {
    const step = STEPS[kind][v];
    if (!step) throw new SchemaVersionError(kind, version);
    steps.push(step);
  }
  return steps;
}

/** One stored part, brought to the current version. */
export function upcastPart(kind: ReportKind, schemaVersion: number, part: ReportPart, content: unknown): unknown {
  return stepsFrom(kind, schemaVersion).reduce((value, step) => step.part(part, value), content);
}

/** A dotted field path written under an older version (a comment's anchor), as the current version names it. */
export function upcastFieldPath(kind: ReportKind, schemaVersion: number, path: string): string {
  return stepsFrom(kind, schemaVersion).reduce((value, step) => step.path(value), path);
}

/** Whole stored content (a revision, a document snapshot): every part brought to the current version. */
export function upcastStoredContent(kind: ReportKind, schemaVersion: number, content: Record<string, unknown>) {
  const steps = stepsFrom(kind, schemaVersion);
  if (steps.length === 0) return { ...content, kind };
  const parts = Object.fromEntries(
    Object.entries(content)
      .filter(([key]) => key !== 'schemaVersion' && key !== 'kind')
      .map(([part, value]) => [part, steps.reduce((v, step) => step.part(part, v), value)]),
  );
  return { kind, schemaVersion: SCHEMA_VERSIONS[kind], ...parts };
}

export type { OverallV1BasicInfo, OverallV1Budget, OverallV1Staffing } from './overall-v1';
