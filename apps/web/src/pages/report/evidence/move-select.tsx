import { Select } from 'antd';
import type { EvidenceItem } from '../../../api/evidence-api';

/** 「移到指标…」: a current row to attach an unmatched file to. */
export function MoveSelect({
  item,
  indicators,
  busy,
  onMove,
}: {
  item: EvidenceItem;
  indicators: string[];
  busy: boolean;
  onMove: (item: EvidenceItem, indicator: string) => void;
}) {
  return (
    <Select<string>
      size="small"
      placeholder="移到指标…"
      aria-label={`将「${item.fileName}」移到指标`}
      disabled={busy || indicators.length === 0}
      style={{ minWidth: 140 }}
      popupMatchSelectWidth={false}
      value={null}
      options={indicators.map((name) => ({ value: name, label: name }))}
      onChange={(name) => onMove(item, name)}
    />
  );
}
