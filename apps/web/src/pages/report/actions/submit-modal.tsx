import { useState } from 'react';
import { Checkbox, Modal, Typography } from 'antd';
import { REPORT_STATUS_LABELS, type ReportKind } from '@evalflow/domain';
import type { OpenComment } from '../../../api/report-types';
import { OpenCommentList } from './open-comment-list';

interface SubmitModalProps {
  kind: ReportKind;
  open: boolean;
  /** 检查仍有 n 处提示 …: warnings do not block, the user confirms having checked them */
  warnings: number;
  /** The evaluation team the report names (六、评价工作组); none for a project table. */
  teamMembers: string[];
  /** Threads still open: a resubmission says so rather than letting them pass unnoticed. */
  openComments: OpenComment[];
  /** Sends the submission; true when done (the dialog closes). */
  onSubmit: (teamConfirmed: boolean) => Promise<boolean>;
  onClose: () => void;
  afterClose?: () => void;
}

/**
 * Submitting: what it means, the open comments a resubmission leaves behind, and the evaluation team's
 * confirmation (评价工作组确认) — asked, naming the members, never recorded on the submitter's behalf.
 */
export function SubmitModal({
  kind,
  open,
  warnings,
  teamMembers,
  openComments,
  onSubmit,
  onClose,
  afterClose,
}: SubmitModalProps) {
  const [teamConfirmed, setTeamConfirmed] = useState(false);
  const [sending, setSending] = useState(false);
  const submit = async () => {
    setSending(true);
    try {
      if (await onSubmit(teamConfirmed)) onClose();
    } finally {
      setSending(false);
    }
  };
  const named = teamMembers.filter((m) => m.trim() !== '');
  return (
    <Modal
      open={open}
      title="提交报告？"
      okText="提交"
      cancelText="取消"
      okButtonProps={{ loading: sending }}
      onOk={submit}
      onCancel={onClose}
      afterClose={() => {
        setTeamConfirmed(false);
        afterClose?.();
      }}
      mask={{ closable: false }}
      width={600}
    >
      <Typography.Paragraph>
        提交后，报告内容将冻结为一个新的提交版本并交财政局审核，状态变为「{REPORT_STATUS_LABELS.submitted}
        」，审核期间不能修改。
        {warnings > 0 && `检查仍有 ${warnings} 处提示（不阻止提交），请确认已核实。`}
      </Typography.Paragraph>
      {kind === 'department_overall' && (
        <div role="group" aria-label="评价工作组确认">
          <Checkbox checked={teamConfirmed} onChange={(e) => setTeamConfirmed(e.target.checked)}>
            {named.length > 0 ? `评价工作组成员（${named.join('、')}）已确认本报告内容` : '评价工作组已确认本报告内容'}
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px', fontSize: 12 }}>
            勾选后，流程记录中记为「评价工作组确认，由您确认」；不勾选则不记录确认。
          </Typography.Paragraph>
        </div>
      )}
      <OpenCommentList
        kind={kind}
        comments={openComments}
        label="提交时仍未解决的意见"
        title={`以下 ${openComments.length} 条意见仍未解决（财政局可在审核时处理）：`}
      />
    </Modal>
  );
}
