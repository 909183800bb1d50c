import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { messageOf, type ApiClient } from '../../api/client';
import { createReport } from '../../api/report-parts-api';
import { fiscalYearOptions } from './report-columns';

/**
 * 新建报告: picks the fiscal year (by default last year, the one evaluated this spring) and opens
 * the new report, prefilled from last year's approved one when there is one.
 */
export function NewReportButton({ api, now = new Date() }: { api: ApiClient; now?: Date }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(now.getFullYear() - 1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const report = await createReport(api, year);
      setOpen(false);
      navigate(`/reports/${report.id}`);
    } catch (e) {
      setError(messageOf(e, '新建报告失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新建报告
      </Button>
      <Modal
        open={open}
        title="新建绩效自评报告"
        okText="新建并打开"
        confirmLoading={busy}
        onOk={create}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" component="div">
          <Form.Item label="评价年度" htmlFor="new-report-year" extra="有上一年度已通过的报告时，将据此预填部分内容。">
            <Select<number>
              id="new-report-year"
              value={year}
              onChange={setYear}
              options={fiscalYearOptions(now)}
              style={{ width: 160 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
