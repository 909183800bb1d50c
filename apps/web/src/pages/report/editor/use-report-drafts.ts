import { useCallback, useEffect, useRef, useState } from 'react';
import {
  jsonEqual,
  partsOf,
  validatePart,
  type ReportKind,
  type ReportPart,
  type ShapeProblem,
} from '@evalflow/domain';
import { ApiError, messageOf, type ApiClient } from '../../../api/client';
import { partConflictOf, writePart, type PartWriteView } from '../../../api/report-parts-api';
import type { ReportView } from '../../../api/report-types';
import { clearDraft, readDraft, writeDraft } from './draft-storage';
import { initialSaveState, type PartSaveState } from './save-state';

export const AUTOSAVE_DELAY_MS = 1500;

/** The parts of the report's kind (partsOf), each with its draft and its save state. */
export type PartDrafts = Partial<Record<ReportPart, unknown>>;
export type PartStates = Partial<Record<ReportPart, PartSaveState>>;

const byPart = <T>(kind: ReportKind, make: (part: ReportPart) => T) =>
  Object.fromEntries(partsOf(kind).map((p) => [p, make(p)])) as Partial<Record<ReportPart, T>>;

/**
 * What a refused write says about the fields: a 400 REPORT_CONTENT_INVALID lists them; a 409
 * REPORT_EXISTS on a 项目编码 another table of the year already has names that field.
 */
function problemsOf(error: unknown): ShapeProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.body.details;
  if (error.code === 'REPORT_EXISTS' && typeof (details as { path?: unknown } | undefined)?.path === 'string') {
    return [{ path: (details as { path: string }).path, message: error.message }];
  }
  if (error.code !== 'REPORT_CONTENT_INVALID' || !Array.isArray(details)) return [];
  return (details as Array<Partial<ShapeProblem> & { field?: string }>)
    .map((d) => ({ path: d.path ?? d.field ?? '', message: d.message ?? '格式不正确' }))
    .filter((d) => d.path !== '');
}

/**
 * The editor's local copy of every part and its autosave: an edit is kept in memory and in
 * sessionStorage at once, and saved `delay` ms after typing stops with If-Match of the part version
 * it was based on. A 412 keeps the draft and holds the part in conflict until the user resolves it.
 */
export function useReportDrafts(
  api: ApiClient,
  report: ReportView | undefined,
  enabled: boolean,
  onSaved: (view: PartWriteView) => void,
  delay = AUTOSAVE_DELAY_MS,
) {
  const [drafts, setDrafts] = useState<PartDrafts | null>(null);
  const [states, setStates] = useState<PartStates | null>(null);
  const draftsRef = useRef<PartDrafts | null>(null);
  const statesRef = useRef<PartStates | null>(null);
  const timers = useRef(new Map<ReportPart, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<ReportPart>());
  const reportId = report?.id ?? '';
  const kind = report?.kind ?? 'department_overall';
  const loadedFor = useRef<string | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const putState = useCallback((part: ReportPart, change: Partial<PartSaveState>) => {
    const state = statesRef.current?.[part];
    if (!statesRef.current || !state) return;
    statesRef.current = { ...statesRef.current, [part]: { ...state, ...change } };
    setStates(statesRef.current);
  }, []);

  const putDraft = useCallback((part: ReportPart, content: unknown) => {
    if (!draftsRef.current) return;
    draftsRef.current = { ...draftsRef.current, [part]: content };
    setDrafts(draftsRef.current);
  }, []);

  const save = useCallback(
    async (part: ReportPart) => {
      const state = statesRef.current?.[part];
      const content = draftsRef.current?.[part];
      if (!state || state.status === 'conflict' || state.status === 'saved' || state.status === 'idle') return;
      if (inFlight.current.has(part)) return; // saved again when the write in flight is answered
      const checked = validatePart(kind, part, content);
      if (!checked.ok) {
        putState(part, { status: 'invalid', problems: checked.problems, error: null });
        return;
      }
      inFlight.current.add(part);
      putState(part, { status: 'saving', error: null });
      try {
        const view = await writePart(api, reportId, part, state.baseVersion, content);
        inFlight.current.delete(part);
        const unchanged = draftsRef.current?.[part] === content;
        putState(part, {
          status: unchanged ? 'saved' : 'dirty',
          baseVersion: view.version,
          baseContent: view.content,
          savedAt: view.updatedAt,
          problems: [],
        });
        if (unchanged) clearDraft(reportId, part);
        else void save(part);
        onSavedRef.current(view);
      } catch (error) {
        inFlight.current.delete(part);
        const conflict = partConflictOf(error);
        if (conflict) {
          putState(part, { status: 'conflict', conflict });
          return;
        }
        const problems = problemsOf(error);
        if (problems.length) putState(part, { status: 'invalid', problems, error: null });
        else putState(part, { status: 'failed', error: messageOf(error, '保存失败，请检查网络后重试') });
      }
    },
    [api, reportId, kind, putState],
  );

  const schedule = useCallback(
    (part: ReportPart, wait = delay) => {
      clearTimeout(timers.current.get(part));
      timers.current.set(
        part,
        setTimeout(() => void save(part), wait),
      );
    },
    [save, delay],
  );

  // the first load of the report: server parts, with any unsaved edit of this tab on top
  useEffect(() => {
    // not editable (submitted, in review…): forget the load, so editable again (withdrawn, returned)
    // starts from what the server holds then, not from this tab's copy of before
    if (!enabled) loadedFor.current = null;
    if (!report || !enabled || loadedFor.current === report.id) return;
    loadedFor.current = report.id;
    const stored = byPart(report.kind, (p) => readDraft(report.id, p));
    draftsRef.current = byPart(report.kind, (p) => stored[p]?.content ?? report.parts[p]?.content);
    statesRef.current = byPart(report.kind, (p) => {
      const server = report.parts[p];
      const base = initialSaveState(server?.version ?? 0, server?.content);
      const draft = stored[p];
      if (!draft) return base;
      return jsonEqual(draft.content, server?.content) && draft.baseVersion === server?.version
        ? base
        : { ...base, baseVersion: draft.baseVersion, status: 'dirty' as const };
    });
    setDrafts(draftsRef.current);
    setStates(statesRef.current);
    for (const p of partsOf(report.kind)) if (statesRef.current[p]?.status === 'dirty') schedule(p, 0);
  }, [report, enabled, schedule]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  /** The user changed a part: keep it, and save once typing stops. */
  const edit = useCallback(
    (part: ReportPart, content: unknown) => {
      const state = statesRef.current?.[part];
      if (!state) return;
      putDraft(part, content);
      writeDraft(reportId, part, { baseVersion: state.baseVersion, content });
      if (state.status !== 'conflict') {
        putState(part, { status: 'dirty', problems: [] });
        schedule(part);
      }
    },
    [reportId, putDraft, putState, schedule],
  );

  /**
   * Ends a conflict with `content` (theirs, mine, or a merge): the part is now based on their
   * version, and what differs from theirs is saved at once.
   */
  const resolve = useCallback(
    (part: ReportPart, content: unknown) => {
      const conflict = statesRef.current?.[part]?.conflict;
      if (!conflict) return;
      const theirs = conflict.current;
      putDraft(part, content);
      const same = jsonEqual(content, theirs.content);
      putState(part, {
        status: same ? 'saved' : 'dirty',
        conflict: null,
        baseVersion: theirs.version,
        baseContent: theirs.content,
        savedAt: same ? theirs.updatedAt : (statesRef.current?.[part]?.savedAt ?? null),
      });
      if (same) clearDraft(reportId, part);
      else {
        writeDraft(reportId, part, { baseVersion: theirs.version, content });
        schedule(part, 0);
      }
    },
    [reportId, putDraft, putState, schedule],
  );

  /** 保存失败: try again now. */
  const retry = useCallback((part: ReportPart) => schedule(part, 0), [schedule]);

  /**
   * The server's parts replace this tab's (an import wrote them): nothing unsaved is kept, and the next
   * load of the report starts the editor again from what the server holds.
   */
  const adoptServer = useCallback(() => {
    if (report) for (const p of partsOf(report.kind)) clearDraft(report.id, p);
    loadedFor.current = null;
  }, [report]);

  return { drafts, states, edit, resolve, retry, adoptServer };
}

export type ReportDrafts = ReturnType<typeof useReportDrafts>;
