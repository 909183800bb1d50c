import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Input, InputNumber, Radio, Table, Tag, Typography } from 'antd';
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS, type SelectionRuleKind } from '@evalflow/domain';
import { messageOf, type ApiClient } from '../../api/client';
import {
  createBatch,
  listCandidates,
  previewSelection,
  type SelectedReport,
  type SelectionPreview,
  type SelectionRuleInput,
  type SpotCheckBatch,
} from '../../api/spot-checks-api';
import { useRemote } from '../../hooks/use-remote';

const RULE_OPTIONS: Array<{ value: SelectionRuleKind; label: string }> = [
  { value: 'manual', label: '手工选择' },
  { value: 'random', label: '随机抽取' },
  { value: 'below_score', label: '低于分数线' },
  { value: 'flagged', label: '有虚高预警' },
];

const reportName = (r: SelectedReport) =>
  r.kind === 'project'
    ? `${r.departmentName} · ${r.projectName ?? ''}`
    : `${r.departmentName} · ${REPORT_KIND_LABELS[r.kind]}`;

export const reportColumns = [
  { title: '报告', key: 'name', render: (_: unknown, r: SelectedReport) => reportName(r) },
  {
    title: '状态',
    key: 'status',
    width: 90,
    render: (_: unknown, r: SelectedReport) => <Tag>{REPORT_STATUS_LABELS[r.status]}</Tag>,
  },
  { title: '得分', dataIndex: 'totalScore', width: 80, render: (v: string | null) => v ?? '—' },
];

/** A fresh seed for a random selection; shown and stored, so the draw can be repeated. */
const newSeed = () => Math.floor(Math.random() * 1_000_000);

/**
 * A new 抽评 batch: by hand from the year's selectable reports, or by a rule (a share at random with its
 * seed, a score line, a 预警灯), previewed before it is saved.
 */
export function SelectionForm({
  api,
  fiscalYear,
  onCreated,
}: {
  api: ApiClient;
  fiscalYear: number;
  onCreated: (batch: SpotCheckBatch) => void;
}) {
  const { message } = App.useApp();
  const [name, setName] = useState(`${fiscalYear}年度重点绩效评价`);
  const [kind, setKind] = useState<SelectionRuleKind>('random');
  const [picked, setPicked] = useState<string[]>([]);
  const [share, setShare] = useState<number | null>(20);
  const [seed, setSeed] = useState<number | null>(newSeed);
  const [maxScore, setMaxScore] = useState<number | null>(80);
  const [withYellow, setWithYellow] = useState(false);
  const [preview, setPreview] = useState<SelectionPreview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const loadCandidates = useCallback(
    (signal: AbortSignal) => listCandidates(api, fiscalYear, signal),
    [api, fiscalYear],
  );
  const candidates = useRemote(loadCandidates);

  const rule: SelectionRuleInput = useMemo(() => {
    switch (kind) {
      case 'manual':
        return { kind, reportIds: picked };
      case 'random':
        return { kind, sharePercent: String(share ?? ''), seed: seed ?? undefined };
      case 'below_score':
        return { kind, maxScore: String(maxScore ?? '') };
      case 'flagged':
        return { kind, lights: withYellow ? ['red', 'yellow'] : ['red'] };
    }
  }, [kind, picked, share, seed, maxScore, withYellow]);

  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPreview(undefined);
      setError(undefined);
    };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Input
        aria-label="批次名称"
        addonBefore="批次名称"
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
      />
      <Radio.Group
        aria-label="抽取方式"
        optionType="button"
        options={RULE_OPTIONS}
        value={kind}
        onChange={(e) => change(setKind)(e.target.value)}
      />
      {kind === 'manual' && (
        <Table<SelectedReport>
          size="small"
          rowKey="id"
          loading={candidates.loading}
          pagination={false}
          scroll={{ y: 240 }}
          dataSource={candidates.data ?? []}
          columns={[
            ...reportColumns,
            {
              title: '',
              key: 'taken',
              width: 90,
              render: (_: unknown, r: SelectedReport) => (r.alreadySelected ? <Tag color="default">已抽评</Tag> : null),
            },
          ]}
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (keys) => change(setPicked)(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: r.alreadySelected }),
          }}
        />
      )}
      {kind === 'random' && (
        <Flex gap={8} wrap align="center">
          <InputNumber
            aria-label="抽取比例"
            addonAfter="%"
            min={0.01}
            max={100}
            value={share}
            onChange={change(setShare)}
          />
          <InputNumber
            aria-label="随机种子"
            addonBefore="种子"
            min={0}
            precision={0}
            value={seed}
            onChange={change(setSeed)}
          />
          <Button onClick={() => change(setSeed)(newSeed())}>换一个种子</Button>
          <Typography.Text type="secondary">
            种子随批次保存，同一种子、年度和候选报告总是抽出同样的报告。
          </Typography.Text>
        </Flex>
      )}
      {kind === 'below_score' && (
        <InputNumber
          aria-label="分数线"
          addonBefore="总分低于"
          addonAfter="分"
          min={0}
          max={100}
          value={maxScore}
          onChange={change(setMaxScore)}
        />
      )}
      {kind === 'flagged' && (
        <Checkbox checked={withYellow} onChange={(e) => change(setWithYellow)(e.target.checked)}>
          预警灯为黄的部门也选中（默认只选红灯）
        </Checkbox>
      )}
      <Typography.Text type="secondary">
        只能抽评已提交、审核中或已通过的报告；本年度已被抽评的报告不会再次选中。
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      {preview && (
        <Alert
          type={preview.reports.length ? 'info' : 'warning'}
          showIcon
          message={
            preview.reports.length
              ? `${preview.ruleText}：在 ${preview.candidates} 份可抽评报告中选中 ${preview.reports.length} 份`
              : `${preview.ruleText}：没有选中任何报告`
          }
        />
      )}
      {preview && preview.reports.length > 0 && (
        <Table<SelectedReport>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={preview.reports}
          columns={reportColumns}
        />
      )}
      <Flex gap={8} justify="flex-end">
        <Button
          loading={busy}
          onClick={() => void run(async () => setPreview(await previewSelection(api, fiscalYear, rule)))}
        >
          预览
        </Button>
        <Button
          type="primary"
          loading={busy}
          disabled={!name.trim()}
          onClick={() =>
            void run(async () => {
              const batch = await createBatch(api, name, fiscalYear, rule);
              message.success(`已创建抽评批次「${batch.name}」，共 ${batch.reportCount} 份报告`);
              onCreated(batch);
            })
          }
        >
          保存批次
        </Button>
      </Flex>
    </Flex>
  );
}
