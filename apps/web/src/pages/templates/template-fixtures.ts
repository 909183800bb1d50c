import { screen, waitFor } from '@testing-library/react';
import { expect, vi } from 'vitest';
import { BUILTIN_TEMPLATES, type TemplateDefinition } from '@evalflow/domain';
import type { TemplateDetail, TemplateSummary } from '../../api/template-types';
import { errorResponse, jsonResponse } from '../../test/session-fixtures';

/** 2025-05-03: reports of 2024 are written this spring. */
export const NOW = new Date('2025-05-03T02:00:00.000Z');

export const HEBEI = BUILTIN_TEMPLATES[0];
export const EIGHT_PART = BUILTIN_TEMPLATES[1];
export const NATIONAL_PROJECT = BUILTIN_TEMPLATES[2];

export function builtinSummary(builtin: (typeof BUILTIN_TEMPLATES)[number]): TemplateSummary {
  return {
    id: builtin.templateId,
    kind: builtin.definition.kind,
    name: builtin.definition.name,
    builtin: true,
    basedOn: null,
    latestVersion: { id: builtin.id, version: builtin.version, publishedAt: '2025-01-01T00:00:00.000Z' },
    draft: null,
    publications: [],
  };
}

export const COUNTY_NAME = '赵县部门整体支出绩效自评报告（2025年度）';

export const COUNTY_DEFINITION: TemplateDefinition = { ...HEBEI.definition, name: COUNTY_NAME };

/** The county's copy of the 河北 built-in: version 1 published for 2024, a draft (version 3) being edited. */
export const COUNTY_DETAIL: TemplateDetail = {
  id: 'tpl-county-1',
  kind: 'department_overall',
  name: COUNTY_NAME,
  builtin: false,
  basedOn: HEBEI.id,
  latestVersion: { id: 'ver-county-1', version: 1, publishedAt: '2025-02-10T02:00:00.000Z' },
  draft: { version: 3, updatedAt: '2025-04-20T06:30:00.000Z' },
  publications: [{ fiscalYear: 2024, versionId: 'ver-county-1', version: 1 }],
  versions: [{ id: 'ver-county-1', version: 1, publishedAt: '2025-02-10T02:00:00.000Z', reports: 12 }],
  draftDefinition: COUNTY_DEFINITION,
  latestDefinition: COUNTY_DEFINITION,
};

export const COUNTY_SUMMARY: TemplateSummary = {
  id: COUNTY_DETAIL.id,
  kind: COUNTY_DETAIL.kind,
  name: COUNTY_DETAIL.name,
  builtin: false,
  basedOn: COUNTY_DETAIL.basedOn,
  latestVersion: COUNTY_DETAIL.latestVersion,
  draft: COUNTY_DETAIL.draft,
  publications: COUNTY_DETAIL.publications,
};

export interface SentRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: SentRequest) => Response | undefined | Promise<Response | undefined>;

/**
 * Stubs fetch with `handler` (answer undefined for 404) and records what was sent, path without /api.
 * A detail answer is sent with the ETag of its draft's version.
 */
export function stubApi(handler: Handler) {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const request: SentRequest = {
      method: init.method ?? 'GET',
      path: String(url).replace(/^\/api/, ''),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    return (await handler(request)) ?? errorResponse(404, 'NOT_FOUND', '不存在');
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent, fetchMock };
}

/** A template detail as the API answers it: the draft's version in the ETag. */
export function detailResponse(detail: TemplateDetail, status = 200): Response {
  return jsonResponse(detail, status, { etag: `"${detail.draft?.version ?? 0}"` });
}

/** A dialog by its title (antd's ids in tests are all "test-id": its aria-labelledby may point elsewhere). */
export async function findDialog(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').find((d) => d.querySelector('.ant-modal-title')?.textContent === title);
    expect(found).toBeTruthy();
    return found as HTMLElement;
  });
}

/**
 * The button whose text is `text` (spaces ignored: antd spaces out two-character labels). A name
 * query (getByRole('button', { name })) computes every button's name from its content, which jsdom
 * makes take minutes on the editor's page.
 */
export function buttonNamed(text: string, container: HTMLElement = document.body): HTMLButtonElement | undefined {
  return Array.from(container.querySelectorAll('button')).find(
    (b) =>
      (b.textContent ?? '').replace(/\s/g, '') === text || (b.textContent ?? '').replace(/\s/g, '').startsWith(text),
  );
}
