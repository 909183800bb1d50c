import { useState } from 'react';
import { App, Card, Col, Empty, Flex, Form, InputNumber, Row, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { TemplateProblem } from '@evalflow/domain';
import type { PublishResult } from '../../api/template-types';
import { permissionsOf } from '../../auth/permissions';
import { useSignedIn } from '../../auth/session-context';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useModalTarget } from '../../hooks/use-modal-target';
import { CopyTemplateModal, copySourceOf, type CopySource } from './copy-template-modal';
import { fieldId } from './definition-edit';
import { EditorHeader, EditorNotices } from './editor-header';
import { BasicSection } from './editor/basic-section';
import { FrameworkSection } from './editor/framework-section';
import { GradesSection } from './editor/grades-section';
import { OutlineSection } from './editor/outline-section';
import { RulesSection } from './editor/rules-section';
import { ScoringSection } from './editor/scoring-section';
import type { SectionProps } from './editor/section-props';
import { defaultFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from './fiscal-year';
import { OutlinePreview } from './outline-preview';
import { PdfPreviewModal } from './pdf-preview-modal';
import { EDITOR_TABS, ProblemList, tabOf, type EditorTab } from './problems';
import { PublishModal } from './publish-modal';
import { useTemplateDraft } from './use-template-draft';
import { VersionsCard } from './versions-card';

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
  const { me, ability } = useSignedIn();
  const { message } = App.useApp();
  const canEdit = permissionsOf(ability, me).manageTemplates;
  const [tab, setTab] = useState<EditorTab>('basic');
  // the server's problems turn the editor to the first one's tab
  const draft = useTemplateDraft(id, canEdit, (found: TemplateProblem[]) => {
    if (found[0]) setTab(tabOf(found[0].path));
  });
  const [published, setPublished] = useState<{ result: PublishResult; fiscalYear: number }>();
  const [sampleYear, setSampleYear] = useState(() => defaultFiscalYear(now));
  const publishDialog = useModalTarget<true>();
  const copy = useModalTarget<CopySource>();

  const { loaded, def, problems } = draft;
  const template = loaded?.template;
  const editable = canEdit && template !== undefined && !template.builtin;

  const jump = (path: string) => {
    setTab(tabOf(path));
    // after the tab's pane is shown
    window.setTimeout(() => focusField(path), 0);
  };

  const onPublished = (result: PublishResult, fiscalYear: number) => {
    setPublished({ result, fiscalYear });
    message.success(`已发布为第 ${result.version.version} 版`);
    draft.reload();
  };

  if (draft.loadError !== undefined && !loaded) {
    return (
      <>
        <PageHeader title="报告模板" extra={<Link to="/templates">返回模板列表</Link>} />
        <LoadError error={draft.loadError} onRetry={draft.reload} />
      </>
    );
  }
  if (!template) return <Spin description="正在载入模板…" />;

  const problemCount = problems.all.length;
  const sectionProps: SectionProps | null = def ? { def, update: draft.update, problems, readOnly: !editable } : null;
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
      <EditorHeader
        template={template}
        draft={draft}
        canEdit={canEdit}
        editable={editable}
        copySource={copySourceOf(template)}
        onCopy={copy.show}
        onPublish={() => publishDialog.show(true)}
      />
      <EditorNotices
        template={template}
        draft={draft}
        canEdit={canEdit}
        editable={editable}
        published={published}
        onPublishedClose={() => setPublished(undefined)}
      />
      {editable && (
        <ProblemList
          problems={problems.all}
          title={
            draft.refused
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
              <Form layout="vertical" disabled={!editable} component="div" requiredMark={false}>
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
                      min={MIN_FISCAL_YEAR}
                      max={MAX_FISCAL_YEAR}
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
          onConflict={draft.markConflict}
          onProblems={draft.showServerProblems}
          {...publishDialog.dialog}
        />
      )}
      {copy.target !== null && <CopyTemplateModal source={copy.target} {...copy.dialog} />}
      <PdfPreviewModal blob={draft.pdf} onClose={draft.closePdf} />
    </Flex>
  );
}
