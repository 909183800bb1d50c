import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserView } from '../../api/types';
import type { Session } from '../../auth/session';
import {
  FINANCE_BUREAU,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
  TENANT,
  UNION,
} from '../../test/session-fixtures';
import { UserFormModal } from './user-form-modal';

const editor: UserView = {
  id: 'bbbbbbbb-0000-4000-8000-000000000009',
  tenantId: TENANT.id,
  username: 'zhaoxian.union.clerk',
  displayName: '张会计',
  departmentId: UNION.id,
  departmentName: UNION.name,
  roles: ['dept_editor'],
  active: true,
  version: 4,
};

async function renderForm(user?: UserView) {
  const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
  const fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  renderWithSession(
    <UserFormModal
      user={user}
      departments={[UNION, FINANCE_BUREAU]}
      open
      onClose={() => undefined}
      afterClose={() => undefined}
      onSaved={() => undefined}
    />,
    session,
  );
  return { session, fetchMock };
}

describe('UserFormModal role check', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('says at once that a finance role does not fit a budget department, and sends nothing', async () => {
    const rendered = await renderForm(editor);
    session = rendered.session;
    expect(screen.queryByText(/只能授予财政局的人员/)).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: /财政局审核人/ }));

    expect(await screen.findByText('「财政局审核人」角色只能授予财政局的人员')).toBeTruthy();
    // each finance role is marked as not fitting; the department's own roles are not
    expect(screen.getByRole('checkbox', { name: /财政局审核人\s*与所选部门不符/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /财政局领导\s*与所选部门不符/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /编制人/ }).closest('label')?.textContent).not.toContain('不符');
    // let the submit run its validation through before checking nothing went out
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(rendered.fetchMock).not.toHaveBeenCalled();

    // taking the role back away clears the complaint
    fireEvent.click(screen.getByRole('checkbox', { name: /财政局审核人/ }));
    await waitFor(() => expect(screen.queryByText('「财政局审核人」角色只能授予财政局的人员')).toBeNull());
  });

  it('asks for a department when a department role is ticked for someone without one', async () => {
    const rendered = await renderForm();
    session = rendered.session;
    fireEvent.click(screen.getByRole('checkbox', { name: /编制人/ }));
    expect(await screen.findByText('「编制人」角色需要指定所在部门')).toBeTruthy();
  });
});

describe('UserFormModal e-mail address', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  const emailBox = () => screen.getByRole('textbox', { name: '电子邮箱' }) as HTMLInputElement;
  const saveButton = () => screen.getByRole('button', { name: /保\s*存/ });

  it('refuses a malformed address in Chinese and sends nothing', async () => {
    const rendered = await renderForm(editor);
    session = rendered.session;
    fireEvent.change(emailBox(), { target: { value: 'zhang@' } });
    await act(async () => {
      fireEvent.click(saveButton());
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(await screen.findByText('电子邮箱格式不正确')).toBeTruthy();
    expect(rendered.fetchMock).not.toHaveBeenCalled();
  });

  it("sends only the changed address, with the user's version in If-Match", async () => {
    const rendered = await renderForm(editor);
    session = rendered.session;
    rendered.fetchMock.mockImplementation(async () =>
      jsonResponse({ ...editor, email: 'zhang@zhaoxian.gov.cn', version: 5 }, 200, { etag: '"5"' }),
    );
    fireEvent.change(emailBox(), { target: { value: ' zhang@zhaoxian.gov.cn' } });
    await act(async () => fireEvent.click(saveButton()));
    await waitFor(() => expect(rendered.fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = rendered.fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toMatch(/\/api\/users\/bbbbbbbb-0000-4000-8000-000000000009$/);
    expect(init.method).toBe('PATCH');
    expect(new Headers(init.headers).get('if-match')).toBe('"4"');
    expect(JSON.parse(String(init.body))).toEqual({ email: 'zhang@zhaoxian.gov.cn' });
  });
});

describe('UserFormModal initial password', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('offers a generated strong password, fills both fields and shows it to pass on', async () => {
    const rendered = await renderForm();
    session = rendered.session;
    expect(screen.getByText('该用户首次使用此密码登录后，须先修改为只有本人知道的密码。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /生成强密码/ }));
    const password = (screen.getByLabelText('初始密码') as HTMLInputElement).value;
    expect(password).toHaveLength(16);
    expect((screen.getByLabelText('确认密码') as HTMLInputElement).value).toBe(password);
    await waitFor(() => expect(document.querySelector('[data-generated-password]')?.textContent).toBe(password));
    await waitFor(() =>
      expect(
        screen.getByRole('listitem', { name: '至少包含大写字母、小写字母、数字、符号中的三类：已满足' }),
      ).toBeTruthy(),
    );
  });
});
