import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../http/page-query';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: '动作前缀，如 auth. 或 user.created' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.]{0,80}$/, { message: '动作应为小写字母、数字、点或下划线' })
  action?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'], { message: '只能是 success、failure 或 denied' })
  outcome?: 'success' | 'failure' | 'denied';

  @ApiPropertyOptional({ description: '操作人用户名' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ description: '自该日（含，北京时间）起，YYYY-MM-DD', example: '2025-04-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '开始日期应为 YYYY-MM-DD 格式' })
  from?: string;

  @ApiPropertyOptional({ description: '至该日（含，北京时间）止，YYYY-MM-DD', example: '2025-04-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '结束日期应为 YYYY-MM-DD 格式' })
  to?: string;

  @ApiPropertyOptional({ description: '上一页最后一条的 id（键集分页，按时间倒序）' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '应为数字' })
  before?: string;
}

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ nullable: true }) tenantId!: string | null;
  @ApiProperty({ nullable: true }) actorUserId!: string | null;
  @ApiProperty({ nullable: true }) actorUsername!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true }) targetType!: string | null;
  @ApiProperty({ nullable: true }) targetId!: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome!: string;
  @ApiProperty() details!: Record<string, unknown>;
  @ApiProperty({ nullable: true }) clientIp!: string | null;
  @ApiProperty({ nullable: true }) requestId!: string | null;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiProperty({ nullable: true }) nextBefore!: string | null;
}
