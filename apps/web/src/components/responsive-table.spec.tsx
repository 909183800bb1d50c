import { render, screen, within } from '@testing-library/react';
import { Tooltip } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { emulateWidth, restoreViewport } from '../test/viewport';
import { ResponsiveTable, textOf } from './responsive-table';

interface Line {
  id: string;
  name: string;
  amount: string;
}

const LINES: Line[] = [
  { id: '1', name: '职工培训', amount: '82.000' },
  { id: '2', name: '困难职工帮扶', amount: '42.646' },
];

function Lines() {
  return (
    <ResponsiveTable<Line>
      rowKey="id"
      pagination={false}
      dataSource={LINES}
      scroll={{ x: 900 }}
      columns={[
        { title: '项目名称', dataIndex: 'name' },
        {
          title: (
            <Tooltip title="万元">
              <span>金额</span>
            </Tooltip>
          ),
          dataIndex: 'amount',
          align: 'right',
          fixed: 'right',
        },
      ]}
      summary={() => (
        <ResponsiveTable.Summary.Row>
          <ResponsiveTable.Summary.Cell index={0}>合计</ResponsiveTable.Summary.Cell>
          <ResponsiveTable.Summary.Cell index={1}>124.646</ResponsiveTable.Summary.Cell>
        </ResponsiveTable.Summary.Row>
      )}
    />
  );
}

const wrapper = () => document.querySelector('.ant-table-wrapper') as HTMLElement;
const cellsOf = (row: HTMLElement) => Array.from(row.querySelectorAll('td'));

describe('ResponsiveTable', () => {
  afterEach(() => restoreViewport());

  it('shows each row as a card of label: value lines on a phone', () => {
    emulateWidth(390);
    render(<Lines />);
    expect(wrapper().classList.contains('table-cards')).toBe(true);
    const rows = Array.from(document.querySelectorAll<HTMLElement>('tbody tr.ant-table-row'));
    expect(rows).toHaveLength(2);
    expect(cellsOf(rows[1]).map((td) => [td.dataset['label'], td.textContent])).toEqual([
      ['项目名称', '困难职工帮扶'],
      ['金额', '42.646'],
    ]);
    // the summary's cells take their column's label; nothing is pinned or scrolled sideways
    const summary = document.querySelector('tfoot tr') as HTMLElement;
    expect(cellsOf(summary).map((td) => td.dataset['label'])).toEqual(['项目名称', '金额']);
    expect(document.querySelector('.ant-table-cell-fix-right, .ant-table-cell-fix-end')).toBeNull();
    expect(screen.getByText('困难职工帮扶')).toBeTruthy();
  });

  it('stays a table of columns from 576 px up', () => {
    emulateWidth(768);
    render(<Lines />);
    expect(wrapper().classList.contains('table-cards')).toBe(false);
    const header = document.querySelector('thead') as HTMLElement;
    expect(within(header).getByText('金额')).toBeTruthy();
    expect(document.querySelector('td[data-label]')).toBeNull();
  });
});

describe('textOf', () => {
  it('reads the words of a title given as elements', () => {
    expect(
      textOf(
        <span>
          目标值<b>（年度）</b>
        </span>,
      ),
    ).toBe('目标值（年度）');
    expect(textOf(12)).toBe('12');
    expect(textOf(null)).toBe('');
  });
});
