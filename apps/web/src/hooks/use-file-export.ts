import { useCallback, useState } from 'react';
import { App } from 'antd';
import { messageOf } from '../api/client';
import { saveBlob } from '../pages/report/documents/save-blob';

/**
 * A button's export: fetches a file through the signed-in client (it needs the bearer token, so a bare
 * link cannot work) and hands it to the browser; a failure is said in a message, with the server's reason.
 */
export function useFileExport(): {
  exporting: boolean;
  run: (fetch: () => Promise<Blob>, fileName: string) => Promise<void>;
} {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const run = useCallback(
    async (fetch: () => Promise<Blob>, fileName: string) => {
      setExporting(true);
      try {
        saveBlob(await fetch(), fileName);
      } catch (e) {
        message.error(messageOf(e, '导出失败，请稍后重试'));
      } finally {
        setExporting(false);
      }
    },
    [message],
  );
  return { exporting, run };
}
