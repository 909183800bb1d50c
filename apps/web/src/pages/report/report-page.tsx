import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Result, Spin, Tabs, Typography } from 'antd';
import {
  isContentEditable,
  partsOf,
  REPORT_KIND_LABELS,
  reportDisplayName,
  tagged,
  type ReportPart,
} from '@evalflow/domain';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { PartWriteView } from '../../api/report-parts-api';
import { permissionsOf } from '../../auth/permissions';
import { useSignedIn } from '../../auth/session-context';
import { DateTime } from '../../components/date-time';
import { FullPageSpin } from '../../components/full-page-spin';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { DeadlineTag } from '../reports/deadline-tag';
import { ReportStatusTag } from '../reports/report-status-tag';
import { PublishButton } from './actions/publish-button';
import { ReportActions } from './actions/report-actions';
import { CheckSummary } from './checks/check-summary';
import { CommentsTab } from './comments/comments-tab';
import { LocateFieldContext } from './comments/locate-context';
import { inReportOrder, openCommentsOf } from './comments/thread-order';
import { DocumentsTab } from './documents/documents-tab';
import { EvidenceProvider } from './evidence/evidence-provider';
import { EvidenceTab } from './evidence/evidence-tab';
import { EvidenceTabLabel } from './evidence/evidence-tab-label';
import { RevisionEvidence } from './evidence/revision-evidence';
import { RectificationTab } from './rectification/rectification-tab';
import { CarriedOverNotice } from './editor/carried-over-notice';
import { locateField } from './editor/field-dom';
import { FieldSourcesContext } from './editor/field-sources';
import { ReportEditor } from './editor/report-editor';
import { useFieldSources } from './editor/use-field-sources';
import { useLiveChecks } from './editor/use-live-checks';
import { unsavedReason } from './editor/save-state';
import { useReportDrafts } from './editor/use-report-drafts';
import { PartSide } from './part-side';
import { ReportContent } from './report-content';
import { ReturnNotice, SignOffNotice } from './report-notices';
import { takeHandedImport } from './score-sheet/handed-import';
import { ScoreSheetToolbar } from './score-sheet/score-sheet-toolbar';
import { RescoreTab } from './rescore/rescore-tab';
import { HistoryTimeline } from './review/history-timeline';
import { RevisionDiff } from './review/revision-diff';
import { RevisionsTable } from './review/revisions-table';
import { useReportData } from './use-report-data';
import { lacksContent } from './editor/calm-findings';

/**
 * One report, for its department (content, checks, the finance bureau's comments, submit) and for
 * the finance bureau (the same, plus starting and resolving comments, the diff between revisions,
 * start review / return / approve / reopen); both download it as an official PDF or Word document.
 * A draft or returned report opens as the editor for those who may change it.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const { me, ability } = useSignedIn();
  const permissions = permissionsOf(ability, me);
  const reviewer = permissions.reviewReports;
  const { session, report, checks, threads, history, revisions, documents, reloadAll, upsertThread } =
    useReportData(id);
  const [tab, setTab] = useState('content');
  // a try to submit a draft that still lacks something shows every missing field as an error
  const [triedToSubmit, setTriedToSubmit] = useState(false);
  const revealMissing = useCallback(() => setTriedToSubmit(true), []);
  const loaded = report.data;
  const kind = loaded?.kind ?? 'department_overall';
  const ordered = useMemo(() => inReportOrder(kind, threads.data ?? []), [kind, threads.data]);
  // an approved report's threads are closed: none counts as open (badge, dialogs, notices)
  const commentsClosed = loaded?.status === 'approved';
  const openComments = useMemo(
    () => (commentsClosed ? [] : openCommentsOf(kind, ordered)),
    [kind, ordered, commentsClosed],
  );
  const locate = useLocateOnContent(setTab, tab);
  const editable =
    loaded !== undefined &&
    isContentEditable(loaded.status) &&
    ability.can('update', tagged('Report', { tenantId: loaded.tenantId, departmentId: loaded.departmentId }));
  const setReport = report.setData;
  // no new GET /checks per autosave: the same rules already run here on the draft as it is typed
  const onSaved = useCallback(
    (view: PartWriteView) =>
      setReport(
        (r) =>
          r && {
            ...r,
            version: view.reportVersion,
            // the page's 更新于 follows the save
            updatedAt: view.updatedAt > r.updatedAt ? view.updatedAt : r.updatedAt,
            parts: { ...r.parts, [view.part]: view },
          },
      ),
    [setReport],
  );
  const editor = useReportDrafts(session, loaded, editable, onSaved);
  const handed = useHandedImport(loaded === undefined ? undefined : { id: loaded.id, editable });
  const fieldSources = useFieldSources(session, id);
  // the rules run on the whole report: behind the keystroke, not in its way
  const checkedDrafts = useDeferredValue(editor.drafts);
  const live = useLiveChecks(session, loaded, checkedDrafts, checks.data, editable);
  const resolveComments = permissions.resolveComments;
  const sides = useMemo(() => {
    if (!editable || !loaded) return undefined;
    const beside: Partial<Record<ReportPart, ReactNode>> = {};
    for (const part of partsOf(loaded.kind)) {
      const partThreads = ordered.filter((t) => t.part === part);
      if (partThreads.length === 0) continue;
      beside[part] = (
        <PartSide
          api={session}
          kind={loaded.kind}
          reportId={loaded.id}
          part={part}
          parts={loaded.parts}
          findings={[]}
          threads={partThreads}
          canStart={false}
          onChange={upsertThread}
          canReply
          canResolve={resolveComments}
        />
      );
    }
    return beside;
  }, [editable, loaded, ordered, session, upsertThread, resolveComments]);

  if (!report.data) {
    if (report.error instanceof ApiError && report.error.status === 404) {
      return (
        <Result
          status="404"
          title="报告不存在"
          subTitle="该报告不存在，或您无权查看。"
          extra={
            <Link to="/reports">
              <Button type="primary">返回报告列表</Button>
            </Link>
          }
        />
      );
    }
    if (report.error !== undefined) return <LoadError error={report.error} onRetry={report.reload} />;
    return <FullPageSpin description="正在加载报告…" />;
  }

  const r = report.data;
  const indicatorNames = indicatorNamesOf(r.parts.scoreTable?.content);
  const closed = r.status === 'approved';
  const can = { canReply: !closed, canResolve: permissions.resolveComments && !closed, closed };
  const canStart = reviewer && !closed;

  return (
    // a comment's link shows the content tab, then its field
    <LocateFieldContext.Provider value={locate}>
      <Link to="/reports">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          {reviewer ? '返回待审报告' : '返回我的报告'}
        </Button>
      </Link>
      <PageHeader
        title={reportDisplayName(r)}
        description={
          <Flex gap={8} align="center" wrap component="span">
            <Typography.Text strong>{REPORT_KIND_LABELS[r.kind]}</Typography.Text>
            {r.projectCode && <Typography.Text type="secondary">项目编码 {r.projectCode}</Typography.Text>}
            <ReportStatusTag status={r.status} />
            <DeadlineTag deadline={r.deadline} />
            {r.totalScore !== null && (
              <Typography.Text type="secondary">
                得分 {r.totalScore}
                {r.gradeLabel && `（${r.gradeLabel}）`}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">
              更新于 <DateTime value={r.updatedAt} />
            </Typography.Text>
            {report.loading && <Spin size="small" />}
          </Flex>
        }
        extra={
          <>
            {r.status === 'approved' && permissions.publishReports && <PublishButton report={r} />}
            <ReportActions
              report={r}
              checks={live.checks}
              openComments={openComments}
              isHead={me.user.roles.includes('dept_head')}
              onChanged={reloadAll}
              unsaved={editable ? unsavedReason(editor.states) : undefined}
              onBlockedSubmit={editable && !triedToSubmit && lacksContent(live.checks) ? revealMissing : undefined}
            />
          </>
        }
      />
      <ReturnNotice report={r} history={history.data} openThreads={openComments.length} />
      <SignOffNotice report={r} />
      <CarriedOverNotice report={r} />
      <EvidenceProvider api={session} reportId={r.id} indicators={indicatorNames} status={r.status}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'content',
              label: '报告内容',
              children: (
                <>
                  <ScoreSheetToolbar
                    api={session}
                    report={{ id: r.id, kind: r.kind, fileName: `${reportDisplayName(r)}-绩效自评表.xlsx` }}
                    importing={
                      editable
                        ? {
                            blocked: unsavedReason(editor.states)
                              ? '报告中还有未保存的修改，请等保存完成后再导入'
                              : undefined,
                            onImported: () => {
                              editor.adoptServer();
                              reloadAll();
                              fieldSources.reload();
                            },
                            handed: handed.file,
                            onHandedClosed: handed.clear,
                          }
                        : undefined
                    }
                  />
                  {editable ? (
                    <FieldSourcesContext.Provider value={fieldSources.value}>
                      <ReportEditor
                        kind={r.kind}
                        template={r.template?.definition}
                        api={session}
                        editor={editor}
                        checks={live.checks}
                        gradeBands={live.gradeBands}
                        gradeBandsReady={live.gradeBandsReady}
                        sides={sides}
                        triedToSubmit={triedToSubmit}
                      />
                    </FieldSourcesContext.Provider>
                  ) : (
                    <>
                      <CheckSummary checks={checks.data} error={checks.error} onRetry={checks.reload} />
                      {threads.error !== undefined && (
                        <LoadError title="审核意见加载失败" error={threads.error} onRetry={threads.reload} />
                      )}
                      <ReportContent
                        api={session}
                        report={r}
                        checks={checks.data}
                        threads={ordered}
                        canStart={canStart}
                        onThreadChange={upsertThread}
                        {...can}
                      />
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'comments',
              label: (
                <Flex gap={6} align="center" component="span">
                  审核意见
                  {openComments.length > 0 && <Badge count={openComments.length} color="orange" />}
                </Flex>
              ),
              children: (
                <CommentsTab
                  api={session}
                  kind={r.kind}
                  reportId={r.id}
                  parts={r.parts}
                  threads={ordered}
                  error={threads.error}
                  onRetry={threads.reload}
                  canStart={canStart}
                  onChange={upsertThread}
                  {...can}
                />
              ),
            },
            // the department sees the 复核评分 once its report is approved (the API answers nothing before)
            ...(reviewer || r.status === 'approved'
              ? [
                  {
                    key: 'rescore',
                    label: '复核评分',
                    children: <RescoreTab key={r.status} api={session} reportId={r.id} />,
                  },
                ]
              : []),
            ...(reviewer
              ? [
                  {
                    key: 'diff',
                    label: '修改对比',
                    children: revisions.data ? (
                      <RevisionDiff
                        key={revisions.data.length}
                        kind={r.kind}
                        reportId={r.id}
                        revisions={revisions.data}
                      />
                    ) : revisions.error !== undefined ? (
                      <LoadError error={revisions.error} onRetry={revisions.reload} />
                    ) : (
                      <Spin />
                    ),
                  },
                ]
              : []),
            {
              key: 'evidence',
              label: <EvidenceTabLabel />,
              children: <EvidenceTab />,
            },
            {
              key: 'documents',
              label: '正式文档',
              children: (
                <DocumentsTab
                  api={session}
                  reportId={r.id}
                  documents={documents.data}
                  error={documents.error}
                  loading={documents.loading}
                  onReload={documents.reload}
                />
              ),
            },
            {
              key: 'rectification',
              label: '抽评整改',
              children: <RectificationTab api={session} reportId={r.id} side={reviewer ? 'finance' : 'department'} />,
            },
            {
              key: 'history',
              label: '流程记录',
              children: (
                <Flex vertical gap={24}>
                  <section aria-label="流程记录">
                    {history.error !== undefined && <LoadError error={history.error} onRetry={history.reload} />}
                    {history.data ? (
                      <HistoryTimeline kind={r.kind} entries={history.data} />
                    ) : (
                      history.loading && <Spin />
                    )}
                  </section>
                  <section aria-label="提交版本">
                    <Typography.Title level={5}>提交版本与签核</Typography.Title>
                    {revisions.error !== undefined && <LoadError error={revisions.error} onRetry={revisions.reload} />}
                    <RevisionsTable
                      revisions={revisions.data ?? []}
                      expanded={(revision) => (
                        <RevisionEvidence api={session} reportId={r.id} number={revision.number} />
                      )}
                    />
                  </section>
                </Flex>
              ),
            },
          ]}
        />
      </EvidenceProvider>
    </LocateFieldContext.Provider>
  );
}

/**
 * Following a comment's link: the content tab is shown first (the link may be on the comments tab), then the
 * field is located once that tab has rendered.
 */
function useLocateOnContent(setTab: (tab: string) => void, tab: string) {
  const [pending, setPending] = useState<{ path: string } | null>(null);
  useEffect(() => {
    if (tab !== 'content' || !pending) return;
    // after the frame that shows the tab: the link's own pane is hidden by then, and takes no focus back
    const frame = requestAnimationFrame(() => {
      locateField(pending.path);
      setPending(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [tab, pending]);
  return useCallback(
    (path: string) => {
      setTab('content');
      setPending({ path });
    },
    [setTab],
  );
}

/** The 三级指标 of the 绩效自评表's rows as saved (the rows 佐证材料 are attached to). */
function indicatorNamesOf(content: unknown): string[] {
  const indicators = (content as { indicators?: unknown } | undefined)?.indicators;
  if (!Array.isArray(indicators)) return [];
  return indicators
    .map((row) => (row as { level3?: unknown } | null)?.level3)
    .filter((v): v is string => typeof v === 'string');
}

/**
 * The file 新建报告 → 从文件导入 handed over for this report, taken once it has loaded: imported when the user
 * may change it; otherwise (an existing report no longer a draft) the user is told it was not.
 */
function useHandedImport(report: { id: string; editable: boolean } | undefined) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const id = report?.id;
  const editable = report?.editable;
  useEffect(() => {
    if (id === undefined) return;
    const taken = takeHandedImport(id);
    if (!taken) return;
    if (editable) setFile(taken);
    else void message.warning(`报告当前不能修改，未导入文件「${taken.name}」`);
  }, [id, editable, message]);
  return { file, clear: useCallback(() => setFile(undefined), []) };
}
