import { useEffect, useState } from 'react';
import { Modal, Typography } from 'antd';

/** A rendered sample PDF in a dialog, with a link to open it in its own tab; its blob URL is freed on close. */
export function PdfPreviewModal({ blob, onClose }: { blob: Blob | null; onClose: () => void }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return undefined;
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(undefined);
    };
  }, [blob]);

  return (
    <Modal
      open={blob !== null}
      title="PDF 预览（示例数据）"
      width="min(960px, 96vw)"
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {url && (
        <>
          <Typography.Paragraph type="secondary">
            按当前（未保存的修改也包括在内）的模板设置生成，内容为示例数据。
            <Typography.Link href={url} target="_blank" rel="noopener" style={{ marginLeft: 8 }}>
              在新标签页打开
            </Typography.Link>
          </Typography.Paragraph>
          <iframe title="PDF 预览" src={url} style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }} />
        </>
      )}
    </Modal>
  );
}
