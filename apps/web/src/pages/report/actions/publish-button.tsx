import { useState } from 'react';
import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { PUBLIC_VERSION_OMITS, reportDisplayName } from '@evalflow/domain';
import { messageOf } from '../../../api/client';
import { publishReport } from '../../../api/publications-api';
import type { ReportView } from '../../../api/report-types';
import { useSession } from '../../../auth/session-context';

/** What the confirmation says before an approved report goes public (随决算公开). */
export function PublishConfirmation({
  report,
}: {
  report: Pick<ReportView, 'kind' | 'departmentName' | 'fiscalYear' | 'projectName'>;
}) {
  return (
    <>
      <Typography.Paragraph>
        将生成{reportDisplayName(report)}的公开版 PDF，并在本县（区）的公开页面上向公众提供下载。每页印有「公开版 ·
        随决算公开 · 公开日期」。
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>公开版不包含：</Typography.Paragraph>
      <ul style={{ marginTop: 0, paddingInlineStart: 20 }} aria-label="公开版不包含">
        {PUBLIC_VERSION_OMITS.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <Typography.Text type="secondary">公开后可在「公开登记」中撤销；报告被重新打开时自动撤销公开。</Typography.Text>
    </>
  );
}

/** 公开 on an approved report, for whoever may publish (the finance approver); asks first. */
export function PublishButton({ report, onPublished }: { report: ReportView; onPublished?: () => void }) {
  const session = useSession();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setBusy(true);
    try {
      const publication = await publishReport(session, report.id);
      message.success(`已公开（${publication.publishedOn}），公开版 PDF 正在生成；可在「公开登记」中查看或撤销`);
      onPublished?.();
    } catch (e) {
      message.error(messageOf(e, '公开失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: '公开报告（随决算公开）',
      width: 560,
      content: <PublishConfirmation report={report} />,
      okText: '确认公开',
      cancelText: '取消',
      onOk: publish,
    });

  return (
    <Button icon={<GlobalOutlined />} loading={busy} onClick={confirm}>
      公开
    </Button>
  );
}
