import { useState } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Select, Tooltip } from 'antd';
import {
  reportDisplayName,
  ROLE_LABELS,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  withdrawHint,
  type TransitionAction,
} from '@evalflow/domain';
import { messageOf } from '../../../api/client';
import { signOffReport, transitionReport } from '../../../api/reports-api';
import type { ChecksView, OpenComment, ReportView } from '../../../api/report-types';
import { useSession, useSignedIn } from '../../../auth/session-context';
import { useModalTarget } from '../../../hooks/use-modal-target';
import { isVersionConflict, needsReload, REPORT_CONFLICT_MESSAGE } from './move-errors';
import { ReasonModal, type ReasonedAction } from './reason-modal';
import { SubmitModal } from './submit-modal';

interface ReportActionsProps {
  report: ReportView;
  checks: ChecksView | undefined;
  /** Open threads: they go with a return; an approval closes them, a resubmission lists them. */
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

/** The plain confirmation of a move that asks nothing more (start_review). */
function confirmText(action: TransitionAction, report: ReportView) {
  return action === 'start_review' ? `开始审核${reportDisplayName(report)}后，部门将不能再撤回。` : '';
}

const REASONED: ReadonlySet<TransitionAction> = new Set(['withdraw', 'return', 'reopen', 'approve']);

/** The evaluation team the report names, as saved (the submit waits for every save). */
function teamMembersOf(report: ReportView): string[] {
  const members = (report.parts.team?.content as { members?: unknown } | undefined)?.members;
  if (!Array.isArray(members)) return [];
  return members.map((m) => (m as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === 'string');
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
  const { me } = useSignedIn();
  const { message, modal } = App.useApp();
  const reasonModal = useModalTarget<ReasonedAction>();
  const submitModal = useModalTarget<'submit'>();
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

  const move = async (action: TransitionAction, reason?: string, teamConfirmed?: boolean): Promise<boolean> => {
    try {
      const actingFor = standInFor.find((p) => p.userId === onBehalfOf);
      const result = await transitionReport(
        session,
        report.id,
        action,
        report.version,
        reason || undefined,
        actingFor?.userId,
        teamConfirmed,
      );
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
    if (REASONED.has(action)) {
      reasonModal.show(action as ReasonedAction);
      return;
    }
    if (action === 'submit') {
      submitModal.show('submit');
      return;
    }
    modal.confirm({
      title: `${TRANSITIONS[action].label}报告？`,
      content: confirmText(action, report),
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
  // an editor whose head could withdraw the submission is told so, rather than finding no 撤回
  const ownDepartment = me.department !== null && me.department.id === report.departmentId;
  const headMayWithdraw = withdrawHint(report.status, me.user.roles, ownDepartment);
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
      {headMayWithdraw && !actions.includes('withdraw') && (
        <Tooltip title={headMayWithdraw}>
          <Button danger disabled aria-description={headMayWithdraw}>
            撤回
          </Button>
        </Tooltip>
      )}
      {submitModal.target && (
        <SubmitModal
          kind={report.kind}
          warnings={checks?.warnings ?? 0}
          teamMembers={teamMembersOf(report)}
          openComments={openComments}
          onSubmit={(teamConfirmed) =>
            move('submit', undefined, report.kind === 'department_overall' ? teamConfirmed : undefined)
          }
          {...submitModal.dialog}
        />
      )}
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
