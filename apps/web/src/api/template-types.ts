import type { ReportKind, TemplateDefinition, TemplateProblem } from '@evalflow/domain';

/** A published version of a template, as lists name it. */
export interface TemplateVersionRef {
  id: string;
  version: number;
  publishedAt: string;
}

/** A published version with the number of reports created under it. */
export interface TemplateVersionUse extends TemplateVersionRef {
  reports: number;
}

/** A year the county publishes this template's version for. */
export interface TemplatePublicationRef {
  fiscalYear: number;
  versionId: string;
  version: number;
}

/** The draft being edited: its version is the If-Match of the next save. */
export interface TemplateDraftState {
  version: number;
  updatedAt: string | null;
}

/** GET /api/templates: one template (the county's or a built-in). */
export interface TemplateSummary {
  id: string;
  kind: ReportKind;
  name: string;
  /** a built-in: read-only for the counties, may be copied */
  builtin: boolean;
  /** the version it was copied from */
  basedOn: string | null;
  latestVersion: TemplateVersionRef | null;
  draft: TemplateDraftState | null;
  publications: TemplatePublicationRef[];
}

/** GET /api/templates/:id (ETag: the draft's version, "0" when there is none). */
export interface TemplateDetail extends TemplateSummary {
  versions: TemplateVersionUse[];
  draftDefinition: TemplateDefinition | null;
  latestDefinition: TemplateDefinition | null;
}

/** A template with the version a later If-Match must name. */
export interface VersionedTemplate {
  template: TemplateDetail;
  /** the draft's version from the ETag: 0 when there is no draft */
  draftVersion: number;
}

/** The version of a kind new reports of a year follow. */
export interface TemplatePublication {
  fiscalYear: number;
  kind: ReportKind;
  templateId: string;
  versionId: string;
  version: number;
  name: string;
  publishedAt: string;
  /** reports of the year and kind that exist already (they keep the version they were created with) */
  reports: number;
}

/** POST /api/templates/:id/publish */
export interface PublishResult {
  version: { id: string; version: number; publishedAt?: string };
  publication: Pick<TemplatePublication, 'fiscalYear' | 'kind' | 'versionId'> & Partial<TemplatePublication>;
  /** reports of the year already created: they keep their version */
  existingReports: number;
}

/** GET /api/templates/versions/:versionId */
export interface TemplateVersionView {
  id: string;
  templateId: string;
  version: number;
  name: string;
  kind: ReportKind;
  builtin: boolean;
  definition: TemplateDefinition;
}

/** The details of a 400 TEMPLATE_INVALID. */
export interface TemplateInvalidDetails {
  problems: TemplateProblem[];
}
