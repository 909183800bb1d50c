import { useState } from 'react';
import { DownloadOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';
import type { ReportKind } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import { exportScoreSheet } from '../../../api/score-sheet-api';
import { useFileExport } from '../../../hooks/use-file-export';
import { ReportImportModal } from './report-import-modal';
import { ScoreSheetImportModal } from './score-sheet-import-modal';

interface ScoreSheetToolbarProps {
  api: ApiClient;
  report: { id: string; kind: ReportKind; fileName: string };
  /**
   * the import, for those who may change the draft; `blocked` says why it is off (unsaved edits); `handed`
   * a file chosen in 新建报告 → 从文件导入, imported at once, and `onHandedClosed` when its dialog closes
   */
  importing?: {
    blocked: string | undefined;
    onImported: () => void;
    handed?: File;
    onHandedClosed?: () => void;
  };
}

/** 导出绩效自评表 (Excel), and for an editable draft 从 Excel 导入 and 从文件导入 — above the report's content. */
export function ScoreSheetToolbar({ api, report, importing }: ScoreSheetToolbarProps) {
  const exportFile = useFileExport();
  const [open, setOpen] = useState(false);
  const [fileOpen, setFileOpen] = useState(false);
  return (
    <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
      <Button
        icon={<DownloadOutlined />}
        loading={exportFile.exporting}
        onClick={() => void exportFile.run(() => exportScoreSheet(api, report.id), report.fileName)}
      >
        导出绩效自评表（Excel）
      </Button>
      {importing && (
        <Tooltip title={importing.blocked}>
          <Button icon={<UploadOutlined />} disabled={importing.blocked !== undefined} onClick={() => setOpen(true)}>
            从 Excel 导入
          </Button>
        </Tooltip>
      )}
      {importing && (
        <Tooltip title={importing.blocked}>
          <Button
            icon={<FileWordOutlined />}
            disabled={importing.blocked !== undefined}
            onClick={() => setFileOpen(true)}
          >
            从文件导入（Word/文本）
          </Button>
        </Tooltip>
      )}
      {importing && (
        <ScoreSheetImportModal
          api={api}
          reportId={report.id}
          kind={report.kind}
          open={open}
          onClose={() => setOpen(false)}
          onImported={importing.onImported}
        />
      )}
      {importing && (fileOpen || importing.handed) && (
        <ReportImportModal
          api={api}
          reportId={report.id}
          kind={report.kind}
          open
          initialFile={importing.handed}
          onClose={() => {
            setFileOpen(false);
            importing.onHandedClosed?.();
          }}
          onImported={importing.onImported}
        />
      )}
    </Flex>
  );
}
