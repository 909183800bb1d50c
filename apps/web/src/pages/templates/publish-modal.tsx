import { useCallback, useState } from 'react';
import { Alert, Flex, Form, InputNumber, Modal, Select, Spin, Typography } from 'antd';
import { REPORT_KIND_LABELS, type TemplateProblem } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import type { PublishResult, TemplateDetail } from '../../api/template-types';
import { isTemplateConflict, listPublications, publishTemplate, templateProblemsOf } from '../../api/templates-api';
import { useSession } from '../../auth/session-context';
import { formatDateTime } from '../../components/date-time';
import { useRemote } from '../../hooks/use-remote';
import { isFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from './fiscal-year';

/** What the year's reports of the kind follow now, to say what publishing replaces. */
function CurrentPublication({ template, fiscalYear }: { template: TemplateDetail; fiscalYear: number }) {
  const session = useSession();
  const valid = isFiscalYear(fiscalYear);
  const current = useRemote(
    useCallback(
      (signal: AbortSignal) => (valid ? listPublications(session, fiscalYear, signal) : Promise.resolve([])),
      [session, fiscalYear, valid],
    ),
  );
  if (!valid) return null;
  if (current.loading) return <Spin size="small" />;
  if (current.error !== undefined) return null;
  const found = current.data?.find((p) => p.kind === template.kind);
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
      {found
        ? `${fiscalYear} 年度目前适用「${found.name}」第 ${found.version} 版（发布于 ${formatDateTime(found.publishedAt)}），该年度已创建 ${found.reports} 份此类报告。`
        : `${fiscalYear} 年度尚未发布此类报告的模板，目前使用系统默认模板。`}
    </Typography.Paragraph>
  );
}

/**
 * 发布到年度: freezes the draft as a new version (or takes a version published before) and makes it
 * the one new reports of the year follow. Reports already created keep theirs.
 */
export function PublishModal({
  template,
  draftVersion,
  defaultYear,
  open,
  onClose,
  afterClose,
  onPublished,
  onConflict,
  onProblems,
}: {
  template: TemplateDetail;
  draftVersion: number;
  defaultYear: number;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onPublished: (result: PublishResult, fiscalYear: number) => void;
  /** Someone else saved or published first (412). */
  onConflict: () => void;
  /** The server refused the draft (400 TEMPLATE_INVALID). */
  onProblems: (problems: TemplateProblem[]) => void;
}) {
  const session = useSession();
  const hasDraft = template.draft !== null;
  const [fiscalYear, setFiscalYear] = useState<number>(defaultYear);
  const [versionId, setVersionId] = useState<string | undefined>(template.latestVersion?.id);
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<string>();
  const kindLabel = REPORT_KIND_LABELS[template.kind];
  const yearOk = isFiscalYear(fiscalYear);

  const publish = async () => {
    if (!yearOk) {
      setError(`请填写 ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR} 之间的年度`);
      return;
    }
    setPublishing(true);
    setError(undefined);
    try {
      const result = await publishTemplate(
        session,
        template.id,
        draftVersion,
        fiscalYear,
        hasDraft ? undefined : versionId,
      );
      onPublished(result, fiscalYear);
      onClose();
    } catch (e) {
      const problems = templateProblemsOf(e);
      if (problems) {
        onProblems(problems);
        onClose();
      } else if (isTemplateConflict(e)) {
        onConflict();
        onClose();
      } else {
        setError(messageOf(e, '发布失败，请稍后重试'));
      }
    } finally {
      setPublishing(false);
    }
  };

  return (
    <Modal
      open={open}
      title="发布到年度"
      okText="发布"
      cancelText="取消"
      okButtonProps={{ loading: publishing, disabled: !hasDraft && !versionId }}
      onOk={() => void publish()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" requiredMark={false} component="div">
        <Form.Item
          label="年度"
          htmlFor="publish-fiscal-year"
          extra="被评价的预算年度，如 2024 年度的自评在 2025 年填报"
        >
          <InputNumber<number>
            id="publish-fiscal-year"
            min={MIN_FISCAL_YEAR}
            max={MAX_FISCAL_YEAR}
            precision={0}
            value={fiscalYear}
            onChange={(v) => setFiscalYear(v ?? NaN)}
            style={{ width: 160 }}
          />
        </Form.Item>
        {hasDraft ? (
          <Typography.Paragraph>
            将当前草稿发布为新版本
            {template.latestVersion ? `（上一版为第 ${template.latestVersion.version} 版）` : '（第 1 版）'}
            。发布后草稿不再保留，版本内容不能再修改。
          </Typography.Paragraph>
        ) : (
          <Form.Item label="发布的版本" htmlFor="publish-version">
            <Select<string>
              id="publish-version"
              value={versionId}
              onChange={setVersionId}
              style={{ width: 240 }}
              options={[...template.versions]
                .sort((a, b) => b.version - a.version)
                .map((v) => ({
                  value: v.id,
                  label: `第 ${v.version} 版（${formatDateTime(v.publishedAt)}）`,
                }))}
            />
          </Form.Item>
        )}
      </Form>
      <Flex vertical gap={8}>
        <Alert
          type="info"
          showIcon
          title="已创建的报告不受影响"
          description={`发布后，${yearOk ? fiscalYear : '该'} 年度此后新建的${kindLabel}按此版本填报；该年度已经创建的报告保持创建时所依据的模板版本，不会改变。`}
        />
        <CurrentPublication template={template} fiscalYear={fiscalYear} />
      </Flex>
    </Modal>
  );
}
