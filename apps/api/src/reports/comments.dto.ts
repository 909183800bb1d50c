import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { COMMENT_THREAD_STATUSES, REPORT_PARTS, type CommentThreadStatus, type ReportPart } from '@evalflow/domain';

export class CreateCommentDto {
  @ApiProperty({ enum: REPORT_PARTS, description: '意见所指的报告部分' })
  @IsString({ message: '请选择意见所指的报告部分' })
  part!: string;

  @ApiPropertyOptional({ example: 'budget.lines.2.amount', description: '部分内的字段路径（与版本对比中的路径相同）' })
  @IsOptional()
  @IsString({ message: '字段路径应为文本' })
  fieldPath?: string | null;

  @ApiProperty({ description: '意见内容，1–2000 字' })
  @IsString({ message: '意见内容应为文本' })
  body!: string;
}

export class ReplyDto {
  @ApiProperty({ description: '回复内容，1–2000 字' })
  @IsString({ message: '回复内容应为文本' })
  body!: string;
}

export class ThreadStatusDto {
  @ApiProperty({ enum: COMMENT_THREAD_STATUSES, description: 'resolved 标为已解决，open 重新打开' })
  @IsIn([...COMMENT_THREAD_STATUSES], { message: '状态只能是 open 或 resolved' })
  status!: CommentThreadStatus;
}

export class CommentsQuery {
  @ApiPropertyOptional({ enum: COMMENT_THREAD_STATUSES })
  @IsOptional()
  @IsIn([...COMMENT_THREAD_STATUSES], { message: '状态只能是 open 或 resolved' })
  status?: CommentThreadStatus;
}

export class CommentView {
  @ApiProperty() id!: string;
  @ApiProperty() body!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: ['department', 'finance'] }) side!: 'department' | 'finance';
  @ApiProperty() createdAt!: string;
}

export class CommentThreadView {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty({ enum: REPORT_PARTS }) part!: ReportPart;
  @ApiProperty({ nullable: true, type: String }) fieldPath!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '提出意见时最新的提交版本' }) revisionNumber!:
    | number
    | null;
  @ApiProperty({ enum: COMMENT_THREAD_STATUSES }) status!: CommentThreadStatus;
  @ApiProperty({ description: '标记解决/重新打开时放在 If-Match 中' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ type: [CommentView] }) comments!: CommentView[];
}

export class OpenCommentView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORT_PARTS }) part!: ReportPart;
  @ApiProperty({ nullable: true, type: String }) fieldPath!: string | null;
  @ApiProperty() body!: string;
}
