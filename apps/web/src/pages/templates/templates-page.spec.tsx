import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useParams } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../auth/session';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import {
  builtinSummary,
  COUNTY_DETAIL,
  COUNTY_NAME,
  COUNTY_SUMMARY,
  detailResponse,
  findDialog,
  EIGHT_PART,
  HEBEI,
  NATIONAL_PROJECT,
  NOW,
  stubApi,
  type SentRequest,
} from './template-fixtures';
import { TemplatesPage } from './templates-page';

const SUMMARIES = [builtinSummary(HEBEI), builtinSummary(EIGHT_PART), builtinSummary(NATIONAL_PROJECT), COUNTY_SUMMARY];

const PUBLICATION_2024 = {
  fiscalYear: 2024,
  kind: 'department_overall',
  templateId: COUNTY_DETAIL.id,
  versionId: 'ver-county-1',
  version: 1,
  name: COUNTY_NAME,
  publishedAt: '2025-02-10T02:00:00.000Z',
  reports: 12,
};

function OpenedTemplate() {
  return <p>已打开模板 {useParams().id}</p>;
}

function answer(onCopy?: (request: SentRequest) => Response) {
  return stubApi((request) => {
    if (request.method === 'POST' && request.path === '/templates' && onCopy) return onCopy(request);
    if (request.path === '/templates') return jsonResponse(SUMMARIES);
    if (request.path.startsWith('/templates/publications?')) {
      return jsonResponse(request.path.endsWith('fiscalYear=2024') ? [PUBLICATION_2024] : []);
    }
    return undefined;
  });
}

function renderList(session: Session) {
  renderWithSession(
    <Routes>
      <Route path="/templates" element={<TemplatesPage now={NOW} />} />
      <Route path="/templates/:id" element={<OpenedTemplate />} />
    </Routes>,
    session,
    '/templates',
  );
}

/** The rows of the table of one kind. */
async function rowsOf(label: string) {
  const table = await screen.findByRole('table', { name: `${label}模板` }, { timeout: 10_000 });
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
  return within(table).getAllByRole('row').slice(1);
}

describe('报告模板 list', { timeout: 30_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('lists the built-ins and the county templates per kind, with versions, drafts and years, and the year in force', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    const { sent } = answer();
    renderList(session);

    const overall = await rowsOf('部门整体支出绩效自评报告');
    expect(overall).toHaveLength(3);
    const county = overall.find((r) => r.textContent?.includes(COUNTY_NAME));
    expect(county?.textContent).toContain('本县');
    expect(county?.textContent).toContain('第 1 版');
    expect(county?.textContent).toContain('有待发布的草稿');
    expect(county?.textContent).toContain('2024 年度 · 第 1 版');
    const hebei = overall.find((r) => r.textContent?.includes(HEBEI.definition.name));
    expect(hebei?.textContent).toContain('系统内置');
    expect(within(hebei as HTMLElement).getByRole('button', { name: /复制/ })).toBeTruthy();

    const project = await rowsOf('项目支出绩效自评表');
    expect(project).toHaveLength(1);
    expect(project[0].textContent).toContain(NATIONAL_PROJECT.definition.name);
    expect(project[0].textContent).toContain('系统内置');

    // 本年度适用 for 2024: the county's version for 部门整体, the built-in default for projects
    const inForce = screen.getByText('本年度适用').closest('.ant-card') as HTMLElement;
    await waitFor(() => expect(inForce.textContent).toContain(`${COUNTY_NAME} 第 1 版`));
    expect(inForce.textContent).toContain('未发布，使用系统默认');
    expect(inForce.textContent).toContain(NATIONAL_PROJECT.definition.name);
    expect(sent.map((r) => r.path)).toContain('/templates/publications?fiscalYear=2024');
  });

  it('copies a built-in under the name given and opens the copy', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    const { sent } = answer(() =>
      detailResponse(
        { ...COUNTY_DETAIL, id: 'tpl-new', name: '赵县2025年部门整体自评报告', draft: { version: 1, updatedAt: null } },
        201,
      ),
    );
    renderList(session);

    const overall = await rowsOf('部门整体支出绩效自评报告');
    const hebei = overall.find((r) => r.textContent?.includes(HEBEI.definition.name)) as HTMLElement;
    fireEvent.click(within(hebei).getByRole('button', { name: /复制/ }));
    const dialog = await findDialog('复制模板');
    const name = within(dialog).getByLabelText('新模板名称');
    expect((name as HTMLInputElement).value).toBe(`${HEBEI.definition.name}（副本）`);
    fireEvent.change(name, { target: { value: '赵县2025年部门整体自评报告' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '复制并编辑' }));
    });

    await screen.findByText('已打开模板 tpl-new', undefined, { timeout: 10_000 });
    const post = sent.find((r) => r.method === 'POST' && r.path === '/templates');
    expect(post?.body).toEqual({ sourceVersionId: HEBEI.id, name: '赵县2025年部门整体自评报告' });
  });

  it('offers no copying to a finance reviewer, who only reads', async () => {
    session = await signedInSession(meFor(PRINCIPALS.financeReviewer));
    answer();
    renderList(session);

    const overall = await rowsOf('部门整体支出绩效自评报告');
    expect(overall).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /复制/ })).toBeNull();
    expect(within(overall[0]).getByRole('link', { name: /^查看/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^编辑/ })).toBeNull();
  });
});
