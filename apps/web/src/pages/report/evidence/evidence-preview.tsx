import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Spin } from 'antd';
import { messageOf, type ApiClient } from '../../../api/client';
import { fetchEvidenceFile, type EvidenceItem } from '../../../api/evidence-api';

interface EvidencePreviewProps {
  api: ApiClient;
  reportId: string;
  item: EvidenceItem;
  onDownload: (item: EvidenceItem) => void;
  onClose: () => void;
}

/**
 * A PDF or an image in a dialog, fetched with the caller's token and shown from a blob: URL (a link to the
 * API cannot carry the token); the URL is freed when the dialog closes (mount it only while open).
 */
export function EvidencePreview({ api, reportId, item, onDownload, onClose }: EvidencePreviewProps) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const controller = new AbortController();
    let created: string | undefined;
    fetchEvidenceFile(api, reportId, item.id, { inline: true, signal: controller.signal }).then(
      (blob) => {
        if (controller.signal.aborted) return;
        // typed as the stored kind, whatever the answer said: the viewer picks its renderer by it
        created = URL.createObjectURL(new Blob([blob], { type: item.contentType }));
        setUrl(created);
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
    return () => {
      controller.abort();
      if (created) URL.revokeObjectURL(created);
    };
  }, [api, reportId, item.id, item.contentType]);

  const image = item.contentType.startsWith('image/');
  return (
    <Modal
      open
      title={`预览：${item.fileName}`}
      width="min(1000px, 96vw)"
      onCancel={onClose}
      // closed by its own 关闭 (×); the file can be downloaded from here too
      footer={<Button onClick={() => onDownload(item)}>下载</Button>}
    >
      {error !== undefined ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="预览失败"
          description={messageOf(error, '加载失败，请稍后重试')}
        />
      ) : !url ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description="正在加载…" />
        </Flex>
      ) : image ? (
        <Flex justify="center">
          <img
            src={url}
            alt={item.fileName}
            data-evidence-preview={item.id}
            style={{ maxWidth: '100%', maxHeight: '75vh' }}
          />
        </Flex>
      ) : (
        <iframe
          title={`佐证材料预览：${item.fileName}`}
          src={url}
          data-evidence-preview={item.id}
          style={{ width: '100%', height: '75vh', border: '1px solid #f0f0f0' }}
        />
      )}
    </Modal>
  );
}
