import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChecksView, HistoryEntry } from '../../api/report-types';
import type { Session } from '../../auth/session';
import { documentView, projectReportView, REPORT_ID, reportView, thread } from '../../test/report-fixtures';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { ReportPage } from './report-page';
import { handOverImport } from './score-sheet/handed-import';

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
      title: '项目预算明细之和等于年初项目预算',
      passed: false,
      findings: [
        {
          path: 'budget.expenditure.project.budget',
          message: '项目预算明细合计 60.156 万元，与填报的年初项目预算 178.646 万元不一致',
        },
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
    expect(await screen.findByRole('heading', { name: '赵县总工会2024年度自评报告' }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText(/请核对预算明细/)).toBeTruthy();

    const budget = screen.getByRole('region', { name: '（二）部门收支预决算情况' });
    // a returned report opens as the editor: money as 万元 with 2–4 decimals, the lines' sum computed exactly
    const amount = (row: number) =>
      budget.querySelector<HTMLInputElement>(`input[aria-label="项目预算明细第${row}行 年初预算数"]`)?.value;
    expect(amount(1)).toBe('47.00');
    expect(amount(3)).toBe('10.336');
    expect(budget.querySelector('[data-figure="项目预算明细合计"]')?.textContent).toBe('60.156 万元');
    // (plain selectors: role queries over the whole editor take minutes in jsdom)
    const amountThread = budget.querySelector('[role="article"][aria-label*="项目预算明细 第3行 · 年初预算数"]');
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

  it('moves 更新于 when an edit is saved', async () => {
    const report = reportView({ status: 'draft', availableActions: ['submit'] });
    session = await renderPage('deptEditor', {
      '/': report,
      '/checks': checks,
      '/comments': [],
      '/history': [],
      '/revisions': [],
      '/documents': [],
      '/parts/selfEvaluation': {
        ...report.parts.selfEvaluation,
        version: 2,
        content: { organization: '成立评价工作组', methodAndProcess: '' },
        updatedAt: '2025-04-05T02:00:00.000Z',
        reportVersion: 8,
      },
    });
    await screen.findByRole('heading', { name: '赵县总工会2024年度自评报告' }, { timeout: 5000 });
    const updated = () => screen.getByText(/^更新于/).textContent ?? '';
    expect(updated()).toContain('2025年4月1日');
    const organization = document.getElementById('field-selfEvaluation-organization') as HTMLTextAreaElement;
    fireEvent.change(organization, { target: { value: '成立评价工作组' } });
    // autosaved about 1.5 s after typing stops; the header follows the save
    await waitFor(() => expect(updated()).toContain('2025年4月5日'), { timeout: 8000 });
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

  it('closes the comments of an approved report, and a comment link brings its row into view', async () => {
    session = await renderPage('financeReviewer', {
      '/': reportView({ status: 'approved', availableActions: ['reopen'] }),
      '/checks': { ...checks, results: [], errors: 0, blocking: false },
      '/comments': [thread()],
      '/history': [],
      '/revisions': [],
      '/documents': [],
    });
    expect(await screen.findByText('全部检查通过', undefined, { timeout: 5000 })).toBeTruthy();
    const commentsTab = screen.getByRole('tab', { name: '审核意见' });
    // no open count anywhere: the thread is closed, not 未解决
    expect(commentsTab.querySelector('.ant-badge')).toBeNull();
    fireEvent.click(commentsTab);
    const panel = await screen.findByRole('tabpanel', { name: '审核意见' });
    expect(within(panel).getByText('已关闭')).toBeTruthy();
    expect(within(panel).queryByText('未解决')).toBeNull();
    // the link leads back to the content, to the budget line's row (the read-only view has no input per field)
    fireEvent.click(within(panel).getByRole('link', { name: /项目预算明细 第3行 · 年初预算数/ }));
    const row = document.getElementById('field-budget-lines-2') as HTMLElement;
    await vi.waitFor(() => expect(row.getAttribute('data-located')).toBe('budget.lines.2.amount'));
    expect(screen.getByRole('tab', { name: '报告内容' }).getAttribute('aria-selected')).toBe('true');
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
    expect(within(list).getByText('第 2 版提交稿')).toBeTruthy();
    expect(within(list).getAllByText('草稿')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /生成并下载 PDF/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /生成并下载 Word \(DOCX\)/ })).toBeTruthy();
  });

  it('shows a project table read-only as the form has it, its checks beside its fields', async () => {
    session = await renderPage('financeReviewer', {
      '/': projectReportView({ id: REPORT_ID }),
      '/checks': {
        ...checks,
        results: [
          {
            ruleId: 'report.required-fields',
            severity: 'error',
            title: '必填内容已填写',
            passed: false,
            findings: [{ path: 'scoreTable.indicators.1.actual', message: '请填写第 2 个指标的实际完成值' }],
          },
        ],
      },
      '/comments': [],
      '/history': [],
      '/revisions': [],
      '/documents': [],
    });
    expect(
      await screen.findByRole(
        'heading',
        { name: '赵县总工会2024年度「困难职工帮扶救助专项资金」项目自评表' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('项目编码 13013324T000000012345')).toBeTruthy();
    const parts = [...document.querySelectorAll('section[id^="part-"]')].map((s) => s.getAttribute('aria-label'));
    expect(parts).toEqual(['项目基本信息', '年度总体目标', '项目资金和绩效指标', '总分和评价等级', '填报信息']);

    // the goals side by side: what was expected, what was achieved
    const goals = screen.getByRole('region', { name: '年度总体目标' });
    const row = within(goals).getByRole('row', { name: /帮扶困难职工 300 户/ });
    expect(row.textContent).toContain('帮扶困难职工 320 户');
    expect(within(goals).getByRole('columnheader', { name: '实际完成情况' })).toBeTruthy();

    const table = screen.getByRole('region', { name: '项目资金和绩效指标' });
    expect(within(table).getByText('年度资金总额')).toBeTruthy();
    expect(within(table).getByText('受助职工满意度')).toBeTruthy();
    const finding = within(table).getByRole('list', { name: '检查问题' });
    expect(finding.textContent).toContain('错误 · 绩效指标 第2个 · 实际完成值');
    expect(finding.textContent).toContain('请填写第 2 个指标的实际完成值');

    const conclusion = screen.getByRole('region', { name: '总分和评价等级' });
    expect(within(conclusion).getByText('总分')).toBeTruthy();
    expect(within(conclusion).getByText('57.5')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /对本部分提意见/ })).toHaveLength(5);
  });

  describe('a file handed over by 新建报告 → 从文件导入', () => {
    const imported = {
      id: 'i1',
      status: 'ready',
      progress: 100,
      format: 'docx',
      errorCode: null,
      error: null,
      summary: {
        filledParts: ['scoreTable'],
        counts: { indicators: 12, sourced: 40, inferred: 1, unplaced: 0 },
        unplaced: [],
      },
      reportVersion: 7,
    };
    const answers = {
      '/checks': checks,
      '/comments': [],
      '/history': [],
      '/revisions': [],
      '/documents': [],
      '/sources': { importId: null, sources: {}, inferred: [] },
      '/imports': { ...imported, status: 'queued', progress: 0, summary: null },
      '/imports/i1': imported,
    };
    const uploads = () =>
      vi.mocked(fetch).mock.calls.filter(([url, init]) => String(url).endsWith('/imports') && init?.method === 'POST');

    it('opens the import on the new draft with the file already uploading, then its preview', async () => {
      handOverImport(REPORT_ID, new File(['PK'], '2024年度部门整体支出绩效自评报告.docx'));
      session = await renderPage('deptEditor', { ...answers, '/': reportView({ status: 'draft' }) });
      const dialog = await screen.findByRole('dialog', { name: '从文件导入（Word/文本）' }, { timeout: 5000 });
      expect(await within(dialog).findByText('将填写「绩效自评表」')).toBeTruthy();
      expect(within(dialog).getByText('文件：2024年度部门整体支出绩效自评报告.docx')).toBeTruthy();
      expect(uploads()).toHaveLength(1);
    });

    it('imports nothing into a report the user may not change, and says so', async () => {
      handOverImport(REPORT_ID, new File(['PK'], '2024年度报告.docx'));
      session = await renderPage('deptEditor', {
        ...answers,
        '/': reportView({ status: 'submitted', availableActions: [] }),
      });
      expect(
        await screen.findByText('报告当前不能修改，未导入文件「2024年度报告.docx」', undefined, { timeout: 5000 }),
      ).toBeTruthy();
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(uploads()).toHaveLength(0);
    });
  });

  it('says a report that cannot be found does not exist', async () => {
    session = await renderPage('financeReviewer', {});
    expect(await screen.findByText('报告不存在', undefined, { timeout: 5000 })).toBeTruthy();
  });
});
