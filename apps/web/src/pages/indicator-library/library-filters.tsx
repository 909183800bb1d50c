import { useMemo } from 'react';
import { Select } from 'antd';
import type { LibraryEntryView } from '../../api/indicator-library-api';
import { SearchFilter } from '../../components/filter-bar';
import { STANDARD_LEVEL1 } from './library-labels';

/** 查找指标: the 指标库's search box (names, units and targets), filtering on Enter. */
export function LibrarySearch({ onSearch }: { onSearch: (q: string) => void }) {
  return (
    <SearchFilter
      placeholder="指标名称、计量单位或指标值"
      aria-label="查找指标"
      maxLength={100}
      onSearch={onSearch}
      style={{ width: 260 }}
    />
  );
}

/** The 一级指标 choices: the standard ones, then any others the rows use. */
function level1Options(entries: readonly LibraryEntryView[]): Array<{ value: string; label: string }> {
  const others = entries.map((e) => e.level1).filter((n) => !STANDARD_LEVEL1.includes(n));
  return [...new Set([...STANDARD_LEVEL1, ...others.sort()])].map((value) => ({ value, label: value }));
}

/** The 一级指标 filter, offering the standard ones and those of the entries loaded so far. */
export function Level1Filter({
  entries,
  value,
  onChange,
}: {
  entries: readonly LibraryEntryView[];
  value: string | undefined;
  onChange: (level1: string | undefined) => void;
}) {
  const options = useMemo(() => level1Options(entries), [entries]);
  return (
    <Select<string>
      allowClear
      placeholder="一级指标"
      aria-label="一级指标"
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: 140 }}
    />
  );
}
