import { Flex, Typography } from 'antd';

export interface Bar {
  key: string;
  label: string;
  count: number;
  color: string;
  /** Shown under the label, e.g. the band's lower bound. */
  note?: string;
}

/** A horizontal bar chart in plain CSS: each bar's width is its share of the largest; counts written out. */
export function BarList({ bars, unit, label }: { bars: Bar[]; unit: string; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {bars.map((bar) => (
        <li key={bar.key} data-bar={bar.key} aria-label={`${bar.label}：${bar.count} ${unit}`}>
          <Flex align="center" gap={12} style={{ padding: '6px 0' }}>
            <div style={{ width: 88, flex: 'none' }}>
              <Typography.Text strong>{bar.label}</Typography.Text>
              {bar.note && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {bar.note}
                </Typography.Text>
              )}
            </div>
            <div style={{ flex: 1, background: 'rgba(0, 0, 0, 0.04)', borderRadius: 4, height: 20 }} aria-hidden>
              <div
                style={{
                  width: `${(bar.count / max) * 100}%`,
                  minWidth: bar.count > 0 ? 4 : 0,
                  height: '100%',
                  background: bar.color,
                  borderRadius: 4,
                }}
              />
            </div>
            <Typography.Text style={{ width: 56, flex: 'none', textAlign: 'right' }}>
              {bar.count} {unit}
            </Typography.Text>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
