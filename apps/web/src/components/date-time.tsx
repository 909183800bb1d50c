import { Tooltip } from 'antd';
import dayjs from 'dayjs';

/** A timestamp in local time, to the minute; the full time on hover. */
export function DateTime({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <span>{empty}</span>;
  const time = dayjs(value);
  return (
    <Tooltip title={time.format('YYYY-MM-DD HH:mm:ss')}>
      <span>{time.format('YYYY-MM-DD HH:mm')}</span>
    </Tooltip>
  );
}
