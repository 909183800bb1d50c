import { App } from 'antd';
import { messageOf } from '../api/client';
import { latestFromConflict, VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../api/error-details';

interface ConfirmedUpdate<T> {
  title: string;
  content: string;
  okText: string;
  danger: boolean;
  send: () => Promise<T>;
  /** Said once the change is saved. */
  success: string;
  /** The saved object, or the latest state a version conflict brought instead. */
  onSaved: (item: T) => void;
}

/** Asks before sending a one-click change (停用, 启用); if the object has changed meanwhile, shows its latest state. */
export function useConfirmedUpdate() {
  const { message, modal } = App.useApp();
  return <T>({ title, content, okText, danger, send, success, onSaved }: ConfirmedUpdate<T>) =>
    modal.confirm({
      title,
      content,
      okText,
      okButtonProps: { danger },
      cancelText: '取消',
      onOk: async () => {
        try {
          onSaved(await send());
          message.success(success);
        } catch (e) {
          const latest = latestFromConflict<T>(e);
          if (latest) {
            onSaved(latest);
            message.warning(`${VERSION_CONFLICT_TITLE}：${VERSION_CONFLICT_HINT}`);
          } else {
            message.error(messageOf(e));
          }
        }
      },
    });
}
