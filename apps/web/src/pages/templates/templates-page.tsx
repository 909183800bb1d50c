import { useCallback, useState } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { defaultBuiltin, REPORT_KIND_LABELS, REPORT_KINDS, type ReportKind } from '@evalflow/domain';
import type { TemplatePublication, TemplateSummary } from '../../api/template-types';
import { listPublications, listTemplates } from '../../api/templates-api';
import { permissionsOf } from '../../auth/permissions';
import { useSession, useSignedIn } from '../../auth/session-context';
import { DataTable } from '../../components/data-table';
import { DateTime, formatDateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { CopyTemplateModal, copySourceOf, type CopySource } from './copy-template-modal';
import { defaultFiscalYear } from './fiscal-year';

/** A template's name with what it is: 系统内置 or the county's own. */
export function TemplateName({ template }: { template: Pick<TemplateSummary, 'name' | 'builtin'> }) {
  return (
    <Space size={4} wrap>
      <span>{template.name}</span>
      {template.builtin ? <Tag color="blue">系统内置</Tag> : <Tag color="green">本县</Tag>}
    </Space>
  );
}

/** 本年度适用: the version each kind's new reports of a year follow. */
function YearPublications({ now }: { now?: Date }) {
  const session = useSession();
  const thisYear = defaultFiscalYear(now);
  const [fiscalYear, setFiscalYear] = useState(thisYear);
  const publications = useRemote(
    useCallback((signal: AbortSignal) => listPublications(session, fiscalYear, signal), [session, fiscalYear]),
  );
  const byKind = (kind: ReportKind): TemplatePublication | undefined => publications.data?.find((p) => p.kind === kind);
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 2 - i);

  return (
    <Card
      title="本年度适用"
      extra={
        <Select<number>
          aria-label="适用年度"
          value={fiscalYear}
          onChange={setFiscalYear}
          style={{ width: 130 }}
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
        />
      }
    >
      {publications.error !== undefined && <LoadError error={publications.error} onRetry={publications.reload} />}
      {publications.loading && !publications.data ? (
        <Spin />
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={REPORT_KINDS.map((kind) => {
            const p = byKind(kind);
            return {
              key: kind,
              label: REPORT_KIND_LABELS[kind],
              children: p ? (
                <Flex vertical gap={2}>
                  <span>
                    <Link to={`/templates/${encodeURIComponent(p.templateId)}`}>{p.name}</Link> 第 {p.version} 版
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    发布于 {formatDateTime(p.publishedAt)}；该年度已有 {p.reports} 份此类报告
                  </Typography.Text>
                </Flex>
              ) : (
                <Flex vertical gap={2}>
                  <span>未发布，使用系统默认</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {defaultBuiltin(kind).definition.name}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        每份报告按创建时该年度适用的模板版本填报；之后再发布新版本，已创建的报告不受影响。
      </Typography.Paragraph>
    </Card>
  );
}

/** 报告模板: the county's templates and the built-ins, per kind; the administrator copies and edits them. */
export function TemplatesPage({ now }: { now?: Date }) {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const canEdit = permissionsOf(ability, me).manageTemplates;
  const templates = useRemote(
    useCallback((signal: AbortSignal) => listTemplates(session, undefined, signal), [session]),
  );
  const copy = useModalTarget<CopySource>();

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }}>
      <PageHeader
        title="报告模板"
        description={
          canEdit
            ? '按本县财政局的年度通知设置报告的提纲、指标体系、计分和审核规则。复制系统内置或本县模板后修改，发布到年度后，该年度新建的报告按此模板填报。'
            : '本县各年度报告所依据的模板（提纲、指标体系、计分和审核规则）。'
        }
      />
      <YearPublications now={now} />
      {REPORT_KINDS.map((kind) => {
        const rows = (templates.data ?? [])
          .filter((t) => t.kind === kind)
          .sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.name.localeCompare(b.name, 'zh-CN'));
        return (
          <Card key={kind} title={REPORT_KIND_LABELS[kind]}>
            <DataTable<TemplateSummary>
              size="small"
              pagination={false}
              dataSource={templates.error !== undefined ? [] : rows}
              loading={templates.loading}
              error={templates.error}
              onRetry={templates.reload}
              empty="没有此类模板"
              aria-label={`${REPORT_KIND_LABELS[kind]}模板`}
              columns={[
                {
                  title: '模板',
                  key: 'name',
                  render: (_, t) => (
                    <Link to={`/templates/${encodeURIComponent(t.id)}`}>
                      <TemplateName template={t} />
                    </Link>
                  ),
                },
                {
                  title: '最新版本',
                  key: 'latest',
                  width: 200,
                  render: (_, t) =>
                    t.latestVersion ? (
                      <Flex vertical>
                        <span>第 {t.latestVersion.version} 版</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          <DateTime value={t.latestVersion.publishedAt} />
                        </Typography.Text>
                      </Flex>
                    ) : (
                      <Typography.Text type="secondary">未发布</Typography.Text>
                    ),
                },
                {
                  title: '草稿',
                  key: 'draft',
                  width: 200,
                  render: (_, t) =>
                    t.draft ? (
                      <Flex vertical>
                        <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
                          有待发布的草稿
                        </Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          <DateTime value={t.draft.updatedAt} />
                        </Typography.Text>
                      </Flex>
                    ) : (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ),
                },
                {
                  title: '已发布到年度',
                  key: 'publications',
                  width: 220,
                  render: (_, t) =>
                    t.publications.length ? (
                      <Space size={[4, 4]} wrap>
                        {[...t.publications]
                          .sort((a, b) => b.fiscalYear - a.fiscalYear)
                          .map((p) => (
                            <Tag key={p.fiscalYear}>
                              {p.fiscalYear} 年度 · 第 {p.version} 版
                            </Tag>
                          ))}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  width: canEdit ? 150 : 80,
                  render: (_, t) => {
                    const source = copySourceOf(t);
                    return (
                      <Space size={0}>
                        <Link
                          to={`/templates/${encodeURIComponent(t.id)}`}
                          aria-label={`${canEdit && !t.builtin ? '编辑' : '查看'}「${t.name}」`}
                          style={{ padding: '0 7px' }}
                        >
                          {canEdit && !t.builtin ? '编辑' : '查看'}
                        </Link>
                        {canEdit && (
                          <Tooltip title={source ? undefined : '尚未发布的模板不能复制'}>
                            <Button
                              type="link"
                              size="small"
                              icon={<CopyOutlined />}
                              aria-label={`复制「${t.name}」`}
                              disabled={!source}
                              onClick={() => source && copy.show(source)}
                            >
                              复制
                            </Button>
                          </Tooltip>
                        )}
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        );
      })}
      {copy.target !== null && <CopyTemplateModal source={copy.target} {...copy.dialog} />}
    </Flex>
  );
}
