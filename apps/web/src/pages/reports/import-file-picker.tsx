import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { IMPORT_ACCEPT } from '../../api/report-imports-api';

/**
 * The file a new report starts from, as a form control: chosen here, uploaded only once the report exists
 * (the report page's import dialog does it). The form's rules say what is wrong with it.
 */
export function ImportFilePicker({ value, onChange }: { value?: File; onChange?: (file: File | undefined) => void }) {
  return (
    <Flex vertical gap={8}>
      <Upload.Dragger
        accept={IMPORT_ACCEPT}
        multiple={false}
        showUploadList={false}
        beforeUpload={(chosen) => {
          onChange?.(chosen);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将往年的报告拖到这里</p>
      </Upload.Dragger>
      {value && (
        <Flex align="center" gap={8} data-chosen-file={value.name}>
          <PaperClipOutlined />
          <Typography.Text ellipsis style={{ maxWidth: 460 }}>
            {value.name}
          </Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label="移除所选文件"
            onClick={() => onChange?.(undefined)}
          />
        </Flex>
      )}
    </Flex>
  );
}
