import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TemplateDefinition } from '@evalflow/domain';
import type { TemplateDetail } from '../../api/template-types';
import type { Session } from '../../auth/session';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import {
  COUNTY_DEFINITION,
  COUNTY_DETAIL,
  buttonNamed,
  detailResponse,
  findDialog,
  NOW,
  stubApi,
  type SentRequest,
} from './template-fixtures';
import { TemplateEditorPage } from './template-editor-page';

const DETAIL_PATH = `/templates/${COUNTY_DETAIL.id}`;

/** Answers the template's detail (`detail()` each time it is asked) and, through `other`, the rest. */
function answer(detail: () => TemplateDetail, other: (request: SentRequest) => Response | undefined = () => undefined) {
  return stubApi((request) => {
    if (request.method === 'GET' && request.path === DETAIL_PATH) return detailResponse(detail());
    if (request.path.startsWith('/templates/publications?')) return jsonResponse([]);
    return other(request);
  });
}

function renderEditor(session: Session) {
  renderWithSession(
    <Routes>
      <Route path="/templates/:id" element={<TemplateEditorPage now={NOW} />} />
    </Routes>,
    session,
    DETAIL_PATH,
  );
}

async function openTab(name: RegExp) {
  const tab = await screen.findByRole('tab', { name }, { timeout: 10_000 });
  await act(async () => {
    fireEvent.click(tab);
  });
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

const saveButton = () => buttonNamed('保存草稿') as HTMLButtonElement;

/** The definition a PUT of the draft sent. */
const sentDefinition = (request: SentRequest | undefined) =>
  (request?.body as { definition: TemplateDefinition } | undefined)?.definition;

const withWeights = (output: string, benefit: string): TemplateDefinition => ({
  ...COUNTY_DEFINITION,
  framework: {
    ...COUNTY_DEFINITION.framework,
    level1: COUNTY_DEFINITION.framework.level1.map((l, i) =>
      i === 0 ? { ...l, weight: output } : i === 1 ? { ...l, weight: benefit } : l,
    ),
  },
});

describe('报告模板 editor', { timeout: 30_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('shows weights that do not total 100 under the framework, and does not save them', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    const { sent } = answer(() => COUNTY_DETAIL);
    renderEditor(session);

    await openTab(/指标体系/);
    type('产出指标 分值', '40');

    const total = screen.getByRole('region', { name: '分值合计' });
    expect(total.textContent).toContain('90 分');
    expect(total.textContent).toContain(
      '各一级指标与预算执行率的分值合计 90 分（预算执行率 10 + 产出指标 40 + 效益指标 30 + 满意度指标 10），应为 100 分',
    );
    // counted on the tab and listed on top
    expect(screen.getByRole('tab', { name: /指标体系（1）/ })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '需要修改的项' })).getByText(/应为 100 分/)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(saveButton());
    expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('saves a changed weight with If-Match of the draft, then the next save with the new version', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    let version = 3;
    const { sent } = answer(
      () => COUNTY_DETAIL,
      (request) => {
        if (request.method !== 'PUT' || request.path !== `${DETAIL_PATH}/draft`) return undefined;
        version += 1;
        const definition = sentDefinition(request) as TemplateDefinition;
        return detailResponse({
          ...COUNTY_DETAIL,
          draft: { version, updatedAt: '2025-05-03T02:01:00.000Z' },
          draftDefinition: definition,
        });
      },
    );
    renderEditor(session);

    await openTab(/指标体系/);
    expect(saveButton().disabled).toBe(true);
    type('产出指标 分值', '40');
    type('效益指标 分值', '40');
    expect(screen.getByRole('region', { name: '分值合计' }).textContent).toContain('100 分');
    expect(screen.getByText('有未保存的修改')).toBeTruthy();
    await act(async () => {
      fireEvent.click(saveButton());
    });

    await waitFor(() => expect(screen.queryByText('有未保存的修改')).toBeNull());
    const first = sent.find((r) => r.method === 'PUT');
    expect(first?.path).toBe(`${DETAIL_PATH}/draft`);
    expect(first?.headers.get('if-match')).toBe('"3"');
    expect(sentDefinition(first)).toEqual(withWeights('40', '40'));

    type('满意度指标 分值', '5');
    type('预算执行率 分值', '15');
    await act(async () => {
      fireEvent.click(saveButton());
    });
    await waitFor(() => expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(sent.filter((r) => r.method === 'PUT')[1].headers.get('if-match')).toBe('"4"');
  });

  it('sets how the finance re-score counts: a weight refused out of (0, 1], saved when right', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    const { sent } = answer(
      () => COUNTY_DETAIL,
      (request) =>
        request.method === 'PUT'
          ? detailResponse({
              ...COUNTY_DETAIL,
              draft: { version: 4, updatedAt: null },
              draftDefinition: sentDefinition(request) ?? null,
            })
          : undefined,
    );
    renderEditor(session);

    await openTab(/评价等级/);
    // a template without the setting replaces
    expect((screen.getByRole('radio', { name: '复核得分替换自评得分' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /按权重加权/ }));
    type('复核得分权重', '1.5');
    expect(await screen.findByText('复核得分权重应为大于 0、不超过 1 的小数，最多 4 位小数，如 0.6')).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    type('复核得分权重', '0.6');
    await act(async () => {
      fireEvent.click(saveButton());
    });
    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true));
    expect(sentDefinition(sent.find((r) => r.method === 'PUT'))?.rescoring).toEqual({
      mode: 'weighted',
      weight: '0.6',
    });
  });

  it("starts a template's own grade bands from the county's, with its labels", async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    const countyBands = [
      { grade: 'excellent', label: '优秀', min: '90' },
      { grade: 'good', label: '良好', min: '80' },
      { grade: 'fair', label: '合格', min: '60' },
      { grade: 'poor', label: '不合格', min: '0' },
    ];
    answer(
      () => COUNTY_DETAIL,
      (request) => (request.path === '/settings' ? jsonResponse({ gradeBands: countyBands, version: 3 }) : undefined),
    );
    renderEditor(session);

    await openTab(/评价等级/);
    // offered once the county's bands have arrived
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: '本模板自定义等级' }) as HTMLInputElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('radio', { name: '本模板自定义等级' }));
    const labels = await screen.findAllByLabelText(/的显示名称$/);
    expect(labels.map((input) => (input as HTMLInputElement).value)).toEqual(['优秀', '良好', '合格', '不合格']);
  });

  it('starts a draft from the latest version with If-Match "0" when there is none', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    const published: TemplateDetail = { ...COUNTY_DETAIL, draft: null, draftDefinition: null };
    const { sent } = answer(
      () => published,
      (request) =>
        request.method === 'PUT'
          ? detailResponse({
              ...published,
              draft: { version: 1, updatedAt: null },
              draftDefinition: sentDefinition(request) ?? null,
            })
          : undefined,
    );
    renderEditor(session);

    expect(await screen.findByText(/当前没有草稿：显示已发布的第 1 版/, undefined, { timeout: 10_000 })).toBeTruthy();
    type('模板名称', '赵县部门整体支出绩效自评报告（2026年度）');
    await act(async () => {
      fireEvent.click(saveButton());
    });
    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true));
    const put = sent.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"0"');
    expect(sentDefinition(put)?.name).toBe('赵县部门整体支出绩效自评报告（2026年度）');
  });

  it("shows the server's TEMPLATE_INVALID problems under their fields", async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    answer(
      () => COUNTY_DETAIL,
      (request) =>
        request.method === 'PUT'
          ? errorResponse(400, 'TEMPLATE_INVALID', '模板设置不正确，请检查标出的项', {
              problems: [{ path: 'document.titlePattern', message: '标题格式须包含 {部门}' }],
            })
          : undefined,
    );
    renderEditor(session);

    await openTab(/评价等级/);
    fireEvent.click(screen.getByRole('radio', { name: '本模板自定义等级' }));
    await act(async () => {
      fireEvent.click(saveButton());
    });

    // the editor turns to the field's tab and marks it
    const field = await screen.findByLabelText('报告标题格式');
    const item = field.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item.textContent).toContain('标题格式须包含 {部门}'));
    expect(screen.getByRole('tab', { name: /基本信息与文档（1）/ })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: '需要修改的项' })).getByText(/标题格式须包含/)).toBeTruthy();
    // a change clears what the server said about the definition it refused
    type('报告标题格式', '{部门}{年度}年度整体支出绩效自评报告');
    await waitFor(() => expect(item.textContent).not.toContain('标题格式须包含 {部门}'));
  });

  it('tells the user when someone else saved first, and reloads on request', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    let latest = COUNTY_DETAIL;
    const { sent } = answer(
      () => latest,
      (request) => {
        if (request.method !== 'PUT') return undefined;
        latest = {
          ...COUNTY_DETAIL,
          name: '他人改过的名称',
          draft: { version: 4, updatedAt: null },
          draftDefinition: { ...COUNTY_DEFINITION, name: '他人改过的名称' },
        };
        return errorResponse(412, 'VERSION_MISMATCH', '数据已被他人修改，请查看最新内容后再提交');
      },
    );
    renderEditor(session);

    await openTab(/基本信息与文档/);
    type('模板名称', '我的名称');
    await act(async () => {
      fireEvent.click(saveButton());
    });
    const alert = await screen.findByText('模板已被他人修改');
    const box = alert.closest('.ant-alert') as HTMLElement;
    await act(async () => {
      fireEvent.click(buttonNamed('重新载入', box) as HTMLElement);
    });
    await waitFor(() => expect((screen.getByLabelText('模板名称') as HTMLInputElement).value).toBe('他人改过的名称'));
    expect(sent.filter((r) => r.method === 'GET' && r.path === DETAIL_PATH)).toHaveLength(2);
    expect(screen.queryByText('模板已被他人修改')).toBeNull();
  });

  it('publishes the draft to a year with If-Match, saying that reports already created keep their version', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    let detail = COUNTY_DETAIL;
    const { sent } = answer(
      () => detail,
      (request) => {
        if (request.method !== 'POST' || request.path !== `${DETAIL_PATH}/publish`) return undefined;
        detail = {
          ...COUNTY_DETAIL,
          draft: null,
          draftDefinition: null,
          latestVersion: { id: 'ver-county-2', version: 2, publishedAt: '2025-05-03T02:05:00.000Z' },
        };
        return jsonResponse({
          version: { id: 'ver-county-2', version: 2 },
          publication: { fiscalYear: 2025, kind: 'department_overall', versionId: 'ver-county-2' },
          existingReports: 5,
        });
      },
    );
    renderEditor(session);

    const open = await waitFor(
      () => {
        const found = buttonNamed('发布到年度');
        expect(found).toBeTruthy();
        return found as HTMLElement;
      },
      { timeout: 10_000 },
    );
    await act(async () => {
      fireEvent.click(open);
    });
    const dialog = await findDialog('发布到年度');
    expect(dialog.textContent).toContain('该年度已经创建的报告保持创建时所依据的模板版本');
    const year = within(dialog).getByLabelText('年度') as HTMLInputElement;
    expect(year.value).toBe('2024');
    fireEvent.change(year, { target: { value: '2025' } });
    await act(async () => {
      fireEvent.click(buttonNamed('发布', dialog) as HTMLElement);
    });

    expect(await screen.findByText(/已发布为第 2 版，2025 年度此后新建的报告按此版本填报/)).toBeTruthy();
    expect(screen.getByText('该年度已创建的 5 份报告保持创建时的模板版本。')).toBeTruthy();
    const post = sent.find((r) => r.method === 'POST' && r.path === `${DETAIL_PATH}/publish`);
    expect(post?.body).toEqual({ fiscalYear: 2025 });
    expect(post?.headers.get('if-match')).toBe('"3"');
  });

  it('is read-only for a finance reviewer', async () => {
    session = await signedInSession(meFor(PRINCIPALS.financeReviewer));
    answer(() => COUNTY_DETAIL);
    renderEditor(session);

    expect(await screen.findByText('只读：模板由县级管理员维护', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(buttonNamed('保存草稿')).toBeUndefined();
    expect(buttonNamed('发布到年度')).toBeUndefined();
    expect(buttonNamed('复制')).toBeUndefined();
    expect((screen.getByLabelText('模板名称') as HTMLInputElement).disabled).toBe(true);
    await openTab(/指标体系/);
    expect((screen.getByLabelText('产出指标 分值') as HTMLInputElement).disabled).toBe(true);
    expect(buttonNamed('添加一级指标')).toBeUndefined();
  });
});
