import { Badge, Tooltip, Typography } from 'antd';
import { TRAFFIC_LIGHT_LABELS, type InflationFlag, type TrafficLight } from '@evalflow/domain';

const COLORS: Record<TrafficLight, string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' };
const SEVERITY_LABELS: Record<InflationFlag['severity'], string> = { red: '红', yellow: '黄' };

/** The explanations of a department's flags, one a line, red ones first as the server ordered them by rule. */
export function FlagList({ flags }: { flags: InflationFlag[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {flags.map((f) => (
        <li key={f.rule} data-flag={f.rule}>
          【{SEVERITY_LABELS[f.severity]}】{f.message}
        </li>
      ))}
    </ul>
  );
}

/** A department's 预警灯 (红/黄/绿) with its flags' explanations in a tooltip; 未判断 without a submitted report. */
export function FlagLight({ light, flags }: { light: TrafficLight | null; flags: InflationFlag[] }) {
  if (light === null) {
    return (
      <Typography.Text type="secondary" data-light="none" title="本年度尚无已提交的部门整体报告">
        —
      </Typography.Text>
    );
  }
  const badge = (
    <Badge
      color={COLORS[light]}
      text={TRAFFIC_LIGHT_LABELS[light]}
      data-light={light}
      aria-label={
        flags.length
          ? `${TRAFFIC_LIGHT_LABELS[light]}灯：${flags.map((f) => f.message).join('；')}`
          : '绿灯：无虚高预警'
      }
    />
  );
  return flags.length ? <Tooltip title={<FlagList flags={flags} />}>{badge}</Tooltip> : badge;
}
