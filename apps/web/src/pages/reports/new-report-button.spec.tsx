import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { PROJECT_CODE_MESSAGE, REPORT_IMPORT_MAX_BYTES } from '@evalflow/domain';
import { useState } from 'react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { UNION } from '../../test/session-fixtures';
import { summary } from '../dashboard/dashboard-fixtures';
import { takeHandedImport } from '../report/score-sheet/handed-import';
import { NewReportButton } from './new-report-button';

// 2025-05-03: the year evaluated this spring is 2024, last year's projects are of 2023
const NOW = new Date('2025-05-03T02:00:00.000Z');

const LAST_YEAR = [
  summary(UNION.id, UNION.name, {
    id: 'p-2023-1',
    fiscalYear: 2023,
    kind: 'project',
    projectCode: '13013323T000000000098',
    projectName: '困难职工帮扶救助专项资金',
    status: 'approved',
  }),
  summary(UNION.id, UNION.name, {
    id: 'p-2023-2',
    fiscalYear: 2023,
    kind: 'project',
    projectCode: '13013323T000000000101',
    projectName: '职工书屋建设',
    status: 'returned',
  }),
];

/** Answers last year's project tables and new reports; `onCreate` may throw (409, 400). */
function api(onCreate: (call: FakeCall) => unknown = () => ({ id: 'new-report' })) {
  return fakeApi((call) => {
    if (call.method === 'POST' && call.path === '/reports') return onCreate(call);
    if (call.path.startsWith('/reports?')) return { items: LAST_YEAR, nextCursor: null };
    throw new ApiError(404, { code: 'NOT_FOUND', message: '不存在' });
  });
}

/** The report's page, as far as these tests go: which report, and the file handed over to import into it. */
function OpenedReport() {
  const id = useParams().id ?? '';
  const [handed] = useState(() => takeHandedImport(id));
  return (
    <>
      <p>已打开报告 {id}</p>
      {handed && <p>待导入文件 {handed.name}</p>}
    </>
  );
}

function renderButton(client: ReturnType<typeof api>) {
  render(
    <AntApp>
      <MemoryRouter initialEntries={['/reports']}>
        <Routes>
          <Route path="/reports" element={<NewReportButton api={client} departmentId={UNION.id} now={NOW} />} />
          <Route path="/reports/:id" element={<OpenedReport />} />
        </Routes>
      </MemoryRouter>
    </AntApp>,
  );
}

/** Opens 新建报告 and chooses 项目支出绩效自评表. */
async function openForProject() {
  fireEvent.click(screen.getByRole('button', { name: /新建报告/ }));
  const dialog = await screen.findByRole('dialog', { name: '新建绩效自评报告' });
  fireEvent.click(within(dialog).getByRole('radio', { name: '项目支出绩效自评表' }));
  await within(dialog).findByLabelText('项目编码');
  return dialog;
}

const type = (dialog: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
const posts = (client: { calls: FakeCall[] }) => client.calls.filter((c) => c.method === 'POST');
const submit = (dialog: HTMLElement) =>
  act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '新建并打开' })));

describe('NewReportButton', { timeout: 30_000 }, () => {
  it('creates a 部门整体 report by default, for last year', async () => {
    const client = api();
    renderButton(client);
    fireEvent.click(screen.getByRole('button', { name: /新建报告/ }));
    const dialog = await screen.findByRole('dialog', { name: '新建绩效自评报告' });
    expect(within(dialog).queryByLabelText('项目编码')).toBeNull();
    await submit(dialog);
    expect(await screen.findByText('已打开报告 new-report')).toBeTruthy();
    expect(posts(client)[0].body).toEqual({ fiscalYear: 2024, kind: 'department_overall' });
    // no project list is asked for a 部门整体 report
    expect(client.calls.some((c) => c.path.startsWith('/reports?'))).toBe(false);
  });

  it('creates a project table from a typed 项目编码 and 项目名称', async () => {
    const client = api();
    renderButton(client);
    const dialog = await openForProject();
    type(dialog, '项目编码', ' 13013324T000000012345 ');
    type(dialog, '项目名称', '困难职工帮扶救助专项资金');
    type(dialog, '实施单位（可选）', '赵县总工会机关');
    await submit(dialog);
    expect(await screen.findByText('已打开报告 new-report')).toBeTruthy();
    expect(posts(client)[0].body).toEqual({
      fiscalYear: 2024,
      kind: 'project',
      project: { code: '13013324T000000012345', name: '困难职工帮扶救助专项资金', implementingUnit: '赵县总工会机关' },
    });
  });

  it('takes code and name from a project of last year the user picks', async () => {
    const client = api();
    renderButton(client);
    const dialog = await openForProject();
    await waitFor(() =>
      expect(client.calls.map((c) => c.path)).toContain(
        `/reports?kind=project&fiscalYear=2023&departmentId=${UNION.id}&limit=200`,
      ),
    );
    const picker = within(dialog).getByRole('combobox', { name: '沿用 2023 年度的项目（可选）' });
    await act(async () => {
      fireEvent.mouseDown(picker);
    });
    // a table not approved last year is marked (it prefills nothing)
    expect(await screen.findByTitle('职工书屋建设（13013323T000000000101）· 已退回')).toBeTruthy();
    fireEvent.click(screen.getByTitle('困难职工帮扶救助专项资金（13013323T000000000098）'));
    await waitFor(() =>
      expect((within(dialog).getByLabelText('项目编码') as HTMLInputElement).value).toBe('13013323T000000000098'),
    );
    expect((within(dialog).getByLabelText('项目名称') as HTMLInputElement).value).toBe('困难职工帮扶救助专项资金');
    await submit(dialog);
    await screen.findByText('已打开报告 new-report');
    expect(posts(client)[0].body).toEqual({
      fiscalYear: 2024,
      kind: 'project',
      project: { code: '13013323T000000000098', name: '困难职工帮扶救助专项资金' },
    });
  });

  it('says what a 项目编码 may hold, in the domain’s words, and sends nothing', async () => {
    const client = api();
    renderButton(client);
    const dialog = await openForProject();
    type(dialog, '项目编码', '帮扶/2024');
    type(dialog, '项目名称', '困难职工帮扶救助专项资金');
    await submit(dialog);
    expect(await within(dialog).findByText(PROJECT_CODE_MESSAGE)).toBeTruthy();
    expect(posts(client)).toHaveLength(0);
  });

  it('says the table already exists and opens it', async () => {
    const client = api(() => {
      throw new ApiError(409, {
        code: 'REPORT_EXISTS',
        message: '本部门本年度已有项目编码为 13013324T000000012345 的项目支出绩效自评表，请直接打开编辑',
        details: { reportId: 'existing-report' },
      });
    });
    renderButton(client);
    const dialog = await openForProject();
    type(dialog, '项目编码', '13013324T000000012345');
    type(dialog, '项目名称', '困难职工帮扶救助专项资金');
    await submit(dialog);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('已有项目编码为 13013324T000000012345 的项目支出绩效自评表');
    fireEvent.click(within(alert).getByRole('button', { name: '打开已有报告' }));
    expect(await screen.findByText('已打开报告 existing-report')).toBeTruthy();
  });

  describe('从文件导入', () => {
    const DOCX = '赵县总工会2024年度部门整体支出绩效自评报告.docx';

    /** Opens 新建报告 and chooses 从文件导入. */
    async function openFromFile() {
      fireEvent.click(screen.getByRole('button', { name: /新建报告/ }));
      const dialog = await screen.findByRole('dialog', { name: '新建绩效自评报告' });
      fireEvent.click(within(dialog).getByRole('radio', { name: '从文件导入' }));
      await within(dialog).findByText('点击或将往年的报告拖到这里');
      return dialog;
    }

    async function chooseFile(dialog: HTMLElement, file: File) {
      const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
      await act(async () => {
        fireEvent.change(input, { target: { files: [file] } });
      });
    }

    const submitImport = (dialog: HTMLElement) =>
      act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '新建并导入' })));

    it('creates the report, then opens it with the chosen file handed over to its import', async () => {
      const client = api();
      renderButton(client);
      const dialog = await openFromFile();
      expect(within(dialog).getByText(/不超过 2 MB/)).toBeTruthy();
      await chooseFile(dialog, new File(['PK'], DOCX));
      expect(within(dialog).getByText(DOCX)).toBeTruthy();
      await submitImport(dialog);
      expect(await screen.findByText('已打开报告 new-report')).toBeTruthy();
      expect(screen.getByText(`待导入文件 ${DOCX}`)).toBeTruthy();
      // the report is created as any other; the file goes up only from the report's page
      expect(posts(client).map((c) => [c.path, c.body])).toEqual([
        ['/reports', { fiscalYear: 2024, kind: 'department_overall' }],
      ]);
    });

    it('takes a project table’s code and name as well', async () => {
      const client = api();
      renderButton(client);
      const dialog = await openForProject();
      type(dialog, '项目编码', '13013324T000000012345');
      type(dialog, '项目名称', '困难职工帮扶救助专项资金');
      fireEvent.click(within(dialog).getByRole('radio', { name: '从文件导入' }));
      await within(dialog).findByText('点击或将往年的报告拖到这里');
      await chooseFile(dialog, new File(['一、项目基本情况'], '帮扶资金自评表.txt'));
      await submitImport(dialog);
      expect(await screen.findByText('待导入文件 帮扶资金自评表.txt')).toBeTruthy();
      expect(posts(client)[0].body).toEqual({
        fiscalYear: 2024,
        kind: 'project',
        project: { code: '13013324T000000012345', name: '困难职工帮扶救助专项资金' },
      });
    });

    it('asks for a file, and refuses another type or a file too large before creating anything', async () => {
      const client = api();
      renderButton(client);
      const dialog = await openFromFile();
      await submitImport(dialog);
      expect(await within(dialog).findByText('请选择要导入的文件')).toBeTruthy();

      await chooseFile(dialog, new File(['%PDF-'], '2024年度报告.pdf'));
      expect(
        await within(dialog).findByText('请选择 Word 文档（.docx）、文本文件（.txt）或 Excel 工作簿（.xlsx）'),
      ).toBeTruthy();
      await submitImport(dialog);

      await chooseFile(dialog, new File([new Uint8Array(REPORT_IMPORT_MAX_BYTES + 1)], '2024年度报告.docx'));
      expect(await within(dialog).findByText('文件超过大小上限（2 MB），请删去图片等内容后重试')).toBeTruthy();
      await submitImport(dialog);
      expect(posts(client)).toHaveLength(0);
      expect(screen.queryByText(/已打开报告/)).toBeNull();

      // a file it takes clears the message, and the report is created
      await chooseFile(dialog, new File(['PK'], DOCX));
      await waitFor(() => expect(within(dialog).queryByText(/文件超过大小上限/)).toBeNull());
      await submitImport(dialog);
      expect(await screen.findByText(`待导入文件 ${DOCX}`)).toBeTruthy();
    });

    it('offers the report that exists already, with the file to import into it', async () => {
      const client = api(() => {
        throw new ApiError(409, {
          code: 'REPORT_EXISTS',
          message: '本部门本年度已有部门整体支出绩效自评报告，请直接打开编辑',
          details: { reportId: 'existing-report' },
        });
      });
      renderButton(client);
      const dialog = await openFromFile();
      await chooseFile(dialog, new File(['PK'], DOCX));
      await submitImport(dialog);
      const alert = await within(dialog).findByRole('alert');
      fireEvent.click(within(alert).getByRole('button', { name: '打开已有报告并导入' }));
      expect(await screen.findByText('已打开报告 existing-report')).toBeTruthy();
      expect(screen.getByText(`待导入文件 ${DOCX}`)).toBeTruthy();
    });
  });
});
