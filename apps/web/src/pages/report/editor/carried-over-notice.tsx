import { useState } from 'react';
import { Alert, Typography } from 'antd';
import type { ReportView } from '../../../api/report-types';
import { pathLabel } from '../fields/field-paths';

/** What a new report took over from last year's approved one, until the user closes the notice. */
export function CarriedOverNotice({ report }: { report: ReportView }) {
  const [open, setOpen] = useState(true);
  if (!open || report.carriedOver.length === 0 || report.status !== 'draft') return null;
  return (
    <Alert
      type="info"
      showIcon
      closable={{ onClose: () => setOpen(false), 'aria-label': '关闭沿用说明' }}
      style={{ marginBottom: 16 }}
      title="已根据上一年度通过的报告预填以下内容，请逐项核对更新"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {report.carriedOver.map((c) => (
            <li key={c.path}>
              <Typography.Text strong>{pathLabel(report.kind, c.path)}</Typography.Text>：{c.note}
            </li>
          ))}
        </ul>
      }
    />
  );
}
