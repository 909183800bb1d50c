import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { DEFAULT_GRADE_BANDS, type ProjectInfoPart, type ReportPart } from '@evalflow/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { ReportView } from '../../../api/report-types';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { checksView, PROJECT, PROJECT_REPORT_ID, projectReportView } from '../../../test/report-fixtures';
import { ReportEditor } from './report-editor';
import { useLiveChecks } from './use-live-checks';
import { useReportDrafts } from './use-report-drafts';

const CHECKS = checksView({ reportId: PROJECT_REPORT_ID });
/** The county writes 优秀 and 良好. */
const BANDS = DEFAULT_GRADE_BANDS.map((b) =>
  b.grade === 'excellent' ? { ...b, label: '优秀' } : b.grade === 'good' ? { ...b, label: '良好' } : b,
);

function Harness({ api, report }: { api: ApiClient; report: ReportView }) {
  const editor = useReportDrafts(api, report, true, () => undefined, 10);
  const live = useLiveChecks(api, report, editor.drafts, CHECKS, true);
  return (
    <ReportEditor
      kind={report.kind}
      template={report.template.definition}
      api={api}
      editor={editor}
      checks={live.checks}
      gradeBands={live.gradeBands}
      gradeBandsReady={live.gradeBandsReady}
    />
  );
}

/** Answers the settings and part writes; `onPut` may throw to answer 409 or 400. */
function api(onPut: (call: FakeCall) => unknown = saved) {
  return fakeApi((call) => {
    if (call.method === 'PUT') return onPut(call);
    if (call.path === '/settings') return { gradeBands: BANDS };
    throw new ApiError(404, { code: 'NOT_FOUND', message: '不存在' });
  });
}

function saved(call: FakeCall) {
  return {
    part: call.path.split('/').pop() as ReportPart,
    version: 2,
    content: call.body,
    updatedAt: '2025-04-02T06:30:00.000Z',
    updatedBy: '李编制',
    reportVersion: 8,
  };
}

function renderEditor(client: ApiClient) {
  render(
    <AntApp>
      <Harness api={client} report={projectReportView({ status: 'draft', availableActions: ['submit'] })} />
    </AntApp>,
  );
}

const figure = (label: string) => document.querySelector(`[data-figure="${label}"]`)?.textContent;
const messagesAt = (path: string) => document.querySelector<HTMLElement>(`[data-field-messages="${path}"]`);
const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const puts = (client: { calls: FakeCall[] }) => client.calls.filter((c) => c.method === 'PUT');

describe('the editor of a 项目支出绩效自评表', { timeout: 30_000 }, () => {
  afterEach(() => sessionStorage.clear());

  it('opens as the table’s parts, in the order of the form', async () => {
    renderEditor(api());
    await screen.findByRole('region', { name: '项目基本信息' });
    const parts = [...document.querySelectorAll('section[id^="part-"]')].map((s) => s.getAttribute('aria-label'));
    expect(parts).toEqual(['项目基本信息', '年度总体目标', '项目资金和绩效指标', '总分和评价等级', '填报信息']);
    expect(textbox('项目编码').value).toBe(PROJECT.code);
    expect(textbox('目标第1项 预期目标').value).toBe('帮扶困难职工 300 户');
    expect(textbox('年度资金总额 全年预算数').value).toBe('60.00');
    // none of the 部门整体 report's parts
    expect(screen.queryByRole('region', { name: '（二）部门收支预决算情况' })).toBeNull();
  });

  it('lists the missing 实际完成值 on the checklist, jumps to it, shows it under the field once left and clears it once typed', async () => {
    renderEditor(api());
    const path = 'scoreTable.indicators.1.actual';
    const checklist = await waitFor(() => {
      const node = document.querySelector<HTMLElement>('[data-checklist="missing"]');
      expect(node).not.toBeNull();
      return node as HTMLElement;
    });
    // a checklist item, not an error: nothing under the field yet
    expect(messagesAt(path)).toBeNull();
    fireEvent.click(within(checklist).getByRole('button', { name: '第 2 个指标的实际完成值' }));
    const input = textbox('绩效指标第2个 实际完成值');
    expect(document.activeElement).toBe(input);

    // left empty: now it is said under the field
    fireEvent.blur(input);
    const beside = await waitFor(() => {
      const node = messagesAt(path);
      expect(node).not.toBeNull();
      return node as HTMLElement;
    });
    expect(beside.textContent).toContain('请填写第 2 个指标的实际完成值');
    expect(input.getAttribute('aria-describedby')).toBe(beside.id);

    fireEvent.change(input, { target: { value: '96' } });
    expect(messagesAt(path)).toBeNull();
    await waitFor(() =>
      expect(document.querySelector('[data-checklist="missing"]')?.textContent ?? '').not.toContain(
        '第 2 个指标的实际完成值',
      ),
    );
  });

  it('computes 执行率, the 预算执行率 score, 总分 and the county’s grade as the table is typed', async () => {
    renderEditor(api());
    // 45 ÷ 60 = 75%; 75% × 10 = 7.50; 7.5 + 50 + (not yet scored) = 57.50
    await waitFor(() => expect(figure('执行率（全年执行数 ÷ 全年预算数）')).toBe('75.00%'));
    expect(figure('预算执行率得分（执行率 × 分值）')).toBe('7.50 分');
    expect(figure('分值合计')).toBe('100.00 分');
    expect(figure('总分（各项得分之和）')).toBe('57.50 分');
    expect(figure('对应评价等级')).toBe('差');

    fireEvent.change(textbox('年度资金总额 全年执行数'), { target: { value: '57.3' } });
    // 57.3 ÷ 60 = 95.5%; × 10 = 9.55
    expect(figure('执行率（全年执行数 ÷ 全年预算数）')).toBe('95.50%');
    expect(figure('预算执行率得分（执行率 × 分值）')).toBe('9.55 分');

    fireEvent.change(textbox('预算执行率得分'), { target: { value: '9.55' } });
    fireEvent.change(textbox('绩效指标第2个 得分'), { target: { value: '36.45' } });
    // 9.55 + 50 + 36.45 = 96.00, in the county's words
    await waitFor(() => expect(figure('总分（各项得分之和）')).toBe('96.00 分'));
    expect(figure('对应评价等级')).toBe('优秀');
  });

  it('offers the county’s grades in the 评价等级 select', async () => {
    renderEditor(api());
    await waitFor(() => expect(figure('对应评价等级')).toBe('差'));
    const grade = screen.getByRole('combobox', { name: '评价等级' });
    await act(async () => {
      fireEvent.mouseDown(grade);
    });
    // the shown options (the listbox's role="option" items are antd's hidden copies of the values)
    const shown = () => [...document.querySelectorAll('.ant-select-item-option-content')].map((o) => o.textContent);
    await waitFor(() => expect(shown()).toEqual(['优秀', '良好', '中', '差']));
    expect(screen.getByTitle('90 分及以上')).toBeTruthy();
  });

  it('never offers the national 优/良/中/差 while the county’s grades are still loading', async () => {
    let answer: (bands: unknown) => void = () => undefined;
    const settings = new Promise((resolve) => (answer = resolve));
    renderEditor(
      fakeApi((call) => {
        if (call.path === '/settings') return settings;
        if (call.method === 'PUT') return saved(call);
        throw new ApiError(404, { code: 'NOT_FOUND', message: '不存在' });
      }),
    );
    const grade = await screen.findByRole('combobox', { name: '评价等级' });
    expect(grade.closest('.ant-select')?.className).toContain('ant-select-disabled');
    expect(screen.getByText('正在读取本县的评价等级…')).toBeTruthy();
    await act(async () => answer({ gradeBands: BANDS }));
    await waitFor(() => expect(grade.closest('.ant-select')?.className).not.toContain('ant-select-disabled'));
    await act(async () => {
      fireEvent.mouseDown(grade);
    });
    const shown = () => [...document.querySelectorAll('.ant-select-item-option-content')].map((o) => o.textContent);
    await waitFor(() => expect(shown()).toEqual(['优秀', '良好', '中', '差']));
  });

  it('refuses a 项目编码 the domain refuses under its field, and saves a valid one with If-Match', async () => {
    const client = api();
    renderEditor(client);
    fireEvent.change(await screen.findByRole('textbox', { name: '项目编码' }), { target: { value: '帮扶 2024' } });
    await waitFor(() => expect(messagesAt('projectInfo.code')?.textContent).toContain('项目编码应为 1–50 位字母'));
    expect(puts(client)).toHaveLength(0);

    fireEvent.change(textbox('项目编码'), { target: { value: '13013324T000000099999' } });
    await waitFor(() => expect(puts(client)).toHaveLength(1));
    const [put] = puts(client);
    expect(put.path).toBe(`/reports/${PROJECT_REPORT_ID}/parts/projectInfo`);
    expect(put.headers['if-match']).toBe('"1"');
    expect((put.body as ProjectInfoPart).code).toBe('13013324T000000099999');
  });

  it('says under 项目编码 when another table of the year has that code', async () => {
    const client = api(() => {
      throw new ApiError(409, {
        code: 'REPORT_EXISTS',
        message: '本部门本年度已有项目编码为 13013324T000000000098 的项目支出绩效自评表，不能改用这个编码',
        details: { reportId: 'other-table', path: 'projectInfo.code' },
      });
    });
    renderEditor(client);
    fireEvent.change(await screen.findByRole('textbox', { name: '项目编码' }), {
      target: { value: '13013324T000000000098' },
    });
    await waitFor(() => expect(messagesAt('projectInfo.code')?.textContent).toContain('不能改用这个编码'));
    expect(screen.getByText(/还有 \d+ 处错误/)).toBeTruthy();
  });
});
