import {
  XLSX_CONTENT_TYPE,
  type IndicatorNature,
  type LibraryEntryInput,
  type LibraryEntryView,
  type LibraryImportResult,
} from '@evalflow/domain';
import { ifMatch, patchVersion, queryString, type ApiClient } from './client';

export type { LibraryEntryView, LibraryImportResult };

export interface LibraryFilter {
  q?: string;
  level1?: string;
  nature?: IndicatorNature;
  /** true: active only (the API's default); 'all': archived ones too; false: archived only */
  active?: boolean | 'all';
}

export interface LibraryPage {
  items: LibraryEntryView[];
  nextCursor: string | null;
}

/** What an edit sends: only the fields that changed. */
export type LibraryEntryChanges = Partial<LibraryEntryInput>;

export const LIBRARY_PAGE_SIZE = 50;
const entryPath = (id: string, rest = '') => `/indicator-library/${encodeURIComponent(id)}${rest}`;

/** One page of the county's 指标库, in 一级, 二级, 三级 order. */
export async function listLibrary(
  api: ApiClient,
  filter: LibraryFilter,
  cursor: string | null,
  signal?: AbortSignal,
  limit = LIBRARY_PAGE_SIZE,
): Promise<LibraryPage> {
  const query = queryString({
    ...filter,
    active: filter.active === undefined ? undefined : String(filter.active),
    cursor,
    limit,
  });
  return (await api.request<LibraryPage>(`/indicator-library${query}`, { signal })).data;
}

export async function createLibraryEntry(api: ApiClient, input: LibraryEntryInput): Promise<LibraryEntryView> {
  return (await api.request<LibraryEntryView>('/indicator-library', { method: 'POST', body: input })).data;
}

export async function updateLibraryEntry(
  api: ApiClient,
  id: string,
  version: number,
  changes: LibraryEntryChanges,
): Promise<LibraryEntryView> {
  return patchVersion(api, entryPath(id), version, changes);
}

/** 停用 (archive) or 恢复 (restore) an entry based on `version` (412 when someone changed it meanwhile). */
export async function setLibraryEntryActive(
  api: ApiClient,
  id: string,
  version: number,
  active: boolean,
): Promise<LibraryEntryView> {
  const path = entryPath(id, active ? '/restore' : '/archive');
  return (await api.request<LibraryEntryView>(path, { method: 'POST', headers: ifMatch(version) })).data;
}

/** The county's active entries as an .xlsx workbook. */
export async function exportLibrary(api: ApiClient): Promise<Blob> {
  return (await api.request<Blob>('/indicator-library/export', { responseType: 'blob' })).data;
}

/** Checks a workbook (preview) or imports it whole (apply: a 400 LIBRARY_IMPORT_INVALID when any row is wrong). */
export async function importLibrary(
  api: ApiClient,
  file: Blob,
  mode: 'preview' | 'apply',
): Promise<LibraryImportResult> {
  return (
    await api.request<LibraryImportResult>(`/indicator-library/import?mode=${mode}`, {
      method: 'POST',
      rawBody: { data: file, contentType: XLSX_CONTENT_TYPE },
    })
  ).data;
}
