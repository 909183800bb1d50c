import { Tooltip } from 'antd';
import dayjs from 'dayjs';

/** A timestamp as Chinese text in local time, to the minute: 2025年5月8日 14:30. */
export const formatDateTime = (value: string) => dayjs(value).format('YYYY年M月D日 HH:mm');

/** A timestamp in local time, to the minute, written the Chinese way; to the second on hover. */
export function DateTime({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <span>{empty}</span>;
  return (
    <Tooltip title={dayjs(value).format('YYYY年M月D日 HH:mm:ss')}>
      <span>{formatDateTime(value)}</span>
    </Tooltip>
  );
}
