import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../auth/session';
import {
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
  UNION,
} from '../../test/session-fixtures';
import { summary } from '../dashboard/dashboard-fixtures';
import { MyReportsPage } from './my-reports-page';

const OVERALL = summary(UNION.id, UNION.name, { id: 'overall-2024' });
const PROJECT = summary(UNION.id, UNION.name, {
  id: 'project-2024',
  kind: 'project',
  projectCode: '13013324T000000012345',
  projectName: '困难职工帮扶救助专项资金',
});

describe('我的报告', { timeout: 30_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('lists both kinds with their type, a project by its name, and filters by kind', async () => {
    session = await signedInSession(meFor(PRINCIPALS.deptEditor));
    const fetch = vi.fn().mockImplementation(async (url: string) => {
      const query = new URLSearchParams(url.split('?')[1]);
      const items = query.get('kind') === 'project' ? [PROJECT] : [OVERALL, PROJECT];
      return jsonResponse({ items, nextCursor: null });
    });
    vi.stubGlobal('fetch', fetch);
    renderWithSession(<MyReportsPage />, session, '/reports');

    const projectRow = await screen.findByRole('row', { name: /项目：困难职工帮扶救助专项资金/ }, { timeout: 10_000 });
    expect(projectRow.textContent).toContain('项目支出');
    expect(projectRow.textContent).toContain('13013324T000000012345');
    const overallRow = screen.getAllByRole('row').find((r) => r !== projectRow && r.textContent?.includes('部门整体'));
    expect(overallRow?.textContent).not.toContain('项目：');
    expect(screen.getByRole('columnheader', { name: '类型' })).toBeTruthy();

    await act(async () => {
      fireEvent.mouseDown(screen.getByRole('combobox', { name: '类型' }));
    });
    // the option, not the 项目支出 tag of the project's row (titled alike)
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-select-item-option[title="项目支出绩效自评表"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    fireEvent.click(option);
    await waitFor(() =>
      expect(fetch.mock.calls.map(([url]) => url as string)).toContain('/api/reports?kind=project&limit=50'),
    );
    await waitFor(() => expect(screen.queryByText('部门整体')).toBeNull());
  });
});
