import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import { validateTemplate, type TemplateDefinition, type TemplateProblem } from '@evalflow/domain';
import { isAbort, messageOf } from '../../api/client';
import type { VersionedTemplate } from '../../api/template-types';
import {
  discardTemplateDraft,
  getTemplate,
  isTemplateConflict,
  previewTemplatePdf,
  saveTemplateDraft,
  templateProblemsOf,
} from '../../api/templates-api';
import { useSession } from '../../auth/session-context';
import { Problems } from './problems';
import type { SectionProps } from './editor/section-props';

/** The definition the editor starts from: the draft, else the latest version (a new draft starts from it). */
function startingDefinition({ template }: VersionedTemplate, editable: boolean): TemplateDefinition | null {
  return editable
    ? (template.draftDefinition ?? template.latestDefinition)
    : (template.latestDefinition ?? template.draftDefinition);
}

/** Problems of both sources once each (the server's may repeat the browser's). */
function mergeProblems(...lists: ReadonlyArray<readonly TemplateProblem[]>): TemplateProblem[] {
  const seen = new Set<string>();
  return lists.flat().filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A template loaded for editing and its draft definition as typed: checked as it changes (with what the
 * server last refused), saved with If-Match of the draft's version, discarded, previewed as a PDF.
 * `onServerProblems` hears each list of problems the server answers (to turn to the first one's tab).
 */
export function useTemplateDraft(
  id: string,
  canEdit: boolean,
  onServerProblems: (problems: TemplateProblem[]) => void,
) {
  const session = useSession();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<VersionedTemplate>();
  const [loadError, setLoadError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [def, setDef] = useState<TemplateDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [serverProblems, setServerProblems] = useState<TemplateProblem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState<'discard' | 'preview' | null>(null);
  const [actionError, setActionError] = useState<string>();
  const [pdf, setPdf] = useState<Blob | null>(null);
  const current = useRef(def);
  current.current = def;

  /** Takes what the server answered as the state of the page (after a load, a discard, a conflict's reload). */
  const adopt = useCallback(
    (answer: VersionedTemplate) => {
      setLoaded(answer);
      setDef(startingDefinition(answer, canEdit && !answer.template.builtin));
      setDirty(false);
      setServerProblems([]);
      setConflict(false);
    },
    [canEdit],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoadError(undefined);
    getTemplate(session, id, controller.signal).then(
      (answer) => {
        if (!controller.signal.aborted) adopt(answer);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [session, id, attempt, adopt]);

  // leaving the page with unsaved changes asks first
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // the same checks as the server's, on every change
  const clientProblems = useMemo(() => {
    const validation = def ? validateTemplate(def) : null;
    return validation && !validation.ok ? validation.problems : [];
  }, [def]);
  const problems = useMemo(
    () => new Problems(mergeProblems(serverProblems, clientProblems)),
    [serverProblems, clientProblems],
  );

  const update: SectionProps['update'] = useCallback((change) => {
    setDef((d) => (d ? change(d) : d));
    setDirty(true);
    setServerProblems([]);
  }, []);

  const showServerProblems = (found: TemplateProblem[]) => {
    setServerProblems(found);
    onServerProblems(found);
  };

  /** Loads the template again (after a conflict, after publishing). */
  const reload = () => {
    setConflict(false);
    setAttempt((n) => n + 1);
  };

  const save = async () => {
    if (!loaded || !def) return;
    const sent = def;
    setSaving(true);
    setActionError(undefined);
    try {
      const answer = await saveTemplateDraft(session, loaded.template.id, loaded.draftVersion, sent);
      setLoaded(answer);
      // what was typed while the save was under way stays, still to be saved
      if (current.current === sent) {
        setDef(answer.template.draftDefinition ?? sent);
        setDirty(false);
      }
      setServerProblems([]);
      message.success('草稿已保存');
    } catch (error) {
      const found = templateProblemsOf(error);
      if (found) showServerProblems(found);
      else if (isTemplateConflict(error)) setConflict(true);
      else setActionError(messageOf(error, '保存失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };

  const discard = async () => {
    if (!loaded) return;
    setBusy('discard');
    setActionError(undefined);
    try {
      adopt(await discardTemplateDraft(session, loaded.template.id, loaded.draftVersion));
      message.success('已放弃草稿');
    } catch (error) {
      if (isTemplateConflict(error)) setConflict(true);
      else setActionError(messageOf(error, '操作失败，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };

  const preview = async () => {
    if (!def) return;
    setBusy('preview');
    setActionError(undefined);
    try {
      setPdf(await previewTemplatePdf(session, def));
    } catch (error) {
      const found = templateProblemsOf(error);
      if (found) showServerProblems(found);
      else setActionError(messageOf(error, 'PDF 预览生成失败，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };

  return {
    loaded,
    loadError,
    def,
    dirty,
    problems,
    /** Whether the problems listed include the server's refusal. */
    refused: serverProblems.length > 0,
    conflict,
    saving,
    busy,
    actionError,
    pdf,
    update,
    save,
    discard,
    preview,
    reload,
    showServerProblems,
    markConflict: () => setConflict(true),
    clearActionError: () => setActionError(undefined),
    closePdf: () => setPdf(null),
  };
}

export type TemplateDraft = ReturnType<typeof useTemplateDraft>;
