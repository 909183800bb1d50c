import { useState } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Select, Tooltip } from 'antd';
import {
  reportDisplayName,
  ROLE_LABELS,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  type TransitionAction,
} from '@evalflow/domain';
import { messageOf } from '../../../api/client';
import { signOffReport, transitionReport } from '../../../api/reports-api';
import type { ChecksView, OpenComment, ReportView } from '../../../api/report-types';
import { useSession } from '../../../auth/session-context';
import { useModalTarget } from '../../../hooks/use-modal-target';
import { isVersionConflict, needsReload, REPORT_CONFLICT_MESSAGE } from './move-errors';
import { ReasonModal, type ReasonedAction } from './reason-modal';

interface ReportActionsProps {
  report: ReportView;
  checks: ChecksView | undefined;
  /** Open threads: they go with a return, and an approval asks about them. */
  openComments: OpenComment[];
  /** The user is the department's head (may submit without a separate sign-off). */
  isHead: boolean;
  /** After a move or sign-off, or a refusal that means the page is out of date: load it all again. */
  onChanged: () => void;
  /** Why the editor's content is not on the server yet (unsaved, saving, conflict…), if it is not. */
  unsaved?: string;
  /**
   * Given, a submit held back only by the checks stays clickable: a click says why and calls this (the
   * editor then shows every missing field as an error) instead of a button that silently does nothing.
   */
  onBlockedSubmit?: () => void;
}

const PRIMARY: ReadonlySet<TransitionAction> = new Set(['submit', 'start_review', 'approve']);
const DANGER: ReadonlySet<TransitionAction> = new Set(['withdraw', 'return', 'reopen']);

function confirmText(action: TransitionAction, report: ReportView, checks: ChecksView | undefined, openCount: number) {
  switch (action) {
    case 'submit': {
      const warnings = checks?.warnings ? `检查仍有 ${checks.warnings} 处提示（不阻止提交），请确认已核实。` : '';
      return `提交后，报告内容将冻结为一个新的提交版本并交财政局审核，审核期间不能修改。${warnings}`;
    }
    case 'withdraw':
      return '撤回后报告回到草稿状态，可继续修改后重新提交。财政局开始审核后就不能再撤回了。';
    case 'start_review':
      return `开始审核${reportDisplayName(report)}后，部门将不能再撤回。`;
    case 'approve':
      return openCount > 0
        ? `仍有 ${openCount} 条未解决的意见。审核通过后报告不能再修改，意见也将关闭；确定通过吗？`
        : '审核通过后报告不能再修改；如需修改，须由财政局领导重新打开。';
    default:
      return '';
  }
}

/** The workflow buttons the API offers this user now, and the head's sign-off. */
export function ReportActions({
  report,
  checks,
  openComments,
  isHead,
  onChanged,
  unsaved,
  onBlockedSubmit,
}: ReportActionsProps) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const reasonModal = useModalTarget<ReasonedAction>();
  const [signing, setSigning] = useState(false);
  // a stand-in (代理人) chooses whom it acts for: itself ('') or a principal of a delegation in force
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const standInFor = report.standInFor ?? [];

  const failed = (e: unknown) => {
    if (isVersionConflict(e)) {
      message.warning(REPORT_CONFLICT_MESSAGE);
      onChanged();
      return;
    }
    message.error(messageOf(e));
    if (needsReload(e)) onChanged();
  };

  const move = async (action: TransitionAction, reason?: string): Promise<boolean> => {
    try {
      const actingFor = standInFor.find((p) => p.userId === onBehalfOf);
      const result = await transitionReport(session, report.id, action, report.version, reason, actingFor?.userId);
      const revision = result.revision ? `（第 ${result.revision.number} 版）` : '';
      const inName = actingFor ? `（代${actingFor.name}）` : '';
      message.success(`已${TRANSITIONS[action].label}${revision}${inName}`);
      onChanged();
      return true;
    } catch (e) {
      failed(e);
      // a stale page is reloaded behind the dialog; close it so the user sees the news
      return needsReload(e);
    }
  };

  const start = (action: TransitionAction) => {
    if (action === 'return' || action === 'reopen') {
      reasonModal.show(action);
      return;
    }
    modal.confirm({
      title: `${TRANSITIONS[action].label}报告？`,
      content: confirmText(action, report, checks, openComments.length),
      okText: TRANSITIONS[action].label,
      okButtonProps: { danger: DANGER.has(action) },
      cancelText: '取消',
      onOk: () => move(action),
    });
  };

  const signOff = () =>
    modal.confirm({
      title: '签核报告？',
      content: '签核表示您作为部门负责人已审阅并同意报告的当前内容。签核后如内容再有修改，需要重新签核。',
      okText: '签核',
      cancelText: '取消',
      onOk: async () => {
        setSigning(true);
        try {
          await signOffReport(session, report.id, report.version);
          message.success('已签核');
          onChanged();
        } catch (e) {
          failed(e);
        } finally {
          setSigning(false);
        }
      },
    });

  const checksBlocker = (action: TransitionAction): string | undefined =>
    TRANSITIONS[action].needsPassingChecks && checks?.blocking
      ? `报告仍有 ${checks.errors} 处错误或未填写的内容，不能${TRANSITIONS[action].label}`
      : undefined;

  const blockers = (action: TransitionAction): string | undefined => {
    // the four-eyes reasons are the user's own; acting for another, the API decides
    const fourEyes = onBehalfOf ? undefined : report.actionBlocks?.[action];
    if (fourEyes) return fourEyes;
    if (action === 'submit' && unsaved) return unsaved;
    const byChecks = checksBlocker(action);
    if (byChecks) return byChecks;
    if (action === 'submit' && report.signOff?.required && !report.signOff.head?.current && !isHead) {
      return '本县要求提交前须经部门负责人签核，请先请部门负责人签核';
    }
    return undefined;
  };

  const actions = TRANSITION_ACTIONS.filter((a) => report.availableActions.includes(a));
  const signedNow = report.signOff?.head?.current ?? false;
  return (
    <>
      {standInFor.length > 0 && actions.length > 0 && (
        <Select
          aria-label="操作身份"
          value={onBehalfOf}
          onChange={setOnBehalfOf}
          style={{ minWidth: 180 }}
          options={[
            { value: '', label: '以本人身份' },
            ...standInFor.map((p) => ({ value: p.userId, label: `代 ${p.name}（${ROLE_LABELS[p.role]}）` })),
          ]}
        />
      )}
      {report.canSignOff && (
        <Tooltip title={signedNow ? '您已签核报告的当前内容' : undefined}>
          <Button icon={<AuditOutlined />} loading={signing} disabled={signedNow} onClick={signOff}>
            {signedNow ? '已签核' : '部门负责人签核'}
          </Button>
        </Tooltip>
      )}
      {actions.map((action) => {
        const blocked = blockers(action);
        const tryAnyway = action === 'submit' && onBlockedSubmit !== undefined && blocked === checksBlocker(action);
        return (
          <Tooltip key={action} title={blocked}>
            <Button
              type={PRIMARY.has(action) ? 'primary' : 'default'}
              danger={DANGER.has(action)}
              disabled={blocked !== undefined && !tryAnyway}
              aria-description={blocked}
              onClick={() => {
                if (blocked === undefined) return start(action);
                message.warning(blocked);
                onBlockedSubmit?.();
              }}
            >
              {TRANSITIONS[action].label}
            </Button>
          </Tooltip>
        );
      })}
      {reasonModal.target && (
        <ReasonModal
          action={reasonModal.target}
          kind={report.kind}
          openComments={openComments}
          onSubmit={(reason) => move(reasonModal.target as ReasonedAction, reason)}
          {...reasonModal.dialog}
        />
      )}
    </>
  );
}
