import { useCallback, useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Flex, Input, List, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { messageOf, type ApiClient } from '../../../api/client';
import {
  addFinding,
  createRectification,
  editFinding,
  reportSpotCheck,
  type Finding,
  type Rectification,
  type ReportSpotCheck,
} from '../../../api/spot-checks-api';
import { formatDateTime } from '../../../components/date-time';
import { LoadError } from '../../../components/load-error';
import { useRemote } from '../../../hooks/use-remote';
import { RectificationItemCard } from './rectification-item-card';

export interface RectificationTabProps {
  api: ApiClient;
  reportId: string;
  /** the finance bureau writes findings and items and decides; the department answers */
  side: 'finance' | 'department';
}

/** 抽评整改 of a report: the batch it was selected in, the findings, and each 整改事项 with its actions. */
export function RectificationTab({ api, reportId, side }: RectificationTabProps) {
  const load = useCallback((signal: AbortSignal) => reportSpotCheck(api, reportId, signal), [api, reportId]);
  const remote = useRemote<ReportSpotCheck>(load);
  const { message } = App.useApp();
  const replaceItem = (item: Rectification) =>
    remote.setData((d) => d && { ...d, items: d.items.map((i) => (i.id === item.id ? item : i)) });

  const saveFinding = async (finding: Finding, body: string) => {
    try {
      const saved = await editFinding(api, reportId, finding, body);
      remote.setData((d) => d && { ...d, findings: d.findings.map((f) => (f.id === saved.id ? saved : f)) });
    } catch (error) {
      message.error(messageOf(error));
      remote.reload();
    }
  };

  if (remote.error !== undefined) return <LoadError error={remote.error} onRetry={remote.reload} />;
  const data = remote.data;
  if (!data) return <Spin />;
  if (!data.selected) return <Empty description="本报告未被抽评" />;
  const overdue = data.items.filter((i) => i.overdue).length;
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'batch', label: '抽评批次', children: data.batch?.name },
          { key: 'rule', label: '抽取方式', children: data.batch?.ruleText },
          { key: 'at', label: '抽取时间', children: data.batch ? formatDateTime(data.batch.selectedAt) : '—' },
        ]}
      />
      <Card size="small" title="发现的问题">
        <List
          size="small"
          dataSource={data.findings}
          locale={{ emptyText: '暂无' }}
          renderItem={(f, i) => (
            <List.Item>
              <Typography.Text
                editable={
                  side === 'finance'
                    ? {
                        text: f.body,
                        triggerType: ['icon'],
                        onChange: (body) => {
                          if (body.trim() && body !== f.body) void saveFinding(f, body);
                        },
                      }
                    : false
                }
              >
                {i + 1}. {f.body}
              </Typography.Text>
            </List.Item>
          )}
        />
        {side === 'finance' && <NewFinding api={api} reportId={reportId} onAdded={remote.reload} />}
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        整改事项（{data.items.length} 项{overdue ? `，其中 ${overdue} 项已逾期` : ''}）
      </Typography.Title>
      {data.items.length === 0 && <Empty description="暂无整改事项" />}
      {data.items.map((item) => (
        <RectificationItemCard
          key={item.id}
          api={api}
          item={item}
          side={side}
          onChange={replaceItem}
          onStale={remote.reload}
        />
      ))}
      {side === 'finance' && <NewItem api={api} reportId={reportId} onAdded={remote.reload} />}
    </Flex>
  );
}

function NewFinding({ api, reportId, onAdded }: { api: ApiClient; reportId: string; onAdded: () => void }) {
  const { message } = App.useApp();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await addFinding(api, reportId, body);
      setBody('');
      onAdded();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea
        aria-label="新的问题"
        placeholder="记录发现的问题"
        autoSize
        maxLength={2000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button onClick={() => void save()} loading={busy} disabled={!body.trim()}>
        添加问题
      </Button>
    </Flex>
  );
}

function NewItem({ api, reportId, onAdded }: { api: ApiClient; reportId: string; onAdded: () => void }) {
  const { message } = App.useApp();
  const [title, setTitle] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [dueOn, setDueOn] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!dueOn) return;
    setBusy(true);
    try {
      await createRectification(api, reportId, { title, ownerName, dueOn: dueOn.format('YYYY-MM-DD') });
      setTitle('');
      setOwnerName('');
      setDueOn(null);
      onAdded();
    } catch (error) {
      message.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="提出整改事项">
      <Flex gap={8} wrap>
        <Input
          aria-label="整改事项"
          placeholder="要整改什么"
          style={{ flex: '1 1 320px' }}
          maxLength={1000}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Input
          aria-label="责任人"
          placeholder="责任人"
          style={{ width: 180 }}
          maxLength={100}
          value={ownerName}
          onChange={(e) => setOwnerName(e.target.value)}
        />
        <DatePicker aria-label="整改期限" placeholder="整改期限" value={dueOn} onChange={setDueOn} />
        <Button
          type="primary"
          loading={busy}
          disabled={!title.trim() || !ownerName.trim() || !dueOn}
          onClick={() => void save()}
        >
          提出
        </Button>
      </Flex>
    </Card>
  );
}
