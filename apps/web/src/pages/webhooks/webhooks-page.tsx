import { useCallback, useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookDeliveryView,
  type WebhookView,
} from '../../api/webhooks-api';
import { useSession } from '../../auth/session-context';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useRemote } from '../../hooks/use-remote';

const DELIVERY_STATUS: Record<WebhookDeliveryView['status'], { label: string; color: string }> = {
  pending: { label: '待推送', color: 'blue' },
  succeeded: { label: '成功', color: 'green' },
  failed: { label: '失败', color: 'red' },
};

/** 推送地址: the county administrator registers the systems (预算一体化 …) told of report events, and sees the deliveries. */
export function WebhooksPage() {
  const session = useSession();
  const { modal, message } = App.useApp();
  const hooks = useRemote(useCallback((signal: AbortSignal) => listWebhooks(session, signal), [session]));
  const [form] = Form.useForm<{ url: string; events: WebhookEvent[]; description?: string }>();
  const [deliveriesOf, setDeliveriesOf] = useState<WebhookView | null>(null);
  const [deliveries, setDeliveries] = useState<WebhookDeliveryView[]>([]);

  const showSecret = (secret: string) =>
    modal.info({
      title: '签名密钥（仅显示这一次）',
      width: 560,
      content: (
        <Flex vertical gap={8}>
          <Typography.Text copyable code>
            {secret}
          </Typography.Text>
          <Typography.Text type="secondary">
            请交给接收方保存。接收方用它验证 X-EvalFlow-Signature（sha256=HMAC-SHA256(密钥, 时间戳 + "." +
            请求体)），并拒绝时间戳早于 5 分钟的请求。
          </Typography.Text>
        </Flex>
      ),
    });
  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      hooks.reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  const openDeliveries = async (hook: WebhookView) => {
    setDeliveriesOf(hook);
    try {
      setDeliveries(await listWebhookDeliveries(session, hook.id));
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      <PageHeader
        title="推送地址"
        description="报告提交、退回、审批通过、重新打开等事件发生时，系统向这些地址推送带签名的通知（如预算管理一体化系统）。"
      />
      <Form
        form={form}
        layout="inline"
        initialValues={{ events: ['report.approved'] }}
        onFinish={(values) =>
          act(async () => {
            const created = await createWebhook(session, values);
            form.resetFields();
            showSecret(created.secret);
          }, '已登记推送地址')
        }
      >
        <Form.Item name="url" label="地址" rules={[{ required: true, message: '请填写推送地址' }]}>
          <Input placeholder="https://…" style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input placeholder="如：预算管理一体化系统" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="events" label="事件" rules={[{ required: true, message: '请至少选择一个事件' }]}>
          <Checkbox.Group options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e] }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            登记
          </Button>
        </Form.Item>
      </Form>
      {hooks.error !== undefined && <LoadError error={hooks.error} onRetry={hooks.reload} />}
      <Table<WebhookView>
        rowKey="id"
        loading={hooks.loading}
        dataSource={hooks.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无推送地址' }}
        columns={[
          { title: '地址', render: (_, h) => <Typography.Text copyable>{h.url}</Typography.Text> },
          { title: '说明', dataIndex: 'description' },
          { title: '事件', render: (_, h) => h.events.map((e) => WEBHOOK_EVENT_LABELS[e] ?? e).join('、') },
          {
            title: '状态',
            render: (_, h) =>
              h.pausedAt ? (
                <Tag color="red" title={h.pausedReason ?? ''}>
                  已自动暂停
                </Tag>
              ) : h.active ? (
                <Tag color="green">启用</Tag>
              ) : (
                <Tag>停用</Tag>
              ),
          },
          {
            title: '操作',
            render: (_, h) => (
              <Flex gap={4} wrap>
                <Button size="small" onClick={() => void openDeliveries(h)}>
                  推送记录
                </Button>
                <Button
                  size="small"
                  onClick={() => act(() => updateWebhook(session, h.id, { active: !h.active || h.pausedAt !== null }))}
                >
                  {h.active && !h.pausedAt ? '停用' : '启用'}
                </Button>
                <Button
                  size="small"
                  onClick={() => act(async () => showSecret((await rotateWebhookSecret(session, h.id)).secret))}
                >
                  更换密钥
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: '删除推送地址？',
                      content: '删除后不再向该地址推送；已有推送记录保留。',
                      okText: '删除',
                      okButtonProps: { danger: true },
                      cancelText: '取消',
                      onOk: () => act(() => deleteWebhook(session, h.id), '已删除'),
                    })
                  }
                >
                  删除
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={deliveriesOf !== null}
        title={`推送记录：${deliveriesOf?.url ?? ''}`}
        width={900}
        footer={null}
        onCancel={() => setDeliveriesOf(null)}
      >
        <Table<WebhookDeliveryView>
          rowKey="id"
          dataSource={deliveries}
          pagination={false}
          locale={{ emptyText: '暂无推送记录' }}
          columns={[
            { title: '时间', render: (_, d) => new Date(d.createdAt).toLocaleString('zh-CN') },
            { title: '事件', render: (_, d) => WEBHOOK_EVENT_LABELS[d.event] ?? d.event },
            {
              title: '结果',
              render: (_, d) => <Tag color={DELIVERY_STATUS[d.status].color}>{DELIVERY_STATUS[d.status].label}</Tag>,
            },
            {
              title: '尝试（状态码 / 响应时间）',
              render: (_, d) =>
                d.attempts.map((a) => `${a.status ?? a.error ?? '无响应'} / ${a.ms} 毫秒`).join('；') || '—',
            },
            {
              title: '操作',
              render: (_, d) => (
                <Button
                  size="small"
                  onClick={() =>
                    deliveriesOf &&
                    act(async () => {
                      const replayed = await replayWebhookDelivery(session, deliveriesOf.id, d.id);
                      setDeliveries((all) => all.map((x) => (x.id === d.id ? replayed : x)));
                    }, '已重新推送')
                  }
                >
                  重新推送
                </Button>
              ),
            },
          ]}
        />
      </Modal>
    </Flex>
  );
}
