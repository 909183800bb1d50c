import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Input, Typography } from 'antd';
import {
  MAX_RESCORE_NOTE,
  rescoreScoreProblem,
  rescoreTotals,
  rowOutcome,
  type RescoreRowResult,
} from '@evalflow/domain';
import { messageOf, type ApiClient } from '../../../api/client';
import { latestFromConflict, VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../../../api/error-details';
import { saveRescore, type RescoreView } from '../../../api/rescore-api';
import { DateTime } from '../../../components/date-time';
import { RescoreSummary } from './rescore-summary';
import { RescoreTable, type RescoreTableRow } from './rescore-table';

type Inputs = Record<string, { score: string; note: string }>;

const inputsOf = (rows: RescoreRowResult[]): Inputs =>
  Object.fromEntries(rows.map((r) => [r.row, { score: r.reScore ?? '', note: r.note }]));

/**
 * The finance bureau's 复核评分 beside each row's self-score: the final score and grade follow every keystroke
 * (the domain's own functions), the save carries the version it was based on. Mount it with key={view.version}.
 */
export function RescoreEditor({
  api,
  reportId,
  view,
  onSaved,
}: {
  api: ApiClient;
  reportId: string;
  view: RescoreView;
  onSaved: (view: RescoreView) => void;
}) {
  const { message } = App.useApp();
  const [inputs, setInputs] = useState<Inputs>(() => inputsOf(view.rows));
  const [saving, setSaving] = useState(false);
  const set = (row: string, change: Partial<Inputs[string]>) =>
    setInputs((all) => ({ ...all, [row]: { ...all[row], ...change } }));

  const live = useMemo(() => {
    const rows = view.rows.map((r) => {
      const typed = inputs[r.row]?.score.trim() ?? '';
      const reScore = typed === '' ? null : typed;
      const problem = rescoreScoreProblem(r, reScore);
      // a score not yet valid counts as none in the live totals
      const counted = problem ? null : reScore;
      return {
        ...r,
        reScore: counted,
        note: inputs[r.row]?.note ?? '',
        typed,
        problem,
        ...rowOutcome(view.rule, r.selfScore, counted),
      };
    });
    return { rows, totals: rescoreTotals(rows, view.rule, view.gradeBands) };
  }, [inputs, view]);
  const problems = live.rows.flatMap((r) => (r.problem ? [r.problem] : []));

  const tableRows: RescoreTableRow[] = live.rows.map((r) => ({
    ...r,
    scoreCell: (
      <>
        <Input
          aria-label={`${r.label}的复核得分`}
          value={r.typed}
          status={r.problem ? 'error' : undefined}
          placeholder={r.weight === null ? '无分值' : `0–${r.weight}`}
          disabled={r.weight === null}
          inputMode="decimal"
          onChange={(e) => set(r.row, { score: e.target.value })}
          style={{ textAlign: 'right' }}
        />
        {r.problem && (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {r.problem.message}
          </Typography.Text>
        )}
      </>
    ),
    noteCell: (
      <Input.TextArea
        aria-label={`${r.label}的复核说明`}
        value={r.note}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={MAX_RESCORE_NOTE}
        onChange={(e) => set(r.row, { note: e.target.value })}
      />
    ),
  }));

  const save = async () => {
    setSaving(true);
    try {
      const rows = live.rows.map((r) => ({ row: r.row, score: r.reScore, note: r.note.trim() }));
      onSaved(await saveRescore(api, reportId, view.version, rows));
      message.success('复核评分已保存');
    } catch (e) {
      const latest = latestFromConflict<RescoreView>(e);
      if (latest) {
        message.warning(`${VERSION_CONFLICT_TITLE}：${VERSION_CONFLICT_HINT}`);
        onSaved(latest);
      } else {
        message.error(messageOf(e, '保存失败，请稍后重试'));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        在自评得分旁逐行填写复核得分（不超过该行分值，最多 2
        位小数）；不填的行按自评得分计。部门在报告审核通过后才能看到复核评分。
        {view.updatedBy && (
          <>
            {' '}
            最后由 {view.updatedBy} 于 <DateTime value={view.updatedAt ?? ''} /> 复核。
          </>
        )}
      </Typography.Paragraph>
      {view.outdated > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`报告退回修改后，有 ${view.outdated} 行复核评分所对应的指标已变化，未计入，请重新复核`}
        />
      )}
      <RescoreTable rows={tableRows} label="复核评分" />
      <RescoreSummary totals={live.totals} rule={view.rule} />
      <Flex justify="end">
        <Button type="primary" loading={saving} disabled={problems.length > 0} onClick={() => void save()}>
          保存复核评分
        </Button>
      </Flex>
    </Flex>
  );
}
