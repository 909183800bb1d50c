import type { ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip, type GetProps } from 'antd';

/** The filters above a list, then a button that loads it again. */
export function FilterBar({ onRefresh, children }: { onRefresh: () => void; children: ReactNode }) {
  return (
    <Space wrap style={{ marginBottom: 16 }} className="no-print">
      {children}
      <RefreshButton onClick={onRefresh} />
    </Space>
  );
}

export function RefreshButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip title="刷新">
      <Button icon={<ReloadOutlined />} onClick={onClick} aria-label="刷新" />
    </Tooltip>
  );
}

/** A search box that filters on Enter (or its button) and stops filtering as soon as it is emptied. */
export function SearchFilter({
  onSearch,
  ...props
}: Omit<GetProps<typeof Input.Search>, 'onSearch' | 'onChange'> & { onSearch: (value: string) => void }) {
  return (
    <Input.Search
      allowClear
      {...props}
      onSearch={(value) => onSearch(value)}
      onChange={(e) => !e.target.value && onSearch('')}
    />
  );
}
