import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { DEFAULT_GRADE_BANDS, type BudgetPart, type HeaderPart, type ReportPart } from '@evalflow/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { PartView, ReportView } from '../../../api/report-types';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { checksView, REPORT_ID, reportView } from '../../../test/report-fixtures';
import { ReportEditor } from './report-editor';
import { useLiveChecks } from './use-live-checks';
import { useReportDrafts } from './use-report-drafts';

const CHECKS = checksView();

function Harness({
  api,
  report,
  delay,
  enabled = true,
}: {
  api: ApiClient;
  report: ReportView;
  delay?: number;
  enabled?: boolean;
}) {
  const editor = useReportDrafts(api, report, enabled, () => undefined, delay);
  const live = useLiveChecks(api, report, editor.drafts, CHECKS, enabled);
  return (
    <ReportEditor
      kind={report.kind}
      template={report.template.definition}
      api={api}
      editor={editor}
      checks={live.checks}
      gradeBands={live.gradeBands}
    />
  );
}

const AMOUNTS = ['47', '0', '1', '2', '2.82', '5', '10', '10.336', '18.49'];

function draftReport(): ReportView {
  const report = reportView({ status: 'draft', availableActions: ['submit'] });
  const budget = report.parts.budget as PartView;
  const content = budget.content as BudgetPart;
  report.parts.budget = {
    ...budget,
    content: {
      ...content,
      expenditure: { ...content.expenditure, project: { budget: '178.646', actual: '150' } },
      lines: AMOUNTS.map((amount, i) => ({ name: `项目${i + 1}`, amount, spent: null, documentNumber: '' })),
    },
  };
  return report;
}

/** Answers GETs (settings) and part writes; `onPut` may throw to answer 412 or 400. */
function api(onPut: (call: FakeCall) => unknown = (call) => savedPart(call)) {
  return fakeApi((call) => {
    if (call.method === 'PUT') return onPut(call);
    if (call.path === '/settings') return { gradeBands: DEFAULT_GRADE_BANDS };
    throw new ApiError(404, { code: 'NOT_FOUND', message: '不存在' });
  });
}

function savedPart(call: FakeCall, version = 2): PartView & { reportVersion: number } {
  const part = call.path.split('/').pop() as ReportPart;
  return {
    part,
    version,
    content: call.body,
    updatedAt: '2025-04-02T06:30:00.000Z',
    updatedBy: '李编制',
    reportVersion: 8,
  };
}

function renderEditor(client: ApiClient, report = draftReport(), delay?: number) {
  render(
    <AntApp>
      <Harness api={client} report={report} delay={delay} />
    </AntApp>,
  );
}

const figure = (label: string) => document.querySelector(`[data-figure="${label}"]`)?.textContent;
const puts = (client: { calls: FakeCall[] }) => client.calls.filter((c) => c.method === 'PUT');
const header = (report: ReportView) => report.parts.header?.content as HeaderPart;
const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('ReportEditor', { timeout: 20_000 }, () => {
  afterEach(() => sessionStorage.clear());

  it('adds up the budget lines exactly and recomputes the execution rate as a line changes', async () => {
    renderEditor(api());
    await waitFor(() => expect(figure('项目预算明细合计')).toBe('96.646 万元'));
    const rate = '项目支出执行率（决算数 ÷ 年初预算数）';
    expect(figure(rate)).toBe('83.96%'); // 150 ÷ 178.646 = 83.9649…%

    fireEvent.change(textbox('项目预算明细第2行 年初预算数'), { target: { value: '82' } });
    // 47 + 82 + 1 + 2 + 2.82 + 5 + 10 + 10.336 + 18.49, in decimals, not floats
    expect(figure('项目预算明细合计')).toBe('178.646 万元');
    expect(figure('与年初项目预算差额')).toBe('0.00 万元');

    fireEvent.change(textbox('项目支出 决算数'), { target: { value: '178.646' } });
    expect(figure(rate)).toBe('100.00%');
    // shown with thousands separators while not being typed in
    fireEvent.change(textbox('项目支出 年初预算数'), { target: { value: '1234.5' } });
    expect(textbox('项目支出 年初预算数').value).toBe('1,234.50');
  });

  it('adds up the year’s income, spending, the lines’ 执行数 and the staff as they are typed', async () => {
    renderEditor(api());
    // 行政人员 7 of 8, 工勤人员 2 of 2
    await waitFor(() => expect(figure('年末实有人数（各类合计）')).toBe('9 人'));
    expect(figure('编制数合计')).toBe('10 人');
    fireEvent.change(screen.getByRole('spinbutton', { name: '人员构成第1类 实有人数' }), { target: { value: '8' } });
    expect(figure('年末实有人数（各类合计）')).toBe('10 人');

    expect(figure('人员经费 + 公用经费（年初预算数）')).toBeUndefined();
    fireEvent.change(textbox('人员经费 年初预算数'), { target: { value: '120.1' } });
    fireEvent.change(textbox('公用经费 年初预算数'), { target: { value: '30.15' } });
    expect(figure('人员经费 + 公用经费（年初预算数）')).toBe('150.25 万元');
    fireEvent.change(textbox('财政拨款收入 决算数'), { target: { value: '182.3' } });
    fireEvent.change(textbox('其他收入 决算数'), { target: { value: '1.2' } });
    expect(figure('财政拨款收入 + 其他收入（决算数）')).toBe('183.50 万元');

    // a line's 执行数 typed: the others are still missing
    fireEvent.change(textbox('项目预算明细第1行 执行数'), { target: { value: '47' } });
    expect(figure('各项目执行数合计')).toBe('—（有项目未填执行数）');
  });

  it('shows a rule error beside its field, lists it, and jumps to the field', async () => {
    renderEditor(api());
    const path = 'budget.expenditure.project.budget';
    const beside = await waitFor(() => {
      const node = document.querySelector(`[data-field-messages="${path}"]`);
      expect(node).not.toBeNull();
      return node as HTMLElement;
    });
    expect(beside.textContent).toMatch(/96\.646/);
    const total = textbox('项目支出 年初预算数');
    expect(total.getAttribute('aria-describedby')).toBe(beside.id);

    const list = screen.getByRole('list', { name: '错误列表' });
    fireEvent.click(
      within(list).getByRole('button', { name: /定位到（二）部门收支预决算情况 › 本年支出 · 项目支出 · 年初预算数/ }),
    );
    expect(document.activeElement).toBe(total);

    // fixing the line clears the error as it is typed
    fireEvent.change(textbox('项目预算明细第2行 年初预算数'), { target: { value: '82' } });
    expect(document.querySelector(`[data-field-messages="${path}"]`)).toBeNull();
  });

  it('saves a part once typing stops, naming the part version in If-Match', async () => {
    const client = api();
    renderEditor(client);
    fireEvent.change(await screen.findByRole('textbox', { name: '报告标题' }), {
      target: { value: '赵县总工会2024年度整体支出绩效自评报告' },
    });
    expect(puts(client)).toHaveLength(0);
    await act(() => new Promise((r) => setTimeout(r, 700)));
    expect(puts(client)).toHaveLength(0); // still within the debounce

    await waitFor(() => expect(puts(client)).toHaveLength(1), { timeout: 3000 });
    const [put] = puts(client);
    expect(put.path).toBe(`/reports/${REPORT_ID}/parts/header`);
    expect(put.headers['if-match']).toBe('"1"');
    expect((put.body as HeaderPart).title).toBe('赵县总工会2024年度整体支出绩效自评报告');
    expect(await screen.findByText(/已保存 \d\d:\d\d/)).toBeTruthy();
    expect(sessionStorage.length).toBe(0);
  });

  it('starts again from the server’s parts when the report becomes editable again (withdrawn, returned)', async () => {
    const client = api();
    const draft = draftReport();
    const { rerender } = render(
      <AntApp>
        <Harness api={client} report={draft} />
      </AntApp>,
    );
    const title = () => (screen.getByRole('textbox', { name: '报告标题' }) as HTMLInputElement).value;
    await screen.findByRole('textbox', { name: '报告标题' });
    const before = title();
    const submitted = { ...draft, status: 'submitted' as const };
    rerender(
      <AntApp>
        <Harness api={client} report={submitted} enabled={false} />
      </AntApp>,
    );
    const returned = reportView({ status: 'returned' });
    returned.parts.header = {
      ...(returned.parts.header as PartView),
      version: 3,
      content: { ...header(draft), title: '退回后由他人修改的标题' },
    };
    rerender(
      <AntApp>
        <Harness api={client} report={returned} />
      </AntApp>,
    );
    await waitFor(() => expect(title()).toBe('退回后由他人修改的标题'));
    expect(before).not.toBe('退回后由他人修改的标题');
  });

  describe('conflict', () => {
    const base = draftReport();
    const theirs: HeaderPart = { ...header(base), title: '他们的标题', policyIssuer: '赵县财政局' };
    const conflict = () =>
      new ApiError(412, {
        code: 'VERSION_MISMATCH',
        message: '数据已被他人修改',
        details: {
          currentVersion: 4,
          current: { version: 4, content: theirs, updatedBy: '张三', updatedAt: '2025-04-02T06:00:00.000Z' },
        },
      });

    /** The first save is refused as stale (412); the next one is taken as version 5. */
    const conflictThenSave = () => {
      let first = true;
      return api((call) => {
        if (first) {
          first = false;
          throw conflict();
        }
        return savedPart(call, 5);
      });
    };

    async function typeIntoStale(client: ApiClient) {
      renderEditor(client, draftReport(), 10);
      fireEvent.change(await screen.findByRole('textbox', { name: '报告标题' }), { target: { value: '我的标题' } });
      return screen.findByRole('dialog', undefined, { timeout: 3000 });
    }

    it('keeps my draft and shows both versions; keep mine saves over theirs with their version', async () => {
      const client = conflictThenSave();
      const dialog = await typeIntoStale(client);
      expect(within(dialog).getByText(/张三/, { selector: 'span' })).toBeTruthy();
      expect(within(dialog).getByText('他们的标题')).toBeTruthy();
      expect(within(dialog).getByText('我的标题')).toBeTruthy();
      expect((screen.getByRole('textbox', { name: '报告标题' }) as HTMLInputElement).value).toBe('我的标题');

      fireEvent.click(within(dialog).getByRole('button', { name: '保留我的版本' }));
      await waitFor(() => expect(puts(client)).toHaveLength(2));
      const again = puts(client)[1];
      expect(again.headers['if-match']).toBe('"4"');
      expect((again.body as HeaderPart).title).toBe('我的标题');
      expect((again.body as HeaderPart).policyIssuer).toBe(header(base).policyIssuer);
    });

    it('keep theirs replaces the local draft and saves nothing', async () => {
      const client = api(() => {
        throw conflict();
      });
      const dialog = await typeIntoStale(client);
      fireEvent.click(within(dialog).getByRole('button', { name: '采用对方版本' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect((screen.getByRole('textbox', { name: '报告标题' }) as HTMLInputElement).value).toBe('他们的标题');
      expect((screen.getByRole('textbox', { name: '依据文件发文机关' }) as HTMLInputElement).value).toBe('赵县财政局');
      await act(() => new Promise((r) => setTimeout(r, 50)));
      expect(puts(client)).toHaveLength(1);
    });

    it('merges field by field', async () => {
      const client = conflictThenSave();
      const dialog = await typeIntoStale(client);
      // 报告标题: mine (the default); 依据文件发文机关: theirs
      const issuer = within(dialog).getByRole('region', { name: '依据文件发文机关' });
      fireEvent.click(within(issuer).getByRole('radio', { name: '对方的' }));
      fireEvent.click(within(dialog).getByRole('button', { name: '按所选逐项合并' }));
      await waitFor(() => expect(puts(client)).toHaveLength(2));
      const merged = puts(client)[1];
      expect(merged.headers['if-match']).toBe('"4"');
      expect((merged.body as HeaderPart).title).toBe('我的标题');
      expect((merged.body as HeaderPart).policyIssuer).toBe('赵县财政局');
    });
  });
});
