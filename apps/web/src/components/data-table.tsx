import { Button, Empty, Flex, Typography, type TableProps } from 'antd';
import type { CursorList } from '../hooks/use-cursor-list';
import { LoadError } from './load-error';
import { ResponsiveTable } from './responsive-table';

type DataTableProps<T> = TableProps<T> & {
  /** Why the rows failed to load, if they did: shown above the table. */
  error: unknown;
  onRetry: () => void;
  /** What an empty table says when nothing failed. */
  empty: string;
};

/** A table of loaded rows (cards on a phone), with the load's failure and a way to retry above it. */
export function DataTable<T extends { id: string }>({ error, onRetry, empty, ...table }: DataTableProps<T>) {
  const failed = error !== undefined;
  return (
    <>
      {failed && <LoadError error={error} onRetry={onRetry} />}
      <ResponsiveTable<T>
        rowKey="id"
        size="middle"
        {...table}
        locale={{ emptyText: <Empty description={failed ? '加载失败' : empty} /> }}
      />
    </>
  );
}

type CursorTableProps<T> = Omit<DataTableProps<T>, 'dataSource' | 'loading' | 'error' | 'onRetry' | 'pagination'> & {
  list: CursorList<T>;
  /** Says how many rows are shown, beside 加载更多. */
  shown: (count: number) => string;
};

/** A keyset-paginated table: the first page, then 加载更多 until all is loaded. */
export function CursorTable<T extends { id: string }>({ list, shown, ...table }: CursorTableProps<T>) {
  return (
    <>
      <DataTable<T>
        {...table}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        error={list.error}
        // a failed later page is retried on its own; a failed first page by loading again
        onRetry={list.items.length ? list.loadMore : list.reload}
      />
      {!list.loading && list.items.length > 0 && (
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{shown(list.items.length)}</Typography.Text>
          {list.hasMore ? (
            <Button onClick={list.loadMore} loading={list.loadingMore}>
              加载更多
            </Button>
          ) : (
            <Typography.Text type="secondary">已全部加载</Typography.Text>
          )}
        </Flex>
      )}
    </>
  );
}
