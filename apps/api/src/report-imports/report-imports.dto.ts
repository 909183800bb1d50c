import { ApiProperty } from '@nestjs/swagger';
import {
  importExpiresAt,
  importStatusAt,
  type ReportImportRecord,
  type ReportImportStatus,
} from '@evalflow/persistence';
import type { ImportResult, SourceSpan, UnplacedBlock } from '@evalflow/report-import';

const STATUSES: ReportImportStatus[] = ['queued', 'parsing', 'ready', 'applied', 'failed', 'discarded', 'expired'];

export class UnplacedBlockView {
  @ApiProperty({ description: '文档中的段落或表格序号（从 0 起）' }) block!: number;
  @ApiProperty({ description: '开头的文字' }) excerpt!: string;
  @ApiProperty({ example: '尚未自动归入' }) reason!: string;
}

export class ImportCountsView {
  @ApiProperty({ description: '绩效指标行数' }) indicators!: number;
  @ApiProperty({ description: '有来源的字段数' }) sourced!: number;
  @ApiProperty({ description: '推断得出的字段数' }) inferred!: number;
  @ApiProperty({ description: '未能归入的段落和表格数' }) unplaced!: number;
}

export class ImportSummaryView {
  @ApiProperty({ type: [String], description: '将被填写的部分' }) filledParts!: string[];
  @ApiProperty({ type: ImportCountsView }) counts!: ImportCountsView;
  @ApiProperty({ type: [UnplacedBlockView], description: '未能归入的段落和表格（不会丢弃，列出给编制人）' })
  unplaced!: UnplacedBlock[];
}

export class ReportImportView {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty({
    enum: STATUSES,
    description: '排队中、解析中、待确认、已导入、失败、已放弃、已过期（解析后长时间未确认，上传的文件已删除）',
  })
  status!: ReportImportStatus;
  @ApiProperty({ description: '解析进度 0–100' }) progress!: number;
  @ApiProperty({ enum: ['docx', 'txt', 'xlsx'] }) format!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ nullable: true, type: String, description: '失败的原因代码（错误目录中的 IMPORT_*）' })
  errorCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '失败的原因（中文）' }) error!: string | null;
  @ApiProperty({ nullable: true, type: ImportSummaryView, description: '解析完成后：将填写什么、未能归入什么' })
  summary!: ImportSummaryView | null;
  @ApiProperty({ nullable: true, type: Object, description: '解析完成后：将写入草稿的完整内容' })
  content!: unknown;
  @ApiProperty({ nullable: true, type: String }) requestedBy!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) appliedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '待确认时：过了这一时刻未确认即过期（IMPORT_EXPIRE_AFTER_HOURS）',
  })
  expiresAt!: string | null;
  @ApiProperty({ description: '报告当前的版本：确认导入时作为 If-Match 发回；确认后为导入后的版本' })
  reportVersion!: number;
}

export class ReportSourcesView {
  @ApiProperty({ nullable: true, type: String, description: '最近一次确认的导入' }) importId!: string | null;
  @ApiProperty({ type: Object, description: '字段路径 → 来源（段落或单元格、原文）' })
  sources!: Record<string, SourceSpan>;
  @ApiProperty({ type: [String], description: '推断得出（而非原文读出）的字段路径' }) inferred!: string[];
}

/**
 * An import as the API shows it: the summary and the proposed content once parsed (and while applied);
 * a parsed one past its time (`expireAfterMs`) reads expired, whether or not the sweeper has marked it.
 */
export function toImportView(r: ReportImportRecord, reportVersion: number, expireAfterMs: number): ReportImportView {
  const result = r.result as ImportResult | null;
  const status = importStatusAt(r, expireAfterMs);
  const shown = result && (status === 'ready' || status === 'applied');
  const expiresAt = status === 'ready' ? importExpiresAt(r, expireAfterMs) : null;
  return {
    id: r.id,
    reportId: r.reportId,
    status,
    progress: r.progress,
    format: r.format,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    errorCode: r.status === 'failed' ? r.errorCode : null,
    error: r.status === 'failed' ? r.error : null,
    summary: shown
      ? {
          filledParts: result.filledParts,
          counts: {
            indicators:
              (result.content as { scoreTable?: { indicators: unknown[] } }).scoreTable?.indicators.length ?? 0,
            sourced: Object.keys(result.sources).length,
            inferred: result.inferred.length,
            unplaced: result.unplaced.length,
          },
          unplaced: result.unplaced,
        }
      : null,
    content: shown ? result.content : null,
    requestedBy: r.requestedByName,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
    appliedAt: r.appliedAt ? r.appliedAt.toISOString() : null,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
    reportVersion,
  };
}
