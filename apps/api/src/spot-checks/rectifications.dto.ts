import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RECTIFICATION_STATUSES, REPORT_KINDS, type RectificationStatus, type ReportKind } from '@evalflow/domain';
import { toInteger } from '../http/page-query';

export class FindingDto {
  @ApiProperty({ description: '发现的问题，1–2000 字' })
  @IsString({ message: '问题描述应为文本' })
  body!: string;
}

export class CreateRectificationDto {
  @ApiProperty({ description: '整改事项：要整改什么，1–1000 字' })
  @IsString({ message: '整改事项应为文本' })
  title!: string;

  @ApiPropertyOptional({ description: '责任人：报告所属部门的用户 id（与 ownerName 二选一）' })
  @IsOptional()
  @IsUUID(undefined, { message: '责任人应为本部门的用户' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({ example: '张三（办公室主任）', description: '责任人姓名（不是系统用户时填写），1–100 字' })
  @IsOptional()
  @IsString({ message: '责任人姓名应为文本' })
  ownerName?: string | null;

  @ApiProperty({ example: '2025-09-30', description: '整改期限 YYYY-MM-DD' })
  @IsString({ message: '整改期限应为日期，格式为 YYYY-MM-DD' })
  dueOn!: string;
}

export class UpdateRectificationDto {
  @ApiPropertyOptional() @IsOptional() @IsString({ message: '整改事项应为文本' }) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID(undefined, { message: '责任人应为本部门的用户' }) ownerUserId?:
    | string
    | null;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: '责任人姓名应为文本' }) ownerName?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: '整改期限应为日期，格式为 YYYY-MM-DD' }) dueOn?: string;
}

export class AnswerRectificationDto {
  @ApiProperty({ description: '整改情况说明，1–4000 字' })
  @IsString({ message: '整改情况应为文本' })
  answer!: string;

  @ApiPropertyOptional({
    example: '赵工发〔2025〕12号 整改报告',
    description: '佐证材料说明（文件名、文号等），至多 1000 字',
  })
  @IsOptional()
  @IsString({ message: '佐证材料说明应为文本' })
  evidenceText?: string | null;
}

export class RectificationDecisionDto {
  @ApiProperty({ enum: ['close', 'reopen'], description: 'close 办结；reopen 重新打开（须写明原因）' })
  @IsIn(['close', 'reopen'], { message: '操作只能是办结（close）或重新打开（reopen）' })
  action!: 'close' | 'reopen';

  @ApiPropertyOptional({ description: '说明；重新打开时必填，至多 1000 字' })
  @IsOptional()
  @IsString({ message: '说明应为文本' })
  @MaxLength(1000, { message: '说明不能超过 1000 个字' })
  reason?: string | null;
}

export class EvidenceUploadDto {
  @ApiProperty({ example: '整改报告.pdf', description: '文件名，1–200 字' })
  @IsString({ message: '文件名应为文本' })
  fileName!: string;

  @ApiProperty({ description: '文件内容（Base64），PDF、JPEG 或 PNG，不超过 2 MB' })
  @IsString({ message: '文件内容应为 Base64 文本' })
  contentBase64!: string;
}

export class RectificationsQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear?: number;

  @ApiPropertyOptional({ description: 'true 只列逾期的整改事项' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue 只能是 true 或 false' })
  overdue?: boolean;
}

export class RectificationEventView {
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() actorName!: string;
  @ApiProperty() occurredAt!: string;
}

export class EvidenceView {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() uploadedAt!: string;
}

export class RectificationView {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) ownerUserId!: string | null;
  @ApiProperty() ownerName!: string;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: RectificationStatus;
  @ApiProperty({ description: '已过整改期限且未办结' }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceText!: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ description: '修改、答复、办结时放在 If-Match 中' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
  @ApiProperty({ type: [RectificationEventView] }) history!: RectificationEventView[];
}

/** An item in an inbox list: with the report it belongs to. */
export class RectificationListItemView extends RectificationView {
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
}

export class FindingView {
  @ApiProperty() id!: string;
  @ApiProperty() body!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ReportSpotCheckView {
  @ApiProperty({ description: '该报告是否被抽评' }) selected!: boolean;
  @ApiProperty({ nullable: true, type: Object, description: '所在批次：id、名称、规则' }) batch!: {
    id: string;
    name: string;
    ruleText: string;
    selectedAt: string;
  } | null;
  @ApiProperty({ type: [FindingView] }) findings!: FindingView[];
  @ApiProperty({ type: [RectificationView] }) items!: RectificationView[];
}
