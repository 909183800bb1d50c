import type { ReactNode } from 'react';
import { Card, Empty } from 'antd';

/**
 * A chart in a card. The chart draws on a canvas, which screen readers cannot read: the wrapper is an
 * image whose label says in words what the chart shows. Without data, an empty state instead.
 */
export function ChartCard({
  title,
  description,
  empty,
  extra,
  children,
}: {
  title: string;
  /** what the chart shows, in words (its accessible name) */
  description: string;
  /** the empty state's text, when there is nothing to draw */
  empty?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <>
          {extra}
          <div role="img" aria-label={description} style={{ height: 260 }}>
            {children}
          </div>
        </>
      )}
    </Card>
  );
}
