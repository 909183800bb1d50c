import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChecksView, HistoryEntry } from '../../api/report-types';
import type { Session } from '../../auth/session';
import { documentView, REPORT_ID, reportView, thread } from '../../test/report-fixtures';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { ReportPage } from './report-page';

const checks: ChecksView = {
  reportId: REPORT_ID,
  version: 7,
  previousYear: null,
  errors: 1,
  warnings: 0,
  blocking: true,
  results: [
    {
      ruleId: 'budget.lines-sum-to-total',
      severity: 'error',
      title: '预算明细之和等于预算总额',
      passed: false,
      findings: [
        { path: 'budget.projectBudgetTotal', message: '预算明细合计 60.156 万元，与预算总额 178.646 万元不符' },
      ],
    },
  ],
};

const returned: HistoryEntry = {
  id: '2',
  action: 'return',
  from: 'in_review',
  to: 'returned',
  reason: '请核对预算明细',
  actorName: '王审核',
  occurredAt: '2025-04-03T08:00:00.000Z',
  revision: null,
  openComments: [
    { id: thread().id, part: 'budget', fieldPath: 'budget.lines.2.amount', body: '请附上冀财行【2023】98号文件' },
  ],
};

async function renderPage(principal: keyof typeof PRINCIPALS, answers: Record<string, unknown>) {
  const session = await signedInSession(meFor(PRINCIPALS[principal]));
  vi.stubGlobal(
    'fetch',
    vi.fn().mockImplementation(async (url: string) => {
      const path = url.replace(`/api/reports/${REPORT_ID}`, '').split('?')[0] || '/';
      return path in answers ? jsonResponse(answers[path]) : errorResponse(404, 'NOT_FOUND', '不存在');
    }),
  );
  renderWithSession(
    <Routes>
      <Route path="/reports/:id" element={<ReportPage />} />
    </Routes>,
    session,
    `/reports/${REPORT_ID}`,
  );
  return session;
}

// renders all ten parts: slower than a small component on a busy machine
describe('ReportPage', { timeout: 20_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('shows a returned report to its department: the reason, the content, checks and comments beside their part', async () => {
    session = await renderPage('deptEditor', {
      '/': reportView({ status: 'returned', availableActions: ['submit'] }),
      '/checks': checks,
      '/comments': [thread()],
      '/history': [returned],
      '/revisions': [],
      '/documents': [],
    });
    expect(await screen.findByText('2024年度部门整体支出绩效自评报告', undefined, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText(/请核对预算明细/)).toBeTruthy();

    const budget = screen.getByRole('region', { name: '（二）部门收支预决算情况' });
    // a returned report opens as the editor: money as 万元 with 2–4 decimals, the lines' sum computed exactly
    const amount = (row: number) =>
      budget.querySelector<HTMLInputElement>(`input[aria-label="预算明细第${row}行 金额"]`)?.value;
    expect(amount(1)).toBe('47.00');
    expect(amount(3)).toBe('10.336');
    expect(budget.querySelector('[data-figure="预算明细合计"]')?.textContent).toBe('60.156 万元');
    // (plain selectors: role queries over the whole editor take minutes in jsdom)
    const amountThread = budget.querySelector('[role="article"][aria-label*="预算明细 第3行 · 金额"]');
    expect(amountThread).not.toBeNull();
    const buttons = (root: ParentNode, name: RegExp) =>
      [...root.querySelectorAll('button')].filter((b) => name.test(b.textContent ?? ''));
    // the department replies but neither resolves nor starts threads
    expect(buttons(budget, /回\s*复/)).toHaveLength(1);
    expect(buttons(budget, /标记已解决/)).toHaveLength(0);
    expect(buttons(document, /对本部分提意见/)).toHaveLength(0);
    // no diff tab for the department
    expect(screen.queryByRole('tab', { name: '修改对比' })).toBeNull();
    expect(screen.getByRole('tab', { name: '流程记录' })).toBeTruthy();
  });

  it('gives the finance bureau comments to start and resolve, and the diff', async () => {
    session = await renderPage('financeReviewer', {
      '/': reportView(),
      '/checks': { ...checks, results: [], errors: 0, blocking: false },
      '/comments': [thread()],
      '/history': [],
      '/revisions': [],
      '/documents': [],
    });
    expect(await screen.findByText('全部检查通过', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /对本部分提意见/ })).toHaveLength(10);
    expect(await screen.findByRole('button', { name: /标记已解决/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '修改对比' })).toBeTruthy();
  });

  it('gives the official documents a tab of their own: what was made, and the buttons to make more', async () => {
    session = await renderPage('financeReviewer', {
      '/': reportView(),
      '/checks': { ...checks, results: [], errors: 0, blocking: false },
      '/comments': [],
      '/history': [],
      '/revisions': [],
      '/documents': [documentView(), documentView({ id: 'f2', format: 'docx', edition: 'v6', watermark: '草稿' })],
    });
    fireEvent.click(await screen.findByRole('tab', { name: '正式文档' }, { timeout: 5000 }));
    const list = await screen.findByRole('region', { name: '已生成的文档' });
    expect(within(list).getByText('第 2 次提交稿')).toBeTruthy();
    expect(within(list).getAllByText('草稿')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /生成并下载 PDF/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /生成并下载 Word \(DOCX\)/ })).toBeTruthy();
  });

  it('says a report that cannot be found does not exist', async () => {
    session = await renderPage('financeReviewer', {});
    expect(await screen.findByText('报告不存在', undefined, { timeout: 5000 })).toBeTruthy();
  });
});
