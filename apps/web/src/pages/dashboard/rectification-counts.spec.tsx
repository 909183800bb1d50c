import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { dashboardDepartment, dashboardReport, dashboardView } from './dashboard-fixtures';
import { DepartmentTable } from './department-table';
import { SummaryCards } from './summary-cards';

/** 县级概览 shows the open and overdue 整改事项: a card for the county, a column per department. */
describe('整改事项 on 县级概览', () => {
  it('counts the county open items with the overdue ones in the card', () => {
    const { summary } = dashboardView();
    render(<SummaryCards summary={{ ...summary, rectifications: { open: 3, overdue: 1 } }} />);
    const card = document.querySelector('[data-figure="rectifications"]') as HTMLElement;
    expect(within(card).getByText('未办结整改事项（逾期 1）')).toBeTruthy();
    expect(within(card).getByText('3')).toBeTruthy();
  });

  it('shows each department its open and overdue items, and a dash without any', () => {
    const rows = [
      dashboardDepartment('d1', '赵县甲局', dashboardReport('r1', { status: 'approved' }), {
        rectifications: { open: 2, overdue: 1 },
      }),
      dashboardDepartment('d2', '赵县乙局', null, { rectifications: { open: 0, overdue: 0 } }),
    ];
    render(
      <MemoryRouter>
        <DepartmentTable rows={rows} loading={false} empty="无" />
      </MemoryRouter>,
    );
    const first = screen.getByText('赵县甲局').closest('tr') as HTMLElement;
    expect(within(first).getByText('未办结 2')).toBeTruthy();
    expect(within(first).getByText('逾期 1')).toBeTruthy();
    const second = screen.getByText('赵县乙局').closest('tr') as HTMLElement;
    expect(within(second).queryByText(/未办结/)).toBeNull();
  });
});
