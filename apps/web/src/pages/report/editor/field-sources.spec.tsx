import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { field, figureTable, group, list } from '../fields/field-nodes';
import { FieldSourcesContext, type FieldSources } from './field-sources';
import { FieldShell } from './field-shell';
import { NodeEditor } from './node-editor';

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

describe('the 来源 marker in a table (绩效指标, 资金情况, 部门职能): the imported cells have one too', () => {
  const imported: FieldSources = {
    sources: {
      'scoreTable.indicators.0.level3': {
        block: 63,
        cell: { row: 5, column: 2 },
        start: 0,
        end: 8,
        text: '上解市总工会经费',
      },
      'scoreTable.funding.total.executed': {
        block: 63,
        cell: { row: 2, column: 4 },
        start: 0,
        end: 7,
        text: '178.646',
      },
      'basicInfo.functions.0': { block: 9, start: 0, end: 6, text: '指导全县工会工作' },
    },
    inferred: new Set(['scoreTable.indicators.0.nature']),
  };
  const withSources = (node: Parameters<typeof NodeEditor>[0]['node'], path: string, value: unknown) =>
    render(
      <FieldSourcesContext.Provider value={imported}>
        <NodeEditor node={node} path={path} value={value} onChange={() => undefined} messagesOf={() => []} />
      </FieldSourcesContext.Provider>,
    );
  const marker = (path: string) => document.querySelector(`[data-source-path="${path}"]`);

  it('marks a list row’s cell read from the document, and highlights the one inferred', () => {
    const indicators = list(
      '绩效指标',
      '个',
      group('', { level3: field('三级指标'), nature: field('指标性质', 'nature') }),
    );
    withSources(indicators, 'scoreTable.indicators', [
      { level3: '上解市总工会经费', nature: '=' },
      { level3: '职工满意度', nature: '>=' },
    ]);
    expect(marker('scoreTable.indicators.0.level3')?.getAttribute('aria-label')).toBe(
      '来源：第 64 块（表格）第 6 行第 3 列：「上解市总工会经费」',
    );
    const inferred = marker('scoreTable.indicators.0.nature');
    expect(inferred?.textContent).toBe('推断');
    expect(inferred?.closest('[data-inferred="true"]')).not.toBeNull();
    // the second row was not imported: no marker
    expect(marker('scoreTable.indicators.1.level3')).toBeNull();
    expect(document.querySelectorAll('[data-source-path]')).toHaveLength(2);
  });

  it('marks a figure of a figure table and a paragraph of a list of paragraphs', () => {
    const funding = figureTable('资金情况', {
      total: group('年度资金总额', {
        initialBudget: field('年初预算数', 'money'),
        executed: field('全年执行数', 'money'),
      }),
      weight: field('分值', 'score'),
    });
    withSources(funding, 'scoreTable.funding', {
      total: { initialBudget: '178.646', executed: '178.646' },
      weight: '10',
    });
    withSources(list('部门职能', '条', field('职能', 'text')), 'basicInfo.functions', ['指导全县工会工作']);
    expect(marker('scoreTable.funding.total.executed')?.getAttribute('aria-label')).toBe(
      '来源：第 64 块（表格）第 3 行第 5 列：「178.646」',
    );
    expect(marker('scoreTable.funding.total.initialBudget')).toBeNull();
    expect(marker('basicInfo.functions.0')?.textContent).toBe('来源');
  });
});
