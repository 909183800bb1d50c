import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DOCUMENT_FAILURE_CODES, DOCUMENT_FORMATS, DOCUMENT_STATUSES, type DocumentFormat } from '@evalflow/domain';

export class RequestDocumentDto {
  @ApiProperty({ enum: DOCUMENT_FORMATS })
  @IsIn([...DOCUMENT_FORMATS], { message: '文档格式只能是 docx 或 pdf' })
  format!: DocumentFormat;
}

export class DocumentView {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty({ enum: DOCUMENT_FORMATS }) format!: DocumentFormat;
  @ApiProperty({
    example: 'r2',
    description: 'r<n> 第 n 版（提交时冻结的内容）；r<n>-approved 审核通过；v<n> 草稿当时的内容',
  })
  edition!: string;
  @ApiProperty({ nullable: true, type: Number }) revisionNumber!: number | null;
  @ApiProperty() templateVersion!: number;
  @ApiProperty({ nullable: true, type: String, example: '送审稿' }) watermark!: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ description: '生成进度 0–100' }) progress!: number;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes!: number | null;
  @ApiProperty({ example: '赵县总工会2024年度整体支出绩效自评报告.pdf' }) fileName!: string;
  @ApiProperty({ nullable: true, type: String, description: '生成失败的原因（给用户看的中文说明）' }) error!:
    | string
    | null;
  @ApiProperty({
    nullable: true,
    enum: DOCUMENT_FAILURE_CODES,
    description: '生成失败的原因代码（稳定）：页数、大小、时间或内存超限，多次中断后停止，或其他失败',
  })
  errorCode!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}
