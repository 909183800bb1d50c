import { useCallback, useState } from 'react';
import { App } from 'antd';
import { messageOf, type ApiClient } from '../../../api/client';
import { fetchDocumentFile } from '../../../api/documents-api';
import type { DocumentView } from '../../../api/report-types';
import { saveBlob } from './save-blob';

/** Downloads finished documents through the API client (with the token); `downloading` names the one under way. */
export function useDocumentDownload(api: ApiClient) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string>();

  const download = useCallback(
    async (doc: Pick<DocumentView, 'id' | 'fileName'>) => {
      setDownloading(doc.id);
      try {
        saveBlob(await fetchDocumentFile(api, doc.id), doc.fileName);
      } catch (error) {
        message.error(messageOf(error, '下载失败，请稍后重试'));
      } finally {
        setDownloading((current) => (current === doc.id ? undefined : current));
      }
    },
    [api, message],
  );

  return { download, downloading };
}
