import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import type { ApiClient } from '../../api/client';
import { NewReportForm } from './new-report-form';

/**
 * 新建报告: asks the kind (部门整体 report or a project's table), the year and, for a project, which
 * one; opens the new report, prefilled from last year's approved one of the same kind (and project),
 * or 从文件导入: with the file chosen here imported into it as soon as it opens.
 */
export function NewReportButton({
  api,
  departmentId,
  now = new Date(),
}: {
  api: ApiClient;
  /** The user's department (its project tables of last year can be picked). */
  departmentId: string | null;
  now?: Date;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新建报告
      </Button>
      <Modal
        open={open}
        title="新建绩效自评报告"
        footer={null}
        width={640}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <NewReportForm api={api} departmentId={departmentId} now={now} onCancel={() => setOpen(false)} />
      </Modal>
    </>
  );
}
