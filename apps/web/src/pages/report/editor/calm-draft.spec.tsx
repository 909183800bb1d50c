import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { DEFAULT_GRADE_BANDS, emptyReportContent, splitContent } from '@evalflow/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { ReportView } from '../../../api/report-types';
import { fakeApi } from '../../../test/fake-api';
import { checksView, reportView } from '../../../test/report-fixtures';
import { pathOfFieldId, wasLeft } from './calm-findings';
import { ReportEditor } from './report-editor';
import { useLiveChecks } from './use-live-checks';
import { useReportDrafts } from './use-report-drafts';

const CHECKS = checksView();

function Harness({ api, report, triedToSubmit }: { api: ApiClient; report: ReportView; triedToSubmit?: boolean }) {
  const editor = useReportDrafts(api, report, true, () => undefined);
  const live = useLiveChecks(api, report, editor.drafts, CHECKS, true);
  return (
    <ReportEditor
      kind={report.kind}
      template={report.template.definition}
      api={api}
      editor={editor}
      checks={live.checks}
      gradeBands={live.gradeBands}
      triedToSubmit={triedToSubmit}
    />
  );
}

const client = () =>
  fakeApi((call) => {
    if (call.path === '/settings') return { gradeBands: DEFAULT_GRADE_BANDS };
    throw new ApiError(404, { code: 'NOT_FOUND', message: '不存在' });
  });

/** A new draft as POST /api/reports makes it: nothing but the department, the year and the title filled in. */
function freshDraft(): ReportView {
  const report = reportView({ status: 'draft', availableActions: ['submit'] });
  const content = emptyReportContent({ departmentName: report.departmentName, fiscalYear: report.fiscalYear });
  for (const { part, content: value } of splitContent(content)) {
    report.parts[part] = { ...(report.parts[part] as NonNullable<ReportView['parts'][typeof part]>), content: value };
  }
  return report;
}

function renderDraft(triedToSubmit?: boolean) {
  const api = client();
  const view = render(
    <AntApp>
      <Harness api={api} report={freshDraft()} triedToSubmit={triedToSubmit} />
    </AntApp>,
  );
  return { api, view };
}

const checklist = () => document.querySelector('[data-checklist="missing"]') as HTMLElement;
const fieldErrors = () => document.querySelectorAll('[data-field-messages] [data-severity="error"]');
const messagesOf = (path: string) => document.querySelector(`[data-field-messages="${path}"]`);

describe('a calm new draft', { timeout: 30_000 }, () => {
  afterEach(() => sessionStorage.clear());

  it('lists what is still to fill in as a checklist, with no errors in red, until a field is left', async () => {
    renderDraft();
    await waitFor(() => expect(screen.getByText(/^还需填写 \d+ 项$/)).toBeTruthy());
    const items = within(checklist()).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(5);
    expect(checklist().closest('.ant-alert-info')).not.toBeNull();
    expect(within(checklist()).getByRole('button', { name: /自评的组织工作/ })).toBeTruthy();
    // nothing is wrong yet: no error under any field, no 「还有 N 处错误」
    expect(fieldErrors()).toHaveLength(0);
    expect(screen.queryByText(/还有 \d+ 处错误/)).toBeNull();

    // leaving a required field empty: now it says so under the field
    const organization = screen.getByRole('textbox', { name: '自评组织工作' });
    fireEvent.focus(organization);
    fireEvent.blur(organization);
    await waitFor(() =>
      expect(messagesOf('selfEvaluation.organization')?.textContent).toContain('请填写自评的组织工作'),
    );
    expect(fieldErrors()).toHaveLength(1);
  });

  it('jumps from a checklist item to its field and puts the cursor there', async () => {
    renderDraft();
    await waitFor(() => expect(checklist()).not.toBeNull());
    fireEvent.click(within(checklist()).getByRole('button', { name: /自评的方法和过程/ }));
    expect(document.activeElement?.id).toBe('field-selfEvaluation-methodAndProcess');
  });

  it('shows every missing field as an error once the user tried to submit', async () => {
    renderDraft(true);
    await waitFor(() => expect(screen.getByText(/^还需填写 \d+ 项，填写后才能提交$/)).toBeTruthy());
    expect(checklist().closest('.ant-alert-error')).not.toBeNull();
    expect(messagesOf('selfEvaluation.organization')?.textContent).toContain('请填写自评的组织工作');
    expect(fieldErrors().length).toBe(within(checklist()).getAllByRole('listitem').length);
  });

  it('offers a skip link and a table of contents with each part’s state', async () => {
    renderDraft();
    const nav = await screen.findByRole('navigation', { name: '报告目录' });
    const entries = [...nav.querySelectorAll('[data-part-state]')];
    const stateOf = (title: RegExp) =>
      entries.find((e) => title.test(e.textContent ?? ''))?.getAttribute('data-part-state');
    await waitFor(() => expect(stateOf(/二、自评工作开展情况/)).toBe('todo'));
    expect(entries.find((e) => /二、自评工作开展情况/.test(e.textContent ?? ''))?.textContent).toContain('待填');
    // the header is filled in by the system: 完成
    expect(stateOf(/封面|标题|报告/)).toBeDefined();
    expect(entries.some((e) => e.getAttribute('data-part-state') === 'done')).toBe(true);

    fireEvent.click(within(nav).getByRole('link', { name: /二、自评工作开展情况/ }));
    expect(document.activeElement?.id).toBe('part-selfEvaluation');

    const skip = screen.getByRole('link', { name: '跳到正文' });
    // before the table of contents and the checklist: the first thing the keyboard meets
    expect(skip.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(skip);
    expect(document.activeElement?.tagName).toBe('SECTION');
  });

  it('puts the cursor in a paragraph or a row just added', async () => {
    renderDraft();
    const functions = await screen.findByRole('group', { name: '部门职能' });
    fireEvent.click(within(functions).getByRole('button', { name: /添加一段/ }));
    await waitFor(() => expect(document.activeElement?.id).toMatch(/^field-basicInfo-functions-\d+$/));

    const goals = screen.getByRole('group', { name: '绩效目标' });
    fireEvent.click(within(goals).getByRole('button', { name: /添加/ }));
    await waitFor(() => expect(document.activeElement?.id).toMatch(/^field-goals-items-\d+-/));
  });

  it('reads a field’s path back from its DOM id, and knows a row was left through its cells', () => {
    expect(pathOfFieldId('field-budget-lines-2-amount')).toBe('budget.lines.2.amount');
    expect(pathOfFieldId('rc-select-1')).toBeNull();
    expect(wasLeft('basicInfo.functions', new Set(['basicInfo.functions.0']))).toBe(true);
    expect(wasLeft('basicInfo.functions', new Set(['basicInfo.functionsX']))).toBe(false);
  });
});
