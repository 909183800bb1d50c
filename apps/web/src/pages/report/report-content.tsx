import { Badge, Card, Col, Flex, Row, Tag } from 'antd';
import type { ReportPart } from '@evalflow/domain';
import type { ApiClient } from '../../api/client';
import type { ChecksView, CommentThread, ReportView } from '../../api/report-types';
import { findingsByPart } from './checks/check-findings';
import type { ThreadPermissions } from './comments/comment-thread-card';
import { PartContent } from './content/part-content';
import { reportOutline } from './fields/part-headings';
import { PartSide } from './part-side';

interface ReportContentProps extends ThreadPermissions {
  api: ApiClient;
  report: ReportView;
  checks: ChecksView | undefined;
  threads: CommentThread[];
  canStart: boolean;
  onThreadChange: (thread: CommentThread) => void;
}

/**
 * The report part by part, read-only, as its template orders and titles the parts (a part it leaves out
 * is not shown); beside each part its failed checks and comment threads.
 */
export function ReportContent({ api, report, checks, threads, canStart, onThreadChange, ...can }: ReportContentProps) {
  const { kind } = report;
  const outline = reportOutline(kind, report.template?.definition);
  const findings = findingsByPart(kind, checks);
  const threadsOf = (part: ReportPart) => threads.filter((t) => t.part === part);
  return (
    <Flex vertical gap={16}>
      {outline.parts.map((part) => {
        const partFindings = findings.get(part) ?? [];
        const partThreads = threadsOf(part);
        const openThreads = can.closed ? 0 : partThreads.filter((t) => t.status === 'open').length;
        const errors = partFindings.filter((f) => f.severity === 'error').length;
        const hasSide = partFindings.length > 0 || partThreads.length > 0 || canStart;
        const { title, name } = outline.heading(part);
        return (
          <section key={part} id={`part-${part}`} aria-label={name}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={hasSide ? 15 : 24}>
                <Card
                  title={title}
                  extra={
                    <Flex gap={4}>
                      {errors > 0 && <Tag color="red">{errors} 处错误</Tag>}
                      {openThreads > 0 && (
                        <Badge count={openThreads} title={`${openThreads} 条未解决的意见`} color="orange" />
                      )}
                    </Flex>
                  }
                >
                  <PartContent
                    kind={kind}
                    part={part}
                    content={report.parts[part]?.content}
                    gradeLabel={report.gradeLabel}
                  />
                </Card>
              </Col>
              {hasSide && (
                <Col xs={24} xl={9}>
                  <PartSide
                    api={api}
                    kind={kind}
                    reportId={report.id}
                    part={part}
                    parts={report.parts}
                    findings={partFindings}
                    threads={partThreads}
                    canStart={canStart}
                    onChange={onThreadChange}
                    {...can}
                  />
                </Col>
              )}
            </Row>
          </section>
        );
      })}
    </Flex>
  );
}
