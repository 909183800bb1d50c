import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REPORT_KINDS, type ReportKind } from '@evalflow/domain';
import { PageQuery, toInteger } from '../http/page-query';

export class WithdrawPublicationDto {
  @ApiProperty({ description: '撤销公开的原因，1–500 字', example: '数据有误，更正后重新公开' })
  @IsString({ message: '撤销原因应为文本' })
  @MaxLength(500, { message: '撤销原因不能超过 500 字' })
  reason!: string;
}

export class PublicationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2024, description: '报告年度' })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '包括已撤销的公开记录（完整登记）', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '应为 true 或 false' })
  includeWithdrawn?: boolean;
}

/** A line of the 公开登记. */
export class PublicationView {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty({ description: '公开的提交版本号' }) revision!: number;
  @ApiProperty({ description: '公开版 PDF 的文档编号（内部）' }) documentId!: string;
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) documentStatus!: string;
  @ApiProperty({ example: '2025-08-01', description: '公开日期（印在公开版上）' }) publishedOn!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty() publishedByName!: string;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason!: string | null;
  @ApiProperty() departmentName!: string;
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ example: '赵县总工会2024年度整体支出绩效自评报告' }) reportName!: string;
}

/** What the public page lists: no ids of reports or documents, no people. */
export class PublicPublicationView {
  @ApiProperty({ description: '公开记录编号（下载公开版时使用）' }) id!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ example: '赵县总工会2024年度整体支出绩效自评报告' }) reportName!: string;
  @ApiProperty({ example: '2025-08-01' }) publishedOn!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ example: '/api/public/counties/130133/publications/…/pdf' }) pdfUrl!: string;
}

export class PublicCountyView {
  @ApiProperty({ example: '130133', description: '行政区划代码' }) code!: string;
  @ApiProperty({ example: '赵县' }) name!: string;
  @ApiProperty({ type: [PublicPublicationView] }) publications!: PublicPublicationView[];
}
