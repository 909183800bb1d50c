import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CopyOutlined, FilePdfOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { REPORT_KIND_LABELS, validateTemplate, type TemplateDefinition, type TemplateProblem } from '@evalflow/domain';
import { isAbort, messageOf } from '../../api/client';
import type { PublishResult, TemplateVersionUse, VersionedTemplate } from '../../api/template-types';
import {
  discardTemplateDraft,
  getTemplate,
  isTemplateConflict,
  previewTemplatePdf,
  saveTemplateDraft,
  templateProblemsOf,
} from '../../api/templates-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { DateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useModalTarget } from '../../hooks/use-modal-target';
import { CopyTemplateModal, type CopySource } from './copy-template-modal';
import { fieldId } from './definition-edit';
import { BasicSection } from './editor/basic-section';
import { FrameworkSection } from './editor/framework-section';
import { GradesSection } from './editor/grades-section';
import { OutlineSection } from './editor/outline-section';
import { RulesSection } from './editor/rules-section';
import { ScoringSection } from './editor/scoring-section';
import type { SectionProps } from './editor/section-props';
import { OutlinePreview } from './outline-preview';
import { PdfPreviewModal } from './pdf-preview-modal';
import { EDITOR_TABS, ProblemList, Problems, tabOf, type EditorTab } from './problems';
import { PublishModal } from './publish-modal';
import { canEditTemplates, defaultFiscalYear } from './template-permissions';

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

/** Focuses the control of a problem's field, or of the nearest place above it that has one. */
function focusField(path: string) {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const element = document.getElementById(fieldId(segments.slice(0, n).join('.')));
    if (element) {
      element.scrollIntoView?.({ block: 'center' });
      (element.matches('input, textarea, select, button')
        ? element
        : element.querySelector<HTMLElement>('input, textarea')
      )?.focus?.();
      return;
    }
  }
}

/** 报告模板 editor: the draft of a county template as tabs of forms, checked as typed, beside a preview. */
export function TemplateEditorPage({ now }: { now?: Date }) {
  const { id = '' } = useParams();
  const session = useSession();
  const { me, ability } = useSignedIn();
  const { message } = App.useApp();
  const canEdit = canEditTemplates(ability, me);

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
  const [published, setPublished] = useState<{ result: PublishResult; fiscalYear: number }>();
  const [tab, setTab] = useState<EditorTab>('basic');
  const [sampleYear, setSampleYear] = useState(() => defaultFiscalYear(now));
  const [pdf, setPdf] = useState<Blob | null>(null);
  const publishDialog = useModalTarget<true>();
  const copy = useModalTarget<CopySource>();
  const current = useRef(def);
  current.current = def;

  const template = loaded?.template;
  const editable = canEdit && template !== undefined && !template.builtin;
  const readOnly = !editable;

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

  const jump = (path: string) => {
    setTab(tabOf(path));
    // after the tab's pane is shown
    window.setTimeout(() => focusField(path), 0);
  };

  const showServerProblems = (found: TemplateProblem[]) => {
    setServerProblems(found);
    if (found[0]) setTab(tabOf(found[0].path));
  };

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

  const onPublished = (result: PublishResult, fiscalYear: number) => {
    setPublished({ result, fiscalYear });
    message.success(`已发布为第 ${result.version.version} 版`);
    setAttempt((n) => n + 1);
  };

  if (loadError !== undefined && !loaded) {
    return (
      <>
        <PageHeader title="报告模板" extra={<Link to="/templates">返回模板列表</Link>} />
        <LoadError error={loadError} onRetry={reload} />
      </>
    );
  }
  if (!template) return <Spin description="正在载入模板…" />;

  const problemCount = problems.all.length;
  const hasDraft = template.draft !== null;
  const saveBlocked = !dirty
    ? '没有未保存的修改'
    : problemCount > 0
      ? `有 ${problemCount} 处需要修改，改正后才能保存`
      : undefined;
  const publishBlocked = dirty
    ? '请先保存草稿'
    : hasDraft && problemCount > 0
      ? '草稿有需要修改的项'
      : !hasDraft && !template.latestVersion
        ? '没有可发布的内容'
        : undefined;
  const copySource: CopySource | undefined = template.latestVersion
    ? {
        name: template.name,
        versionId: template.latestVersion.id,
        version: template.latestVersion.version,
        builtin: template.builtin,
      }
    : undefined;

  const sectionProps: SectionProps | null = def ? { def, update, problems, readOnly } : null;
  const tabLabel = (key: EditorTab) => {
    const n = problems.count(key);
    return (
      <span>
        {EDITOR_TABS[key]}
        {n > 0 && <Typography.Text type="danger">（{n}）</Typography.Text>}
      </span>
    );
  };

  return (
    <Flex vertical gap={0}>
      <PageHeader
        title={template.name}
        description={
          <Space size={[8, 4]} wrap>
            <span>{REPORT_KIND_LABELS[template.kind]}</span>
            {template.builtin ? <Tag color="blue">系统内置</Tag> : <Tag color="green">本县模板</Tag>}
            {template.latestVersion ? <Tag>最新：第 {template.latestVersion.version} 版</Tag> : <Tag>未发布</Tag>}
            {editable && hasDraft && (
              <Tag color="orange">
                草稿已保存于 <DateTime value={template.draft?.updatedAt} />
              </Tag>
            )}
            {dirty && <Tag color="red">有未保存的修改</Tag>}
            {template.publications.map((p) => (
              <Tag key={p.fiscalYear} color="green">
                {p.fiscalYear} 年度适用第 {p.version} 版
              </Tag>
            ))}
          </Space>
        }
        extra={
          <>
            <Link to="/templates" style={{ lineHeight: '32px' }}>
              返回列表
            </Link>
            <Button
              icon={<FilePdfOutlined />}
              loading={busy === 'preview'}
              disabled={!def}
              onClick={() => void preview()}
            >
              预览 PDF
            </Button>
            {canEdit && copySource && (
              <Button icon={<CopyOutlined />} onClick={() => copy.show(copySource)}>
                复制
              </Button>
            )}
            {editable && hasDraft && template.latestVersion && (
              <Popconfirm
                title="放弃草稿？"
                description={`草稿中的修改将丢失，模板恢复为第 ${template.latestVersion.version} 版。`}
                okText="放弃草稿"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => void discard()}
              >
                <Button icon={<RollbackOutlined />} loading={busy === 'discard'}>
                  放弃草稿
                </Button>
              </Popconfirm>
            )}
            {editable && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={saveBlocked !== undefined}
                aria-describedby={saveBlocked && dirty ? 'template-save-blocked' : undefined}
                onClick={() => void save()}
              >
                保存草稿
              </Button>
            )}
            {editable && (
              <Button
                icon={<SendOutlined />}
                disabled={publishBlocked !== undefined}
                aria-describedby={publishBlocked ? 'template-publish-blocked' : undefined}
                onClick={() => publishDialog.show(true)}
              >
                发布到年度…
              </Button>
            )}
          </>
        }
      />

      {editable && ((saveBlocked && dirty) || publishBlocked) && (
        <Flex justify="flex-end" gap={16} wrap style={{ marginTop: -8, marginBottom: 12, fontSize: 12 }}>
          {saveBlocked && dirty && (
            <Typography.Text id="template-save-blocked" type="secondary">
              不能保存：{saveBlocked}
            </Typography.Text>
          )}
          {publishBlocked && (
            <Typography.Text id="template-publish-blocked" type="secondary">
              不能发布：{publishBlocked}
            </Typography.Text>
          )}
        </Flex>
      )}
      {template.builtin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={canEdit ? '系统内置模板不能修改：复制为本县模板后可修改并发布。' : '系统内置模板（只读）'}
        />
      )}
      {!template.builtin && !canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="只读：模板由县级管理员维护"
          description={
            template.latestVersion ? `显示已发布的第 ${template.latestVersion.version} 版。` : '显示尚未发布的草稿。'
          }
        />
      )}
      {editable && !hasDraft && template.latestVersion && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`当前没有草稿：显示已发布的第 ${template.latestVersion.version} 版。修改后保存，即以此版为基础建立草稿；发布前不影响任何报告。`}
        />
      )}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="模板已被他人修改"
          description="在您之后，有人保存或发布了这个模板，您的修改没有保存。重新载入将显示最新内容（本页未保存的修改会丢失，可先记下）。"
          action={
            <Button size="small" type="primary" onClick={reload}>
              重新载入
            </Button>
          }
        />
      )}
      {published && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setPublished(undefined) }}
          style={{ marginBottom: 16 }}
          title={`已发布为第 ${published.result.version.version} 版，${published.fiscalYear} 年度此后新建的报告按此版本填报。`}
          description={
            published.result.existingReports > 0
              ? `该年度已创建的 ${published.result.existingReports} 份报告保持创建时的模板版本。`
              : '该年度还没有此类报告。'
          }
        />
      )}
      {actionError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={actionError}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setActionError(undefined) }}
        />
      )}
      {!readOnly && (
        <ProblemList
          problems={problems.all}
          title={
            serverProblems.length
              ? `服务器未接受：有 ${problemCount} 处需要修改`
              : `有 ${problemCount} 处需要修改，改正后才能保存`
          }
          onJump={jump}
        />
      )}

      {!sectionProps ? (
        <Empty description="模板没有内容" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card>
              <Form layout="vertical" disabled={readOnly} component="div" requiredMark={false}>
                <Tabs
                  activeKey={tab}
                  onChange={(key) => setTab(key as EditorTab)}
                  items={[
                    {
                      key: 'basic',
                      label: tabLabel('basic'),
                      children: <BasicSection {...sectionProps} sampleYear={sampleYear} />,
                    },
                    { key: 'outline', label: tabLabel('outline'), children: <OutlineSection {...sectionProps} /> },
                    {
                      key: 'framework',
                      label: tabLabel('framework'),
                      children: <FrameworkSection {...sectionProps} />,
                    },
                    { key: 'scoring', label: tabLabel('scoring'), children: <ScoringSection {...sectionProps} /> },
                    { key: 'rules', label: tabLabel('rules'), children: <RulesSection {...sectionProps} /> },
                    { key: 'grades', label: tabLabel('grades'), children: <GradesSection {...sectionProps} /> },
                  ]}
                />
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
              <Card
                title="预览"
                size="small"
                extra={
                  <Space size={4}>
                    <span>示例年度</span>
                    <InputNumber<number>
                      aria-label="示例年度"
                      size="small"
                      min={2000}
                      max={2100}
                      precision={0}
                      value={sampleYear}
                      onChange={(v) => v && setSampleYear(v)}
                      style={{ width: 90 }}
                    />
                  </Space>
                }
              >
                <OutlinePreview def={sectionProps.def} fiscalYear={sampleYear} />
              </Card>
              <VersionsCard versions={template.versions} />
            </Flex>
          </Col>
        </Row>
      )}

      {publishDialog.target !== null && loaded && (
        <PublishModal
          template={template}
          draftVersion={loaded.draftVersion}
          defaultYear={defaultFiscalYear(now)}
          onPublished={onPublished}
          onConflict={() => setConflict(true)}
          onProblems={showServerProblems}
          {...publishDialog.dialog}
        />
      )}
      {copy.target !== null && <CopyTemplateModal source={copy.target} {...copy.dialog} />}
      <PdfPreviewModal blob={pdf} onClose={() => setPdf(null)} />
    </Flex>
  );
}

/** 版本记录: each published version and how many reports were created under it. */
function VersionsCard({ versions }: { versions: TemplateVersionUse[] }) {
  return (
    <Card title="版本记录" size="small">
      <Table<TemplateVersionUse>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        locale={{ emptyText: '尚未发布过' }}
        columns={[
          { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
          { title: '发布时间', dataIndex: 'publishedAt', render: (v: string) => <DateTime value={v} /> },
          { title: '报告数', dataIndex: 'reports', width: 70 },
        ]}
      />
    </Card>
  );
}
