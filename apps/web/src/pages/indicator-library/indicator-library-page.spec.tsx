import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEntryView } from '../../api/indicator-library-api';
import type { Session } from '../../auth/session';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { libraryEntry } from '../../test/library-fixtures';
import { IndicatorLibraryPage } from './indicator-library-page';

const accuracy = libraryEntry();
const satisfaction = libraryEntry({
  level1: '满意度指标',
  level2: '服务对象满意度指标',
  level3: '受益对象满意度',
  nature: '>=',
  suggestedTarget: '90',
  note: '抽样不少于 30 份',
});
const archived = libraryEntry({ level3: '会员保险覆盖人数', level2: '数量指标', active: false, version: 2 });

type Handler = (url: URL, init: RequestInit) => Response | undefined;

/** The page on a session of `principal`, with the API answered by `handler` (then by the list). */
async function renderPage(principal: keyof typeof PRINCIPALS, handler: Handler = () => undefined) {
  const session = await signedInSession(meFor(PRINCIPALS[principal]));
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const answered = handler(url, init);
    if (answered) return answered;
    if (url.pathname === '/api/indicator-library') {
      const items =
        url.searchParams.get('active') === 'all' ? [accuracy, archived, satisfaction] : [accuracy, satisfaction];
      const q = url.searchParams.get('q');
      return jsonResponse({ items: q ? items.filter((e) => e.level3.includes(q)) : items, nextCursor: null });
    }
    return errorResponse(404, 'ROUTE_NOT_FOUND', '请求的接口不存在');
  });
  vi.stubGlobal('fetch', fetchMock);
  renderWithSession(<IndicatorLibraryPage />, session, '/indicator-library');
  await screen.findByText('资金发放准确率');
  const urls = () => fetchMock.mock.calls.map(([u]) => new URL(String(u), 'http://localhost'));
  return { session, fetchMock, urls };
}

describe('IndicatorLibraryPage', { timeout: 40_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('lets the finance bureau curate: add, import, edit and archive beside each entry', async () => {
    const rendered = await renderPage('financeReviewer');
    session = rendered.session;
    expect(screen.getByRole('button', { name: /新增指标/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导\s*入/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导\s*出/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '编辑「资金发放准确率」' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '停用「受益对象满意度」' })).toBeTruthy();
    expect(screen.getByText('抽样不少于 30 份')).toBeTruthy();
    // only active entries until asked
    expect(screen.queryByText('会员保险覆盖人数')).toBeNull();
    expect(rendered.urls()[0].searchParams.get('active')).toBeNull();
  });

  it('shows department staff the library read-only, with the export', async () => {
    const rendered = await renderPage('deptEditor');
    session = rendered.session;
    expect(screen.getByText('本县（区）的绩效指标（只读），填报绩效自评表时可从中选用。')).toBeTruthy();
    expect(screen.getByRole('button', { name: /导\s*出/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新增指标/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /导\s*入/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编辑「/ })).toBeNull();
  });

  it('searches, and includes archived entries when 含已停用 is ticked', async () => {
    const rendered = await renderPage('tenantAdmin');
    session = rendered.session;
    const search = screen.getByRole('searchbox', { name: '查找指标' });
    fireEvent.change(search, { target: { value: '满意度' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.queryByText('资金发放准确率')).toBeNull());
    expect(screen.getByText('受益对象满意度')).toBeTruthy();
    expect(rendered.urls().at(-1)?.searchParams.get('q')).toBe('满意度');

    fireEvent.change(search, { target: { value: '' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '含已停用' }));
    expect(await screen.findByText('会员保险覆盖人数')).toBeTruthy();
    expect(rendered.urls().at(-1)?.searchParams.get('active')).toBe('all');
    expect(screen.getByRole('button', { name: '恢复「会员保险覆盖人数」' })).toBeTruthy();
  });

  it('archives an entry after asking, with its version as If-Match, and shows it archived', async () => {
    let sent: RequestInit | undefined;
    const rendered = await renderPage('financeReviewer', (url, init) => {
      if (url.pathname === `/api/indicator-library/${satisfaction.id}/archive`) {
        sent = init;
        return jsonResponse({ ...satisfaction, active: false, version: 2 } satisfies LibraryEntryView);
      }
      return undefined;
    });
    session = rendered.session;
    fireEvent.click(screen.getByRole('button', { name: '停用「受益对象满意度」' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/已选用它的报告保留各自的内容/)).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /停\s*用/ })));
    expect(await screen.findByText('已停用「受益对象满意度」')).toBeTruthy();
    expect(sent?.method).toBe('POST');
    expect(sent?.headers).toMatchObject({ 'if-match': '"1"' });
    expect(screen.getByRole('button', { name: '恢复「受益对象满意度」' })).toBeTruthy();
  });

  it('adds an entry from the drawer with trimmed texts, and marks a name already taken', async () => {
    const bodies: unknown[] = [];
    const rendered = await renderPage('tenantAdmin', (url, init) => {
      if (url.pathname === '/api/indicator-library' && init.method === 'POST') {
        bodies.push(JSON.parse(String(init.body)));
        return bodies.length === 1
          ? errorResponse(409, 'LIBRARY_ENTRY_EXISTS', '指标库中已有一级、二级、三级指标都相同的指标', {
              existingId: accuracy.id,
            })
          : jsonResponse(libraryEntry({ level3: '资金到位率', level2: '时效指标' }), 201);
      }
      return undefined;
    });
    session = rendered.session;
    fireEvent.click(screen.getByRole('button', { name: /新增指标/ }));
    const drawer = await screen.findByRole('dialog');
    const fill = (label: string, value: string) =>
      fireEvent.change(within(drawer).getByLabelText(label), { target: { value } });
    fill('一级指标', '产出指标');
    fill('二级指标', ' 质量指标 ');
    fill('三级指标', '资金发放准确率');
    fill('计量单位', '%');
    await act(async () => fireEvent.click(within(drawer).getByRole('button', { name: /新\s*增/ })));
    expect(await within(drawer).findByText('指标库中已有一级、二级、三级指标都相同的指标')).toBeTruthy();
    expect(bodies[0]).toEqual({
      level1: '产出指标',
      level2: '质量指标',
      level3: '资金发放准确率',
      unit: '%',
      nature: '>=',
      suggestedTarget: '',
      suggestedEvidence: '',
      note: '',
    });

    fill('二级指标', '时效指标');
    fill('三级指标', '资金到位率');
    await act(async () => fireEvent.click(within(drawer).getByRole('button', { name: /新\s*增/ })));
    expect(await screen.findByText('已新增「资金到位率」')).toBeTruthy();
    expect(await screen.findByText('资金到位率')).toBeTruthy();
  });

  it('refuses a name of spaces before sending anything', async () => {
    const rendered = await renderPage('tenantAdmin');
    session = rendered.session;
    const before = rendered.fetchMock.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: /新增指标/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('一级指标'), { target: { value: '   ' } });
    await act(async () => fireEvent.click(within(drawer).getByRole('button', { name: /新\s*增/ })));
    expect(await within(drawer).findByText('请填写一级指标')).toBeTruthy();
    expect(await within(drawer).findByText('请填写三级指标')).toBeTruthy();
    expect(rendered.fetchMock.mock.calls.length).toBe(before);
  });
});
