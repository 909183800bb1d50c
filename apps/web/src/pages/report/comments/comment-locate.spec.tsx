import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fake-api';
import { thread } from '../../../test/report-fixtures';
import { FLASH_CLASS } from '../editor/field-dom';
import { CommentThreadCard } from './comment-thread-card';

/** The comment's card beside a table holding `rows`: what its link should find. */
function renderBeside(rows: ReactNode) {
  render(
    <AntApp>
      <table>
        <tbody>{rows}</tbody>
      </table>
      <CommentThreadCard
        api={fakeApi(() => undefined)}
        kind="department_overall"
        thread={thread()}
        canReply={false}
        canResolve={false}
        onChange={vi.fn()}
      />
    </AntApp>,
  );
}

describe("a comment's field", () => {
  it('is a link that scrolls to the field and lights it and its row up', () => {
    const scrolled = vi.fn();
    renderBeside(
      <tr data-testid="row">
        <td>
          <input id="field-budget-lines-2-amount" aria-label="金额" />
        </td>
      </tr>,
    );
    const field = document.getElementById('field-budget-lines-2-amount') as HTMLInputElement;
    field.scrollIntoView = scrolled;
    const link = screen.getByRole('link', { name: '项目预算明细 第3行 · 年初预算数' });
    expect(link.getAttribute('href')).toBe('#field-budget-lines-2-amount');
    fireEvent.click(link);
    expect(scrolled).toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    expect(field.classList.contains(FLASH_CLASS)).toBe(true);
    expect(screen.getByTestId('row').classList.contains(FLASH_CLASS)).toBe(true);
    expect(field.getAttribute('data-located')).toBe('budget.lines.2.amount');
  });

  it('falls back to the row in the read-only view, which has no input per field', () => {
    renderBeside(<tr id="field-budget-lines-2" />);
    fireEvent.click(screen.getByRole('link', { name: '项目预算明细 第3行 · 年初预算数' }));
    const row = document.getElementById('field-budget-lines-2') as HTMLElement;
    expect(row.getAttribute('data-located')).toBe('budget.lines.2.amount');
    expect(row.classList.contains(FLASH_CLASS)).toBe(true);
  });
});
