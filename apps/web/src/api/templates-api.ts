import type { ReportKind, TemplateDefinition, TemplateProblem } from '@evalflow/domain';
import { ApiError, ifMatch, queryString, type ApiClient, type ApiResponse } from './client';
import type {
  PublishResult,
  TemplateDetail,
  TemplatePublication,
  TemplateSummary,
  TemplateVersionView,
  VersionedTemplate,
} from './template-types';

const templatePath = (id: string, rest = '') => `/templates/${encodeURIComponent(id)}${rest}`;

/** The draft's version an answer names: its ETag ("3"), else the draft's own, else 0 (no draft). */
function versioned({ data, etag }: ApiResponse<TemplateDetail>): VersionedTemplate {
  const fromTag = etag ? Number(etag.replace(/^W\//, '').replaceAll('"', '')) : NaN;
  return { template: data, draftVersion: Number.isInteger(fromTag) ? fromTag : (data.draft?.version ?? 0) };
}

/** The county's templates and the built-ins, of one kind or of both. */
export async function listTemplates(
  api: ApiClient,
  kind?: ReportKind,
  signal?: AbortSignal,
): Promise<TemplateSummary[]> {
  return (await api.request<TemplateSummary[]>(`/templates${queryString({ kind })}`, { signal })).data;
}

export async function getTemplate(api: ApiClient, id: string, signal?: AbortSignal): Promise<VersionedTemplate> {
  return versioned(await api.request<TemplateDetail>(templatePath(id), { signal }));
}

/** A county copy of a version (the county's or a built-in's): its draft is the source's definition, renamed. */
export async function copyTemplate(api: ApiClient, sourceVersionId: string, name: string): Promise<VersionedTemplate> {
  return versioned(
    await api.request<TemplateDetail>('/templates', { method: 'POST', body: { sourceVersionId, name } }),
  );
}

/** Saves the whole draft, based on `draftVersion` (0 starts a draft). 400 TEMPLATE_INVALID, 412 when stale. */
export async function saveTemplateDraft(
  api: ApiClient,
  id: string,
  draftVersion: number,
  definition: TemplateDefinition,
): Promise<VersionedTemplate> {
  return versioned(
    await api.request<TemplateDetail>(templatePath(id, '/draft'), {
      method: 'PUT',
      body: { definition },
      headers: ifMatch(draftVersion),
    }),
  );
}

/** Throws the draft away: the template is its latest version again. */
export async function discardTemplateDraft(
  api: ApiClient,
  id: string,
  draftVersion: number,
): Promise<VersionedTemplate> {
  return versioned(
    await api.request<TemplateDetail>(templatePath(id, '/draft'), { method: 'DELETE', headers: ifMatch(draftVersion) }),
  );
}

/**
 * Makes a version the one new reports of `fiscalYear` follow: the draft, frozen as a new version, or
 * (`versionId`, without a draft) a version published before.
 */
export async function publishTemplate(
  api: ApiClient,
  id: string,
  draftVersion: number,
  fiscalYear: number,
  versionId?: string,
): Promise<PublishResult> {
  const body = versionId ? { fiscalYear, versionId } : { fiscalYear };
  return (
    await api.request<PublishResult>(templatePath(id, '/publish'), {
      method: 'POST',
      body,
      headers: ifMatch(draftVersion),
    })
  ).data;
}

/** The versions each kind's new reports of a year follow (a kind absent: the built-in default). */
export async function listPublications(
  api: ApiClient,
  fiscalYear: number,
  signal?: AbortSignal,
): Promise<TemplatePublication[]> {
  return (await api.request<TemplatePublication[]>(`/templates/publications${queryString({ fiscalYear })}`, { signal }))
    .data;
}

export async function getTemplateVersion(
  api: ApiClient,
  versionId: string,
  signal?: AbortSignal,
): Promise<TemplateVersionView> {
  return (await api.request<TemplateVersionView>(`/templates/versions/${encodeURIComponent(versionId)}`, { signal }))
    .data;
}

/** A sample PDF of a definition as it stands (saved or not). */
export async function previewTemplatePdf(api: ApiClient, definition: TemplateDefinition): Promise<Blob> {
  return (await api.request<Blob>('/templates/preview', { method: 'POST', body: { definition }, responseType: 'blob' }))
    .data;
}

/** The field problems of a 400 TEMPLATE_INVALID, if this is one. */
export function templateProblemsOf(error: unknown): TemplateProblem[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const details = error.body.details as { problems?: unknown } | undefined;
  if (!details || !Array.isArray(details.problems)) return undefined;
  return details.problems.filter(
    (p): p is TemplateProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as TemplateProblem).path === 'string' &&
      typeof (p as TemplateProblem).message === 'string',
  );
}

/** Someone else saved (or published) the template first: a 412, whatever its code. */
export function isTemplateConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
