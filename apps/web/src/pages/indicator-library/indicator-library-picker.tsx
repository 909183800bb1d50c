import { useCallback, useMemo, useState } from 'react';
import { Button, Flex, Modal, Space, Typography, type TableColumnsType } from 'antd';
import type { ApiClient } from '../../api/client';
import { listLibrary, type LibraryEntryView } from '../../api/indicator-library-api';
import { CursorTable } from '../../components/data-table';
import { useCursorList } from '../../hooks/use-cursor-list';
import { Level1Filter, LibrarySearch } from './library-filters';
import { IndicatorCell, NatureTag } from './library-labels';

export interface IndicatorLibraryPickerProps {
  api: ApiClient;
  open: boolean;
  /** Closed without picking. */
  onCancel: () => void;
  /** The chosen entries, in the library's order; the caller closes the picker. */
  onPick: (entries: LibraryEntryView[]) => void;
  /** Entries the report already has: shown, but not offered again. */
  pickedIds?: readonly string[];
  title?: string;
}

/**
 * Picks entries of the county's 指标库 (active ones only) for a 绩效自评表: search, filter by 一级指标,
 * tick any number (the ticks survive a new search), then 添加. Turn an entry into a report row with
 * the domain's indicatorFromLibrary.
 */
export function IndicatorLibraryPicker({
  api,
  open,
  onCancel,
  onPick,
  pickedIds = [],
  title = '从指标库选择指标',
}: IndicatorLibraryPickerProps) {
  const [q, setQ] = useState('');
  const [level1, setLevel1] = useState<string>();
  const [chosen, setChosen] = useState<Map<string, LibraryEntryView>>(new Map());

  const loadPage = useCallback(
    async (cursor: string | null, signal: AbortSignal) => {
      const page = await listLibrary(api, { q: q.trim() || undefined, level1 }, cursor, signal);
      return { items: page.items, next: page.nextCursor };
    },
    [api, q, level1],
  );
  const list = useCursorList<LibraryEntryView>(loadPage);
  const already = useMemo(() => new Set(pickedIds), [pickedIds]);

  const toggle = (entry: LibraryEntryView, on: boolean) =>
    setChosen((current) => {
      const next = new Map(current);
      if (on) next.set(entry.id, entry);
      else next.delete(entry.id);
      return next;
    });

  const pick = () => {
    const order = (e: LibraryEntryView) => [e.level1, e.level2, e.level3, e.id].join('\u0000');
    onPick([...chosen.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)));
    setChosen(new Map());
  };

  const columns: TableColumnsType<LibraryEntryView> = [
    {
      title: '指标',
      key: 'indicator',
      render: (_, e) => (
        <IndicatorCell
          entry={e}
          after={
            already.has(e.id) && (
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                （已添加）
              </Typography.Text>
            )
          }
        />
      ),
    },
    {
      title: '性质',
      dataIndex: 'nature',
      width: 72,
      render: (n: LibraryEntryView['nature']) => <NatureTag nature={n} />,
    },
    {
      title: '建议指标值',
      key: 'target',
      width: 120,
      render: (_, e) => (e.suggestedTarget ? `${e.suggestedTarget}${e.nature === 'qualitative' ? '' : e.unit}` : '—'),
    },
    { title: '佐证材料', dataIndex: 'suggestedEvidence', width: 160, ellipsis: true, render: (v: string) => v || '—' },
  ];

  return (
    <Modal
      open={open}
      title={title}
      width={820}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">已选 {chosen.size} 项</Typography.Text>
          <Space>
            <Button onClick={onCancel}>取消</Button>
            <Button type="primary" disabled={chosen.size === 0} onClick={pick}>
              添加{chosen.size ? ` ${chosen.size} 项` : ''}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <LibrarySearch onSearch={setQ} />
        <Level1Filter entries={list.items} value={level1} onChange={setLevel1} />
      </Space>
      <CursorTable<LibraryEntryView>
        list={list}
        size="small"
        columns={columns}
        empty={q || level1 ? '没有符合条件的指标' : '指标库中暂无可选用的指标'}
        shown={(count) => `已显示 ${count} 条`}
        scroll={{ y: 400 }}
        rowSelection={{
          selectedRowKeys: [...chosen.keys()],
          preserveSelectedRowKeys: true,
          getCheckboxProps: (e) => ({ disabled: already.has(e.id), 'aria-label': `选择「${e.level3}」` }),
          onSelect: (e, selected) => toggle(e, selected),
          onSelectAll: (selected, _rows, changed) => changed.forEach((e) => toggle(e, selected)),
        }}
      />
    </Modal>
  );
}
