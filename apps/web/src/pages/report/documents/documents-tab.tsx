import { useEffect } from 'react';
import { Card, Flex, Typography } from 'antd';
import type { DocumentFormat } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { DocumentView } from '../../../api/report-types';
import { LoadError } from '../../../components/load-error';
import { DocumentJob } from './document-job';
import { DocumentsTable } from './documents-table';
import { isRendering } from './document-labels';
import { useDocumentDownload } from './use-document-download';

/** While a listed document is still rendering, the list is asked again this often. */
export const DOCUMENT_LIST_POLL_MS = 3000;
/** PDF first: the format most people read and print. */
const FORMATS: readonly DocumentFormat[] = ['pdf', 'docx'];

interface DocumentsTabProps {
  api: ApiClient;
  reportId: string;
  documents: DocumentView[] | undefined;
  error: unknown;
  loading: boolean;
  onReload: () => void;
}

/** 正式文档: render the report as PDF or Word and download it, and every document made so far. */
export function DocumentsTab({ api, reportId, documents, error, loading, onReload }: DocumentsTabProps) {
  const { download, downloading } = useDocumentDownload(api);
  const anyRendering = documents?.some(isRendering) ?? false;

  // documents asked for elsewhere (submitting asks for both formats) finish on their own
  useEffect(() => {
    if (!anyRendering) return;
    const timer = setTimeout(onReload, DOCUMENT_LIST_POLL_MS);
    return () => clearTimeout(timer);
  }, [anyRendering, documents, onReload]);

  return (
    <Flex vertical gap={16}>
      <Card title="正式文档" size="small">
        <Typography.Paragraph type="secondary">
          按县里的公文格式生成报告。草稿和退回的报告按当前内容生成，加「草稿」水印；已提交的按最新提交版本生成，加「送审稿」水印；审核通过的附审核通过信息，不加水印。
        </Typography.Paragraph>
        <Flex gap={32} wrap>
          {FORMATS.map((format) => (
            <div key={format} style={{ flex: '1 1 320px' }}>
              <DocumentJob
                api={api}
                reportId={reportId}
                format={format}
                download={download}
                downloading={downloading}
                onChange={onReload}
              />
            </div>
          ))}
        </Flex>
      </Card>
      <section aria-label="已生成的文档">
        <Typography.Title level={5}>已生成的文档</Typography.Title>
        {error !== undefined && <LoadError title="文档列表加载失败" error={error} onRetry={onReload} />}
        {(documents !== undefined || error === undefined) && (
          <DocumentsTable
            documents={documents ?? []}
            loading={loading && documents === undefined}
            download={download}
            downloading={downloading}
          />
        )}
      </section>
    </Flex>
  );
}
