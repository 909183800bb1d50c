import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import {
  EXPORT_FAILURE_CODES,
  EXPORT_KINDS,
  EXPORT_STATUSES,
  exportNames,
  type ExportKind,
  type ExportStatus,
} from '@evalflow/domain';
import type { ExportRecord } from '@evalflow/persistence';

export class RequestExportDto {
  @ApiProperty({
    enum: EXPORT_KINDS,
    description: 'indicator_rows：本县一个年度全部报告的绩效指标明细；approved_pdfs：该年度全部已审核通过报告的 PDF（.zip）',
  })
  @IsIn([...EXPORT_KINDS], {
    message: '导出类型只能是 indicator_rows（指标明细）或 approved_pdfs（已审核通过报告 PDF 合集）',
  })
  kind!: ExportKind;

  @ApiProperty({ example: 2024, description: '年度' })
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear!: number;
}

export class ExportParamsView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
}

export class ExportView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: EXPORT_KINDS }) kind!: ExportKind;
  @ApiProperty({ type: ExportParamsView }) params!: ExportParamsView;
  @ApiProperty({ enum: EXPORT_STATUSES, description: '排队中、导出中、已完成、导出失败' }) status!: ExportStatus;
  @ApiProperty({ description: '进度 0–100（已读完的报告数 / 报告总数）' }) progress!: number;
  @ApiProperty({ nullable: true, type: Number, description: '导出的行数（指标明细）或 PDF 份数（PDF 合集），完成后' })
  rowCount!: number | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes!: number | null;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ example: '赵县-2024-绩效指标明细.xlsx' }) fileName!: string;
  @ApiProperty({ nullable: true, type: String, description: '导出失败的原因（给用户看的中文说明）' })
  error!: string | null;
  @ApiProperty({ nullable: true, enum: EXPORT_FAILURE_CODES, description: '导出失败的原因代码（稳定）' })
  errorCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '发起人' }) requestedBy!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

/** An export as the API shows it; the file is named after the county and the year. */
export function toExportView(r: ExportRecord, countyName: string): ExportView {
  return {
    id: r.id,
    kind: r.kind,
    params: { fiscalYear: r.params.fiscalYear },
    status: r.status,
    progress: r.progress,
    rowCount: r.rowCount,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    fileName: exportNames(r.kind, r.params, countyName).fileName,
    error: r.status === 'failed' ? r.error : null,
    errorCode: r.status === 'failed' ? r.errorCode : null,
    requestedBy: r.requestedByName,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt ? r.startedAt.toISOString() : null,
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}
