import { useRef, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography, Upload } from 'antd';
import { EVIDENCE_ACCEPT } from '@evalflow/domain';
import { messageOf } from '../../../api/client';
import { uploadEvidence, type EvidenceListView } from '../../../api/evidence-api';
import type { EvidenceState } from './evidence-context';
import { evidenceUploadProblem } from './evidence-precheck';

interface EvidenceUploadProps {
  state: EvidenceState;
  list: EvidenceListView;
  /** the row's 三级指标 the files go to; null: the report as a whole */
  indicator: string | null;
  label?: string;
}

/**
 * 上传: each chosen file checked by name and size against the county's limits first (told why in Chinese
 * and not sent), then sent as it is; a file the API refuses is named with the API's message.
 */
export function EvidenceUpload({ state, list, indicator, label = '上传佐证材料' }: EvidenceUploadProps) {
  const { message } = App.useApp();
  const [problems, setProblems] = useState<string[]>([]);
  const [sending, setSending] = useState(0);
  // the files of one choice that passed, so a batch is held to the report's limits as a whole
  const batch = useRef({ bytes: 0, files: 0 });
  const problem = (text: string) => setProblems((found) => [...found, text]);

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Upload
          accept={EVIDENCE_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={(file, chosen) => {
            if (file === chosen[0]) {
              setProblems([]);
              batch.current = { bytes: 0, files: 0 };
            }
            const found = evidenceUploadProblem(file, list, batch.current);
            if (found) {
              problem(found);
              return Upload.LIST_IGNORE;
            }
            batch.current = { bytes: batch.current.bytes + file.size, files: batch.current.files + 1 };
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            const chosen = file as File;
            setSending((n) => n + 1);
            uploadEvidence(state.api, state.reportId, chosen, indicator)
              .then(
                (item) => {
                  state.added(item);
                  void message.success(`已上传「${item.fileName}」`);
                  onSuccess?.(item);
                },
                (error: unknown) => {
                  problem(`「${chosen.name}」未上传：${messageOf(error, '上传失败，请稍后重试')}`);
                  onError?.(error instanceof Error ? error : new Error(String(error)));
                },
              )
              .finally(() => setSending((n) => n - 1));
          }}
        >
          <Button icon={<UploadOutlined />} loading={sending > 0}>
            {label}
          </Button>
        </Upload>
        {sending > 0 && <Typography.Text type="secondary">正在上传 {sending} 个文件…</Typography.Text>}
      </Flex>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => setProblems([]) }}
          title={problems.length === 1 ? problems[0] : `${problems.length} 个文件未上传`}
          description={
            problems.length > 1 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </Flex>
  );
}
