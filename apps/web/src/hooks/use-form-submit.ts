import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { messageOf } from '../api/client';
import { formErrorsOf, latestFromConflict } from '../api/error-details';

interface FormSubmitOptions<F extends string> {
  /** The form's fields a 400's details may name. */
  fields: readonly F[];
  /** Conflict codes that point at one field (say USERNAME_TAKEN → username). */
  fieldOfCode?: Partial<Record<string, F>>;
  /** Shown when the failure carries no message of the API. */
  failure: string;
  /** Deals with a failure first (a version conflict, say): true when it did. */
  recover?: (error: unknown) => boolean;
}

/**
 * Runs a form's submit: `saving` meanwhile; a failure is marked on the fields the API names,
 * or else shown as `error` above the form.
 */
export function useFormSubmit<F extends string>(
  form: FormInstance,
  { fields, fieldOfCode, failure, recover }: FormSubmitOptions<F>,
) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<void>) => {
    setSaving(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      if (recover?.(e)) return;
      const problems = formErrorsOf(e, fields, fieldOfCode);
      if (problems.length) form.setFields(problems);
      else setError(messageOf(e, failure));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, run };
}

interface VersionedEditOptions<T, V> {
  /** What is being edited, as loaded; absent when the form creates one. */
  record: T | undefined;
  form: FormInstance<V>;
  valuesOf: (record: T) => V;
  /** A saved record, or the latest state found on a version conflict. */
  onSaved: (record: T) => void;
}

/**
 * The version an edit is based on: `record`, until a save meets a newer version (412) and
 * `recover` loads that one into the form (`conflict` then tells the user to check it).
 */
export function useVersionedEdit<T, V>({ record, form, valuesOf, onSaved }: VersionedEditOptions<T, V>) {
  const { message } = App.useApp();
  const [base, setBase] = useState(record);

  const recover = (error: unknown) => {
    const latest = latestFromConflict<T>(error);
    if (!latest || !base) return false;
    setBase(latest);
    form.setFieldsValue(valuesOf(latest));
    onSaved(latest);
    return true;
  };

  /** Sends the changes, if there are any; the saved record, or undefined when nothing changed. */
  const saveChanges = async (changes: object, send: () => Promise<T>): Promise<T | undefined> => {
    if (Object.keys(changes).length === 0) {
      message.info('没有需要保存的修改');
      return undefined;
    }
    const updated = await send();
    message.success('已保存');
    onSaved(updated);
    return updated;
  };

  return { base, conflict: base !== record, recover, saveChanges };
}
