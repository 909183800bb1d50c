import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldSourcesContext, type FieldSources } from './field-sources';
import { FieldShell } from './field-shell';

const sources: FieldSources = {
  sources: {
    'scoreTable.indicators.0.score': { block: 3, cell: { row: 4, column: 7 }, start: 0, end: 4, text: '9.50' },
    'conclusion.totalScore': { block: 5, start: 4, end: 9, text: '95.50' },
  },
  inferred: new Set(['conclusion.totalScore']),
};

const shell = (path: string, value: FieldSources | null = sources) =>
  render(
    <FieldSourcesContext.Provider value={value}>
      <FieldShell path={path} label="得分" messages={[]}>
        <input id="x" />
      </FieldShell>
    </FieldSourcesContext.Provider>,
  );

describe('the 来源 marker of an imported field', () => {
  it('names the cell and the text the value was read from', async () => {
    const { container } = shell('scoreTable.indicators.0.score');
    const marker = screen.getByText('来源');
    expect(marker.getAttribute('aria-label')).toBe('来源：第 4 块（表格）第 5 行第 8 列：「9.50」');
    expect(container.querySelector('[data-inferred]')).toBeNull();
    fireEvent.mouseEnter(marker);
    expect(await screen.findByRole('tooltip')).toBeTruthy();
  });

  it('highlights an inferred value', () => {
    const { container } = shell('conclusion.totalScore');
    expect(screen.getByText('推断').getAttribute('aria-label')).toBe('来源：第 6 段：「95.50」');
    expect(container.querySelector('[data-inferred="true"]')).not.toBeNull();
  });

  it('shows nothing on a field without a source, or without an import', () => {
    shell('scoreTable.indicators.1.score');
    expect(screen.queryByText('来源')).toBeNull();
    shell('scoreTable.indicators.0.score', null);
    expect(screen.queryByText('来源')).toBeNull();
  });
});
