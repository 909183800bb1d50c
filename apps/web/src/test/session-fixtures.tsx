import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { packRules } from '@casl/ability/extra';
import { defineAbilityFor, type Principal } from '@evalflow/domain';
import type { DepartmentView, MeView, TokenView } from '../api/types';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';

export const TENANT = { id: '6f78b39f-a804-447d-92b6-58fa8afdfb3b', name: '赵县', regionCode: '130133' };

export const UNION: DepartmentView = {
  id: '11111111-1111-4111-8111-111111111111',
  tenantId: TENANT.id,
  name: '赵县总工会',
  kind: 'budget_department',
  unitNature: '参公事业',
  unitLevel: '正科级',
  fundingForm: '财政拨款',
  budgetCode: '130133-501',
  active: true,
  userCount: 2,
  version: 3,
  updatedAt: '2026-01-05T08:00:00.000Z',
};

export const FINANCE_BUREAU: DepartmentView = {
  ...UNION,
  id: '22222222-2222-4222-8222-222222222222',
  name: '赵县财政局',
  kind: 'finance_bureau',
  budgetCode: '130133-100',
  userCount: 3,
  version: 1,
};

const base = { tenantId: TENANT.id, departmentId: null, departmentKind: null } as const;

export const PRINCIPALS = {
  platformAdmin: {
    userId: 'aaaaaaaa-0000-4000-8000-000000000001',
    username: 'platform.admin',
    displayName: '平台管理员',
    tenantId: null,
    departmentId: null,
    departmentKind: null,
    roles: ['platform_admin'],
  },
  tenantAdmin: {
    ...base,
    userId: 'aaaaaaaa-0000-4000-8000-000000000002',
    username: 'zhaoxian.admin',
    displayName: '赵县系统管理员',
    roles: ['tenant_admin'],
  },
  deptEditor: {
    ...base,
    userId: 'aaaaaaaa-0000-4000-8000-000000000003',
    username: 'zhaoxian.union.editor',
    displayName: '李编制',
    departmentId: UNION.id,
    departmentKind: 'budget_department',
    roles: ['dept_editor'],
  },
  financeReviewer: {
    ...base,
    userId: 'aaaaaaaa-0000-4000-8000-000000000004',
    username: 'zhaoxian.finance.reviewer',
    displayName: '王审核',
    departmentId: FINANCE_BUREAU.id,
    departmentKind: 'finance_bureau',
    roles: ['finance_reviewer'],
  },
} satisfies Record<string, Principal>;

/** The /api/auth/me answer for a principal, with the rules packed the way the API packs them. */
export function meFor(principal: Principal): MeView {
  const department = [UNION, FINANCE_BUREAU].find((d) => d.id === principal.departmentId);
  return {
    user: {
      id: principal.userId,
      username: principal.username,
      displayName: principal.displayName,
      roles: principal.roles,
    },
    tenant: principal.tenantId ? TENANT : null,
    department: department ? { id: department.id, name: department.name, kind: department.kind } : null,
    abilities: packRules(defineAbilityFor(principal).rules),
  };
}

export function tokensFor(me: MeView, accessToken = 'token-1', expiresIn = 900): TokenView {
  return { accessToken, tokenType: 'Bearer', expiresIn, me };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  return jsonResponse(details === undefined ? { code, message } : { code, message, details }, status);
}

/** A session signed in as `me` (through the real login call, answered by a stub). */
export async function signedInSession(me: MeView): Promise<Session> {
  const session = new Session();
  vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(tokensFor(me))));
  await session.login(me.user.username, 'irrelevant');
  vi.unstubAllGlobals();
  return session;
}

/** Renders a page the way main.tsx does: antd App, the session, a router at `route`. */
export function renderWithSession(ui: ReactElement, session: Session, route = '/') {
  return render(
    <AntApp>
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </SessionProvider>
    </AntApp>,
  );
}
