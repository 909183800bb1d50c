import { useCallback, useMemo } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Layout, Result, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { REPORT_KIND_LABELS } from '@evalflow/domain';
import { useParams } from 'react-router-dom';
import { ApiError, messageOf } from '../../api/client';
import { fetchPublicCounty, type PublicPublicationView } from '../../api/publications-api';
import { formatDate } from '../../components/date-time';
import { useRemote } from '../../hooks/use-remote';

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * A county's public page of 随决算公开 (/gongkai/:code): read-only, no sign-in. It calls nothing but the
 * public list; each download is a plain link to the public PDF.
 */
export function PublicDisclosurePage() {
  const { code = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchPublicCounty(code, signal), [code]);
  const county = useRemote(load);
  const years = useMemo(
    () => [...new Set((county.data?.publications ?? []).map((p) => p.fiscalYear))].sort((a, b) => b - a),
    [county.data],
  );

  const columns: TableColumnsType<PublicPublicationView> = [
    { title: '部门', dataIndex: 'departmentName', width: 200 },
    { title: '报告', dataIndex: 'reportName' },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 190,
      render: (k: PublicPublicationView['kind']) => REPORT_KIND_LABELS[k],
    },
    { title: '年度', dataIndex: 'fiscalYear', width: 80 },
    { title: '公开日期', dataIndex: 'publishedOn', width: 130, render: (d: string) => formatDate(d) },
    {
      title: '下载',
      key: 'pdf',
      width: 150,
      render: (_, p) => (
        <Button
          type="link"
          icon={<DownloadOutlined />}
          href={p.pdfUrl}
          aria-label={`下载${p.reportName}（公开版 PDF）`}
        >
          PDF（{sizeOf(p.sizeBytes)}）
        </Button>
      ),
    },
  ];

  let body;
  if (county.error instanceof ApiError && county.error.status === 404) {
    body = <Result status="404" title="未找到该县（区）的公开信息" subTitle="请检查网址中的行政区划代码。" />;
  } else if (county.error !== undefined) {
    body = (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={messageOf(county.error, '加载失败，请稍后重试')}
        action={<Button onClick={county.reload}>重试</Button>}
      />
    );
  } else if (!county.data) {
    body = <Spin />;
  } else {
    body = (
      <>
        <Typography.Title level={3}>{county.data.name}预算绩效自评报告公开</Typography.Title>
        <Typography.Paragraph type="secondary">
          以下为{county.data.name}财政局随部门决算公开的预算绩效自评报告（公开版）。公开版不含审核意见和个人联系方式。
        </Typography.Paragraph>
        {county.data.publications.length === 0 ? (
          <Empty description="暂无公开的报告" />
        ) : (
          years.map((year) => (
            <section key={year} aria-label={`${year}年度`}>
              <Typography.Title level={4}>{year}年度</Typography.Title>
              <Table
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={county.data?.publications.filter((p) => p.fiscalYear === year)}
                pagination={false}
                scroll={{ x: 800 }}
              />
            </section>
          ))
        )}
      </>
    );
  }
  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }}>
      <Layout.Content style={{ maxWidth: 1100, width: '100%', margin: '0 auto', padding: '32px 16px' }}>
        {body}
      </Layout.Content>
    </Layout>
  );
}
