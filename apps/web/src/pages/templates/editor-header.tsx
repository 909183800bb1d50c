import { CopyOutlined, FilePdfOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { REPORT_KIND_LABELS } from '@evalflow/domain';
import type { PublishResult, TemplateDetail } from '../../api/template-types';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import type { CopySource } from './copy-template-modal';
import type { TemplateDraft } from './use-template-draft';

/** Why 保存草稿 and 发布到年度 are off, if they are (each undefined when it is on). */
export function blockedActions(template: TemplateDetail, dirty: boolean, problemCount: number) {
  const hasDraft = template.draft !== null;
  const save = !dirty
    ? '没有未保存的修改'
    : problemCount > 0
      ? `有 ${problemCount} 处需要修改，改正后才能保存`
      : undefined;
  const publish = dirty
    ? '请先保存草稿'
    : hasDraft && problemCount > 0
      ? '草稿有需要修改的项'
      : !hasDraft && !template.latestVersion
        ? '没有可发布的内容'
        : undefined;
  return { save, publish };
}

interface EditorHeaderProps {
  template: TemplateDetail;
  draft: TemplateDraft;
  canEdit: boolean;
  editable: boolean;
  copySource: CopySource | undefined;
  onCopy: (source: CopySource) => void;
  onPublish: () => void;
}

/** The template's name with what it is and where it is published, and the editor's actions. */
export function EditorHeader({ template, draft, canEdit, editable, copySource, onCopy, onPublish }: EditorHeaderProps) {
  const hasDraft = template.draft !== null;
  const blocked = blockedActions(template, draft.dirty, draft.problems.all.length);
  // a save is only explained once there is something to save
  const saveBlocked = draft.dirty ? blocked.save : undefined;
  return (
    <>
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
            {draft.dirty && <Tag color="red">有未保存的修改</Tag>}
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
              loading={draft.busy === 'preview'}
              disabled={!draft.def}
              onClick={() => void draft.preview()}
            >
              预览 PDF
            </Button>
            {canEdit && copySource && (
              <Button icon={<CopyOutlined />} onClick={() => onCopy(copySource)}>
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
                onConfirm={() => void draft.discard()}
              >
                <Button icon={<RollbackOutlined />} loading={draft.busy === 'discard'}>
                  放弃草稿
                </Button>
              </Popconfirm>
            )}
            {editable && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={draft.saving}
                disabled={blocked.save !== undefined}
                aria-describedby={saveBlocked ? 'template-save-blocked' : undefined}
                onClick={() => void draft.save()}
              >
                保存草稿
              </Button>
            )}
            {editable && (
              <Button
                icon={<SendOutlined />}
                disabled={blocked.publish !== undefined}
                aria-describedby={blocked.publish ? 'template-publish-blocked' : undefined}
                onClick={onPublish}
              >
                发布到年度…
              </Button>
            )}
          </>
        }
      />
      {editable && (saveBlocked || blocked.publish) && (
        <Flex justify="flex-end" gap={16} wrap style={{ marginTop: -8, marginBottom: 12, fontSize: 12 }}>
          {saveBlocked && (
            <Typography.Text id="template-save-blocked" type="secondary">
              不能保存：{saveBlocked}
            </Typography.Text>
          )}
          {blocked.publish && (
            <Typography.Text id="template-publish-blocked" type="secondary">
              不能发布：{blocked.publish}
            </Typography.Text>
          )}
        </Flex>
      )}
    </>
  );
}

interface EditorNoticesProps {
  template: TemplateDetail;
  draft: TemplateDraft;
  canEdit: boolean;
  editable: boolean;
  published: { result: PublishResult; fiscalYear: number } | undefined;
  onPublishedClose: () => void;
}

/** What the page says above the form: read-only or built-in, no draft yet, a conflict, a publication, a failure. */
export function EditorNotices({ template, draft, canEdit, editable, published, onPublishedClose }: EditorNoticesProps) {
  const latest = template.latestVersion;
  return (
    <>
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
          description={latest ? `显示已发布的第 ${latest.version} 版。` : '显示尚未发布的草稿。'}
        />
      )}
      {editable && template.draft === null && latest && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`当前没有草稿：显示已发布的第 ${latest.version} 版。修改后保存，即以此版为基础建立草稿；发布前不影响任何报告。`}
        />
      )}
      {draft.conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="模板已被他人修改"
          description="在您之后，有人保存或发布了这个模板，您的修改没有保存。重新载入将显示最新内容（本页未保存的修改会丢失，可先记下）。"
          action={
            <Button size="small" type="primary" onClick={draft.reload}>
              重新载入
            </Button>
          }
        />
      )}
      {published && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: onPublishedClose }}
          style={{ marginBottom: 16 }}
          title={`已发布为第 ${published.result.version.version} 版，${published.fiscalYear} 年度此后新建的报告按此版本填报。`}
          description={
            published.result.existingReports > 0
              ? `该年度已创建的 ${published.result.existingReports} 份报告保持创建时的模板版本。`
              : '该年度还没有此类报告。'
          }
        />
      )}
      {draft.actionError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={draft.actionError}
          style={{ marginBottom: 16 }}
          closable={{ onClose: draft.clearActionError }}
        />
      )}
    </>
  );
}
