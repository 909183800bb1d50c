import { useState } from 'react';
import { Card, Flex, Select, Spin, Typography } from 'antd';
import type { EvidenceItem } from '../../../api/evidence-api';
import { LoadError } from '../../../components/load-error';
import { useEvidence } from './evidence-context';
import { EvidenceFiles } from './evidence-files';
import { EvidenceUpload } from './evidence-upload';
import { EvidenceUsage } from './evidence-usage';
import { MoveSelect } from './move-select';

const WHOLE_REPORT = '';

interface Group {
  key: string;
  title: string;
  items: EvidenceItem[];
  unmatched?: boolean;
}

/** The files by row, in the table's order; then the report's own; then those whose row is gone. */
export function evidenceGroups(items: EvidenceItem[], indicators: string[]): Group[] {
  const rows = indicators
    .map((name) => ({ key: `row:${name}`, title: name, items: items.filter((i) => i.matched && i.indicator === name) }))
    .filter((g) => g.items.length > 0);
  // matched by the API but not among the rows here (the page's rows are a moment behind): kept with their name
  const listed = new Set(indicators);
  const others = [
    ...new Set(
      items.filter((i) => i.matched && i.indicator && !listed.has(i.indicator)).map((i) => i.indicator as string),
    ),
  ];
  return [
    ...rows,
    ...others.map((name) => ({
      key: `row:${name}`,
      title: name,
      items: items.filter((i) => i.matched && i.indicator === name),
    })),
    { key: 'report', title: '报告整体', items: items.filter((i) => i.indicator === null) },
    {
      key: 'unmatched',
      title: '未对应指标',
      items: items.filter((i) => i.indicator !== null && !i.matched),
      unmatched: true,
    },
  ].filter((g) => g.items.length > 0);
}

/** 佐证材料 of the whole report, grouped by indicator; upload to the report or to a chosen row while editable. */
export function EvidenceTab() {
  const state = useEvidence();
  const [target, setTarget] = useState(WHOLE_REPORT);
  if (!state) return null;
  const { list, error, reload, indicators } = state;
  if (!list) {
    return error !== undefined ? <LoadError title="佐证材料加载失败" error={error} onRetry={reload} /> : <Spin />;
  }
  const { editable } = list;
  const groups = evidenceGroups(list.items, indicators);
  const without = indicators.filter((name) => !list.items.some((i) => i.indicator === name));
  return (
    <Flex vertical gap={16}>
      <EvidenceUsage list={list} />
      {editable && (
        <Flex gap={8} align="start" wrap>
          <Select<string>
            aria-label="上传到"
            value={target}
            onChange={setTarget}
            style={{ minWidth: 220 }}
            popupMatchSelectWidth={false}
            options={[
              { value: WHOLE_REPORT, label: '报告整体（不对应具体指标）' },
              ...indicators.map((name) => ({ value: name, label: `指标：${name}` })),
            ]}
          />
          <EvidenceUpload state={state} list={list} indicator={target === WHOLE_REPORT ? null : target} />
        </Flex>
      )}
      {groups.length === 0 && <Typography.Text type="secondary">尚无佐证材料</Typography.Text>}
      {groups.map((group) => (
        <Card
          key={group.key}
          size="small"
          title={group.unmatched ? '未对应指标' : group.title}
          extra={<Typography.Text type="secondary">{group.items.length} 个文件</Typography.Text>}
        >
          {group.unmatched && (
            <Typography.Paragraph type="secondary">
              这些文件所属的指标已改名或删除{editable ? '，可移到当前的指标' : ''}。
            </Typography.Paragraph>
          )}
          <EvidenceFiles
            state={state}
            items={group.items}
            editable={editable}
            label={group.unmatched ? '未对应指标的佐证材料' : `「${group.title}」的佐证材料`}
            extra={
              group.unmatched
                ? (item, { move, busy }) => <MoveSelect item={item} indicators={indicators} busy={busy} onMove={move} />
                : undefined
            }
          />
        </Card>
      ))}
      {without.length > 0 && list.items.length > 0 && (
        <Typography.Text type="secondary">尚未附佐证材料的指标：{without.join('、')}</Typography.Text>
      )}
    </Flex>
  );
}
