import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RevisionView } from '../../../api/report-types';
import type { Session } from '../../../auth/session';
import { REPORT_ID } from '../../../test/report-fixtures';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../../test/session-fixtures';
import { RevisionDiff } from './revision-diff';
import { RevisionsTable } from './revisions-table';

const signOffs = {
  head: { name: '赵主席', at: '2025-04-01T08:00:00.000Z' },
  team: { members: ['张三', '李四'], confirmedBy: '王编制', at: '2025-04-01T07:00:00.000Z' },
};
const revision = (number: number, reason: RevisionView['reason'], createdBy: string): RevisionView => ({
  id: `00000000-0000-4000-8000-00000000000${number}`,
  number,
  reason,
  reportVersion: number * 3,
  createdAt: `2025-04-0${number}T08:00:00.000Z`,
  createdBy,
  signOffs: reason === 'import' ? { head: null, team: null } : signOffs,
});
// submitted, returned, last year's report imported over the draft, submitted again
const revisions = [
  revision(1, 'submit', '王编制'),
  revision(2, 'submit', '王编制'),
  revision(3, 'import', '李编制'),
  revision(4, 'submit', '王编制'),
];

describe('RevisionsTable', () => {
  it('labels a submission 「第 N 版提交」 and the content an import replaced 「导入前的内容」, newest first', () => {
    render(<RevisionsTable revisions={revisions} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual([
      '第 4 版提交',
      '导入前的内容第 3 版 · 确认导入时保存',
      '第 2 版提交',
      '第 1 版提交',
    ]);
    // an import's revision names who confirmed the import, and was never signed off
    const imported = within(rows[1]).getAllByRole('cell');
    expect(imported[2].textContent).toBe('李编制');
    expect(imported[3].textContent).toBe('—');
    expect(imported[4].textContent).toBe('—');
    expect(screen.queryAllByText('未签核')).toEqual([]);
    // a submission shows its sign-offs
    expect(within(rows[0]).getByText('已签核')).toBeTruthy();
    expect(within(rows[0]).getByText('张三、李四')).toBeTruthy();
  });

  it('says so when nothing was submitted yet', () => {
    render(<RevisionsTable revisions={[]} />);
    expect(screen.getByText('报告尚未提交过')).toBeTruthy();
  });
});

describe('RevisionDiff', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('compares the last two submissions by default, never the content an import replaced', async () => {
    session = await signedInSession(meFor(PRINCIPALS.financeReviewer));
    const fetchMock = vi.fn().mockImplementation(async () => jsonResponse({ from: 2, to: 4, changes: [] }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithSession(<RevisionDiff kind="department_overall" reportId={REPORT_ID} revisions={revisions} />, session);
    expect(await screen.findByText('第 2 版与第 4 版内容相同')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/reports/${REPORT_ID}/diff?from=2&to=4`);
    expect(screen.getByText('第 2 版提交')).toBeTruthy();
    expect(screen.getByText('第 4 版提交')).toBeTruthy();
  });
});
