import { useState } from 'react';
import { App, Form } from 'antd';
import { latestFromConflict } from '../../api/error-details';
import { updateSettings, type SettingsChanges } from '../../api/settings-api';
import type { SettingsView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { useFormSubmit } from '../../hooks/use-form-submit';

/**
 * One card of the settings page: its form, the checks' problems, and saving its part of the settings
 * with If-Match — on a conflict the form shows the latest settings and says so.
 */
export function useSettingsCard<V>(
  settings: SettingsView,
  onSaved: (s: SettingsView) => void,
  valuesOf: (latest: SettingsView) => V,
) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const recover = (error: unknown) => {
    const latest = latestFromConflict<SettingsView>(error);
    if (!latest) return false;
    onSaved(latest);
    form.setFieldsValue(valuesOf(latest) as Parameters<typeof form.setFieldsValue>[0]);
    setConflict(true);
    return true;
  };
  const { saving, error, run } = useFormSubmit(form, { fields: [], failure: '保存失败，请稍后重试', recover });

  /** Shows the problems found before sending; with none, saves `changes` and says `done`. */
  const save = (found: string[], changes: SettingsChanges, done: string) => {
    setProblems(found);
    if (found.length) return;
    return run(async () => {
      const saved = await updateSettings(session, settings.version, changes);
      setConflict(false);
      message.success(done);
      onSaved(saved);
    });
  };

  return { form, conflict, problems, saving, error, save };
}
