import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HomeView } from '../api/home-api';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../test/session-fixtures';
import { lacksText } from './home/department-todo';
import { HomePage } from './home-page';

const DRAFT = '33333333-3333-4333-8333-333333333333';
const RETURNED = '44444444-4444-4444-8444-444444444444';
const QUEUED = '55555555-5555-4555-8555-555555555555';
const EDUCATION = '66666666-6666-4666-8666-666666666666';

const DEPARTMENT_HOME: HomeView = {
  drafts: [
    {
      id: RETURNED,
      fiscalYear: 2024,
      kind: 'department_overall',
      projectName: null,
      status: 'returned',
      deadline: { dueOn: '2025-04-30', state: 'due_soon', daysLeft: 2 },
      missing: 0,
      errors: 1,
      warnings: 0,
      openComments: 2,
      updatedAt: '2025-04-20T02:00:00.000Z',
    },
    {
      id: DRAFT,
      fiscalYear: 2024,
      kind: 'project',
      projectName: '困难职工帮扶',
      status: 'draft',
      deadline: null,
      missing: 18,
      errors: 0,
      warnings: 1,
      openComments: 0,
      updatedAt: '2025-04-21T02:00:00.000Z',
    },
  ],
};

const REVIEW_HOME: HomeView = {
  review: {
    queueTotal: 3,
    queue: [
      {
        id: QUEUED,
        departmentName: '赵县总工会',
        fiscalYear: 2024,
        kind: 'department_overall',
        projectName: null,
        status: 'submitted',
        submittedAt: '2025-04-28T02:00:00.000Z',
        openComments: 0,
      },
    ],
    overdue: [
      {
        departmentId: EDUCATION,
        departmentName: '赵县教育局',
        fiscalYear: 2024,
        dueOn: '2025-04-30',
        daysOverdue: 5,
        reportId: null,
        reportStatus: null,
        lastRemindedAt: null,
        reminders: 0,
        nextReminderAt: null,
      },
    ],
  },
};

const SETUP_HOME: HomeView = {
  setup: {
    fiscalYear: 2025,
    steps: [
      {
        key: 'departments',
        title: '添加预算部门（单位）',
        done: true,
        detail: '已有 12 个预算部门',
        link: '/departments',
      },
      { key: 'finance', title: '添加财政局', done: true, detail: '已添加财政局', link: '/departments' },
      {
        key: 'users',
        title: '为部门和财政局开通账号',
        done: true,
        detail: '部门用户 5 个，财政局用户 2 个',
        link: '/users',
      },
      { key: 'deadline', title: '设置2025年度填报截止日期', done: false, detail: '尚未设置', link: '/settings' },
      {
        key: 'bands',
        title: '确认评价等级划分',
        done: false,
        detail: '仍为全国默认（90/80/60 分）',
        link: '/settings',
      },
      {
        key: 'template',
        title: '发布2025年度报告模板',
        done: false,
        detail: '尚未发布，将使用内置模板',
        link: '/templates',
      },
    ],
  },
};

/** A fetch that answers GET /api/home with `home`, 催报 with `remind`, and an empty list for anything else. */
function serve(home: HomeView, remind?: () => Response) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/api/home')) return jsonResponse(home);
    if (url.endsWith('/api/reminders') && remind) return remind();
    return jsonResponse([]);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

/** Signs in (its own stubbed fetch), then serves the page as `serve` says and renders it. */
async function renderHome(
  principal: (typeof PRINCIPALS)[keyof typeof PRINCIPALS],
  home: HomeView,
  remind?: () => Response,
) {
  const session = await signedInSession(meFor(principal));
  const calls = serve(home, remind);
  renderWithSession(<HomePage />, session);
  return calls;
}

// antd's lists and tables take seconds to lay out in jsdom when the machine is busy
describe('the home page per role', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the department's drafts and returns, each with its deadline and what it still lacks", async () => {
    await renderHome(PRINCIPALS.deptEditor, DEPARTMENT_HOME);
    const card = (await screen.findByText('待办：本部门的报告')).closest('.ant-card') as HTMLElement;
    expect(within(card).getByRole('link', { name: '2024年度部门整体' }).getAttribute('href')).toBe(
      `/reports/${RETURNED}`,
    );
    expect(within(card).getByText('已退回')).toBeTruthy();
    expect(within(card).getByText('即将到期 · 剩 2 天')).toBeTruthy();
    expect(within(card).getByText('有 1 处检查未通过，2 条审核意见待处理')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '修改 2024年度部门整体' })).toBeTruthy();
    expect(within(card).getByText('还需填写 18 项')).toBeTruthy();
    expect(within(card).getByText('未设截止日期')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '填写 2024年度项目支出「困难职工帮扶」' }).getAttribute('href')).toBe(
      `/reports/${DRAFT}`,
    );
  });

  it('gives the finance bureau its queue and the overdue departments, and sends a 催报 once', async () => {
    let sent = 0;
    const calls = await renderHome(PRINCIPALS.financeReviewer, REVIEW_HOME, () => {
      sent++;
      return jsonResponse(
        {
          id: '77777777-7777-4777-8777-777777777777',
          departmentId: EDUCATION,
          fiscalYear: 2024,
          sentAt: '2025-05-05T02:00:00.000Z',
          nextReminderAt: '2025-05-06T02:00:00.000Z',
        },
        201,
      );
    });
    expect(await screen.findByText('待审报告（3）')).toBeTruthy();
    expect(screen.getByRole('link', { name: '全部 3 份' }).getAttribute('href')).toBe('/reports');
    expect(screen.getByRole('link', { name: '审核' }).getAttribute('href')).toBe(`/reports/${QUEUED}`);
    const row = screen.getByRole('row', { name: /赵县教育局/ });
    expect(within(row).getByText('已逾期 5 天')).toBeTruthy();
    expect(within(row).getByText('未创建')).toBeTruthy();
    await act(async () => fireEvent.click(within(row).getByRole('button', { name: '催报 赵县教育局' })));
    await waitFor(() => expect(within(row).getByRole('button', { name: '已催报 赵县教育局' })).toBeTruthy());
    expect(within(row).getByRole('button', { name: '已催报 赵县教育局' }).hasAttribute('disabled')).toBe(true);
    expect(within(row).getByText(/（共 1 次）/)).toBeTruthy();
    expect(sent).toBe(1);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ departmentId: EDUCATION, fiscalYear: 2024 });
  });

  it('says why a 催报 was refused, and keeps the button', async () => {
    await renderHome(PRINCIPALS.financeReviewer, REVIEW_HOME, () =>
      errorResponse(429, 'REMINDER_TOO_SOON', '已催报过该部门，24 小时内不能重复催报'),
    );
    const button = await screen.findByRole('button', { name: '催报 赵县教育局' });
    await act(async () => fireEvent.click(button));
    expect(await screen.findByText('已催报过该部门，24 小时内不能重复催报')).toBeTruthy();
    expect(screen.getByRole('button', { name: '催报 赵县教育局' })).toBeTruthy();
  });

  it("gives the county administrator the new county's checklist with a link to each page", async () => {
    await renderHome(PRINCIPALS.tenantAdmin, SETUP_HOME);
    expect(await screen.findByText('开通清单（2025年度）')).toBeTruthy();
    expect(screen.getByText('3/6')).toBeTruthy();
    const deadline = document.querySelector('[data-step="deadline"]') as HTMLElement;
    expect(deadline.getAttribute('data-done')).toBe('false');
    expect(within(deadline).getByText('设置2025年度填报截止日期')).toBeTruthy();
    expect(within(deadline).getByRole('link', { name: '去设置' }).getAttribute('href')).toBe('/settings');
    const departments = document.querySelector('[data-step="departments"]') as HTMLElement;
    expect(within(departments).getByRole('link', { name: '查看' }).getAttribute('href')).toBe('/departments');
    expect(within(departments).getByLabelText('已完成')).toBeTruthy();
  });

  it('asks the platform administrator for nothing of a county', async () => {
    const calls = await renderHome(PRINCIPALS.platformAdmin, {});
    expect(await screen.findByText('您可以')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/api/home'))).toBe(false);
  });
});

describe('what a draft still lacks, in words', () => {
  it('names the fields to fill, the other failing checks and the open comments, or says it may be submitted', () => {
    expect(lacksText({ missing: 18, errors: 2, warnings: 0, openComments: 0 })).toBe(
      '还需填写 18 项，另有 2 处检查未通过',
    );
    expect(lacksText({ missing: 0, errors: 0, warnings: 3, openComments: 0 })).toBe('可以提交（3 条提示）');
    expect(lacksText({ missing: 0, errors: 0, warnings: 0, openComments: 0 })).toBe('可以提交');
    expect(lacksText({ missing: 0, errors: 0, warnings: 0, openComments: 1 })).toBe('1 条审核意见待处理');
  });
});
