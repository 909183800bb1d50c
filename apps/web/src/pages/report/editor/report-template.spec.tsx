import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import {
  DEFAULT_GRADE_BANDS,
  type Indicator,
  type ReportPart,
  type ScoreTablePart,
  type TemplateDefinition,
} from '@evalflow/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { PartView, ReportView } from '../../../api/report-types';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { libraryEntry } from '../../../test/library-fixtures';
import {
  checksView,
  defaultPinnedTemplate,
  EIGHT_PART_TEMPLATE,
  pinnedTemplate,
  PROJECT_REPORT_ID,
  projectReportView,
  reportView,
} from '../../../test/report-fixtures';
import { ReportContent } from '../report-content';
import { ErrorList } from './error-list';
import { ReportEditor } from './report-editor';
import { useLiveChecks } from './use-live-checks';
import { useReportDrafts } from './use-report-drafts';

function Harness({ api, report }: { api: ApiClient; report: ReportView }) {
  const editor = useReportDrafts(api, report, true, () => undefined, 10);
  const live = useLiveChecks(api, report, editor.drafts, checksView({ reportId: report.id }), true);
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

const ENTRY = libraryEntry();

/** Answers the county's settings (the default bands), the 指标库 and part writes. */
function api() {
  return fakeApi((call) => {
    if (call.method === 'PUT') {
      return {
        part: call.path.split('/').pop() as ReportPart,
        version: 2,
        content: call.body,
        updatedAt: '2025-04-02T06:30:00.000Z',
        updatedBy: '李编制',
        reportVersion: 8,
      };
    }
    if (call.path === '/settings') return { gradeBands: DEFAULT_GRADE_BANDS };
    if (call.path.startsWith('/indicator-library')) return { items: [ENTRY], nextCursor: null };
    throw new ApiError(404, { code: 'NOT_FOUND', message: '不存在' });
  });
}

const copy = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A template of the report's kind: the kind's default (or the eight-part one) with `change` applied. */
function templated(report: ReportView, change: (def: TemplateDefinition) => void, base = report.template) {
  const definition = copy(base.definition);
  change(definition);
  return { ...report, template: { ...base, definition } };
}

const draftProject = (overrides: Partial<ReportView> = {}) =>
  projectReportView({ status: 'draft', availableActions: ['submit'], ...overrides });

/** The project table with its score table changed. */
function withScoreTable(report: ReportView, change: (table: ScoreTablePart) => void): ReportView {
  const part = report.parts.scoreTable as PartView;
  const content = copy(part.content as ScoreTablePart);
  change(content);
  return { ...report, parts: { ...report.parts, scoreTable: { ...part, content } } };
}

function renderEditor(report: ReportView, client: ApiClient & { calls: FakeCall[] } = api()) {
  render(
    <AntApp>
      <Harness api={client} report={report} />
    </AntApp>,
  );
  return client;
}

const sections = () => [...document.querySelectorAll('section[id^="part-"]')].map((s) => s.getAttribute('aria-label'));
/** The parts' card titles (not the editor's 目录). */
const cardTitles = () =>
  [...document.querySelectorAll('section[id^="part-"] .ant-card-head-title')].map((t) => t.textContent);
const messagesAt = (path: string) => document.querySelector<HTMLElement>(`[data-field-messages="${path}"]`);
const computedAt = (path: string) => document.querySelector<HTMLElement>(`[data-computed-score="${path}"]`);
const figure = (label: string) => document.querySelector(`[data-figure="${label}"]`)?.textContent;
const textbox = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const puts = (client: { calls: FakeCall[] }) => client.calls.filter((c) => c.method === 'PUT');

const EIGHT_PARTS = [
  '标题与依据',
  '第一部分 部门概况',
  '第二部分 部门整体支出绩效目标',
  '第三部分 部门收支及预算执行情况',
  '第四部分 绩效自评工作开展情况',
  '第五部分 绩效目标完成情况',
  '第六部分 自评结论',
  '第七部分 存在问题及整改措施',
  '部门整体支出绩效自评表',
];

describe('the editor under the report’s template', { timeout: 60_000 }, () => {
  afterEach(() => sessionStorage.clear());

  it('orders and titles the parts as an eight-part template does, leaving out the part it omits', async () => {
    // the eight-part built-in without its 第八部分 评价工作组
    const report = templated(
      reportView({ status: 'draft', availableActions: ['submit'] }),
      (def) => {
        def.outline = def.outline.filter((node) => !node.sections.includes('team'));
      },
      pinnedTemplate(EIGHT_PART_TEMPLATE),
    );
    renderEditor(report);
    await screen.findByRole('region', { name: '第一部分 部门概况' });
    expect(sections()).toEqual(EIGHT_PARTS);
    expect(cardTitles()).toEqual(EIGHT_PARTS);
    // the 评价工作组 is neither edited nor checked (without the template it lacks its members)
    expect(document.getElementById('part-team')).toBeNull();
    // neither among the errors nor on the checklist of what remains
    const checklist = () => document.querySelector('[data-checklist="missing"]');
    await waitFor(() => expect(checklist()).not.toBeNull());
    expect(checklist()?.textContent).not.toContain('工作组');
    expect(document.querySelector('[aria-label="错误列表"]')?.textContent ?? '').not.toContain('工作组');
  });

  it('titles a part under two headings by both, and names its region and its errors by its own', async () => {
    renderEditor(reportView({ status: 'draft', availableActions: ['submit'] }));
    const budget = await screen.findByRole('region', { name: '（二）部门收支预决算情况' });
    expect(budget.querySelector('.ant-card-head-title')?.textContent).toBe(
      '一、部门基本情况 · （二）部门收支预决算情况',
    );
    expect(sections()).toEqual([
      '标题与依据',
      '（一）部门概况',
      '（二）部门收支预决算情况',
      '（三）部门整体支出绩效目标、指标',
      '二、自评工作开展情况',
      '三、部门整体支出绩效目标实现情况及指标分析',
      '四、评价结论和评价等级',
      '五、存在的问题及改进措施',
      '六、评价工作组人员名单及签字（姓名、工作单位、职务、职称）',
      '部门整体支出绩效自评表',
    ]);
  });

  it('runs the checks as the default template sets them: the lines must add up to the project budget', async () => {
    // the lines (60.156) do not add up to the 年初项目预算 (178.646)
    const base = reportView({ status: 'draft', availableActions: ['submit'] });
    renderEditor(base);
    const path = 'budget.expenditure.project.budget';
    await waitFor(() => expect(messagesAt(path)?.textContent).toMatch(/60\.156/));
  });

  it('runs the checks as the template sets them: a rule it switches off finds nothing', async () => {
    const off = templated(reportView({ status: 'draft', availableActions: ['submit'] }), (def) => {
      def.rules['budget.lines-sum-to-total'] = { enabled: false };
    });
    renderEditor(off);
    await waitFor(() => expect(figure('项目预算明细合计')).toBe('60.156 万元'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(messagesAt('budget.expenditure.project.budget')).toBeNull();
    expect(document.body.textContent).not.toContain('与填报的年初项目预算');
  });

  it('lists warnings after the errors as 提示, jumps to their field, and says under it how to fix it', async () => {
    // an error beyond what is missing (those are on the checklist): a score above its weight
    renderEditor(withScoreTable(draftProject(), (t) => (t.indicators[0].score = '51')));
    const warnings = await screen.findByRole('list', { name: '提示列表' });
    const errors = screen.getByRole('list', { name: '错误列表' });
    // errors first
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText(/还有 \d+ 处错误，改正后才能提交；另有 \d+ 处提示/)).toBeTruthy();
    const item = within(warnings)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('执行率为 75.00%')) as HTMLElement;
    expect(item.getAttribute('data-severity')).toBe('warning');
    expect(within(item).getByText(/提示/).closest('.ant-typography-warning')).not.toBeNull();

    fireEvent.click(within(item).getByRole('button', { name: '定位到项目资金和绩效指标 › 资金情况 · 执行偏差说明' }));
    const note = textbox('执行偏差说明');
    expect(document.activeElement).toBe(note);
    const beside = messagesAt('scoreTable.funding.deviationNote') as HTMLElement;
    expect(beside.textContent).toContain('低于 90%，请说明原因及改进措施');
    expect(beside.textContent).toContain('如何改正：在「偏差原因」中说明资金未执行的原因和改进措施');
    expect(note.getAttribute('aria-describedby')).toBe(beside.id);
  });

  it('shows beside each 得分 what the template’s scoring gives, and marks a stated score that differs', async () => {
    renderEditor(draftProject());
    // 320 ≥ 300: full marks; the 执行率 row as 执行率 × 分值 (45 ÷ 60 × 10)
    await waitFor(() => expect(computedAt('scoreTable.indicators.0.score')?.textContent).toBe('应得 50.00'));
    expect(computedAt('scoreTable.indicators.0.score')?.getAttribute('data-differs')).toBeNull();
    expect(computedAt('scoreTable.funding.score')?.textContent).toBe('应得 7.50');
    // not measured yet: nothing to compute
    expect(computedAt('scoreTable.indicators.1.score')).toBeNull();

    fireEvent.change(textbox('绩效指标第2个 实际完成值'), { target: { value: '81' } });
    // 81 ÷ 90 × 40
    await waitFor(() => expect(computedAt('scoreTable.indicators.1.score')?.textContent).toBe('应得 36.00'));
    fireEvent.change(textbox('绩效指标第2个 得分'), { target: { value: '38' } });
    const marked = computedAt('scoreTable.indicators.1.score') as HTMLElement;
    expect(marked.textContent).toBe('应得 36.00 · 与填报得分不同');
    expect(marked.getAttribute('data-differs')).toBe('true');
    fireEvent.mouseEnter(marked);
    expect(await screen.findByText('完成值 ÷ 指标值 × 分值')).toBeTruthy();
  });

  it('gives a qualitative indicator the range of its grade', async () => {
    const report = withScoreTable(draftProject(), (t) => {
      const second = t.indicators[1] as Indicator;
      t.indicators[1] = { ...second, nature: 'qualitative', target: '达成', unit: '', actual: '基本达成', score: '39' };
    });
    renderEditor(report);
    // 80 %–99 % of 40
    await waitFor(() => expect(computedAt('scoreTable.indicators.1.score')?.textContent).toBe('应得 32.00–39.60'));
  });

  it('shows the framework above the indicators: weights against the template’s, missing 二级, the cap', async () => {
    const report = templated(draftProject(), (def) => {
      def.framework.level1[0].requiredLevel2 = ['数量指标', '质量指标', '时效指标'];
      def.scoring.totalCaps = [{ rateBelow: '80', maxTotal: '89' }];
    });
    renderEditor(report);
    const framework = await screen.findByRole('group', { name: '本年度指标体系' });
    const tag = (name: string) => framework.querySelector<HTMLElement>(`[data-framework="${name}"]`) as HTMLElement;
    expect(tag('产出指标').textContent).toBe('产出指标 50 / 50');
    expect(tag('产出指标').getAttribute('data-flagged')).toBeNull();
    expect(tag('效益指标').textContent).toBe('效益指标 40 / 30');
    expect(tag('效益指标').getAttribute('data-flagged')).toBe('true');
    expect(tag('满意度指标').textContent).toBe('满意度指标 0 / 10');
    expect(tag('预算执行率').textContent).toBe('预算执行率 10 / 10');
    expect(framework.textContent).toContain('产出指标缺少二级指标：质量指标、时效指标');
    expect(framework.textContent).toContain('执行率 75.00%，按本年度规则总分不得超过 89 分');
    expect(figure('总分上限（按本年度执行率规则）')).toBe('89 分');

    // moving 10 points from 效益 to a new 满意度 row
    fireEvent.change(textbox('绩效指标第2个 分值'), { target: { value: '30' } });
    await waitFor(() => expect(tag('效益指标').textContent).toBe('效益指标 30 / 30'));
    expect(tag('效益指标').getAttribute('data-flagged')).toBeNull();
  });

  it('adds picked 指标库 entries as rows linked to the library', async () => {
    const client = renderEditor(draftProject());
    fireEvent.click(await screen.findByRole('button', { name: /从指标库选取/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: '选择「资金发放准确率」' }));
    fireEvent.click(within(dialog).getByRole('button', { name: /添加 1 项/ }));
    await waitFor(() => expect(textbox('绩效指标第3个 三级指标').value).toBe('资金发放准确率'));
    expect(textbox('绩效指标第3个 一级指标').value).toBe('产出指标');
    expect(textbox('绩效指标第3个 二级指标').value).toBe('质量指标');
    expect(textbox('绩效指标第3个 年度指标值').value).toBe('100');
    expect(textbox('绩效指标第3个 度量单位').value).toBe('%');
    expect(textbox('绩效指标第3个 佐证材料').value).toBe('银行代发明细');
    expect(textbox('绩效指标第3个 分值').value).toBe('');
    const tag = document.querySelector(`[data-library-entry="${ENTRY.id}"]`);
    expect(tag?.textContent).toBe('指标库');
    // the rows typed by hand carry no tag
    expect(document.querySelectorAll('[data-library-entry]')).toHaveLength(1);

    await waitFor(() => expect(puts(client).some((c) => c.path.endsWith('/parts/scoreTable'))).toBe(true));
    const saved = puts(client).find((c) => c.path === `/reports/${PROJECT_REPORT_ID}/parts/scoreTable`);
    const row = (saved?.body as ScoreTablePart).indicators[2];
    expect(row).toEqual({
      level1: '产出指标',
      level2: '质量指标',
      level3: '资金发放准确率',
      nature: '=',
      target: '100',
      unit: '%',
      actual: '',
      weight: null,
      score: null,
      deviationNote: '',
      evidence: '银行代发明细',
      libraryEntryId: ENTRY.id,
    });
  });

  it('offers the template’s own grades in the 评价等级 select and names the computed grade by them', async () => {
    const report = templated(draftProject(), (def) => {
      def.gradeBands = [
        { grade: 'excellent', label: '优秀', min: '90' },
        { grade: 'good', label: '良好', min: '80' },
        { grade: 'fair', label: '合格', min: '60' },
        { grade: 'poor', label: '不合格', min: '0' },
      ];
    });
    renderEditor(report);
    // 57.50 under the template's bands, not the county's 差
    await waitFor(() => expect(figure('对应评价等级')).toBe('不合格'));
    await act(async () => {
      fireEvent.mouseDown(screen.getByRole('combobox', { name: '评价等级' }));
    });
    const shown = () => [...document.querySelectorAll('.ant-select-item-option-content')].map((o) => o.textContent);
    await waitFor(() => expect(shown()).toEqual(['优秀', '良好', '合格', '不合格']));
  });
});

describe('the error list', () => {
  it('with warnings only, says they do not block submitting', () => {
    render(
      <ErrorList
        kind="project"
        problems={[]}
        findings={[
          {
            ruleId: 'scoreTable.low-execution-explained',
            severity: 'warning',
            title: '执行率低于规定比例时说明原因',
            path: 'scoreTable.funding.deviationNote',
            message: '执行率为 75.00%，低于 90%，请说明原因及改进措施',
            remedy: '在「偏差原因」中说明资金未执行的原因和改进措施',
          },
        ]}
      />,
    );
    expect(screen.getByText('有 1 处提示（不阻止提交）')).toBeTruthy();
    expect(document.querySelector('.ant-alert-warning')).not.toBeNull();
    expect(screen.queryByRole('list', { name: '错误列表' })).toBeNull();
    expect(within(screen.getByRole('list', { name: '提示列表' })).getByRole('button').textContent).toBe(
      '项目资金和绩效指标 › 资金情况 · 执行偏差说明',
    );
  });
});

describe('the read-only report', { timeout: 60_000 }, () => {
  /** The report read-only, without threads or the right to start one. */
  const renderContent = (report: ReportView) =>
    render(
      <AntApp>
        <ReportContent
          api={api()}
          report={report}
          checks={checksView()}
          threads={[]}
          canStart={false}
          onThreadChange={() => undefined}
          canReply={false}
          canResolve={false}
        />
      </AntApp>,
    );

  it('shows the parts as the template orders and titles them', async () => {
    renderContent({ ...reportView(), template: pinnedTemplate(EIGHT_PART_TEMPLATE) });
    expect(sections()).toEqual([...EIGHT_PARTS.slice(0, 8), '第八部分 评价工作组', EIGHT_PARTS[8]]);
    expect(cardTitles()).toEqual(sections());
  });

  it('follows the kind’s default for a template of another kind', () => {
    renderContent({ ...draftProject(), template: defaultPinnedTemplate('department_overall') });
    expect(sections()).toEqual(['项目基本信息', '年度总体目标', '项目资金和绩效指标', '总分和评价等级', '填报信息']);
  });
});
