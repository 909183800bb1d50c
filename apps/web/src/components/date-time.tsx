import { Tooltip } from 'antd';
import dayjs from 'dayjs';

/** A calendar date written YYYY-MM-DD as Chinese text: 2025-04-30 → 2025年4月30日. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

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
