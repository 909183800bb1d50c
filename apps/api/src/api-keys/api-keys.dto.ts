import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '@evalflow/domain';

export class CreateApiKeyDto {
  @ApiProperty({ example: '预算一体化系统', description: '名称：用于哪个系统' })
  @IsString({ message: '名称应为文本' })
  @Length(1, 100, { message: '名称应为 1 至 100 个字符' })
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, description: '权限范围（只读）：报告、正式文档、汇总' })
  @IsArray({ message: '权限范围应为列表' })
  @ArrayMinSize(1, { message: '至少选择一项权限范围' })
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @ArrayUnique({ message: '权限范围不能重复' })
  @IsIn([...API_KEY_SCOPES], { each: true, message: '权限范围只能是 reports:read、documents:read 或 summary:read' })
  scopes!: ApiKeyScope[];

  @ApiPropertyOptional({ type: String, format: 'date-time', description: '到期时间（可选）；须晚于现在' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: '到期时间格式不正确' })
  expiresAt?: Date;
}

export class ApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'ef_live_AbC123', description: '密钥开头几位，用于辨认；完整密钥只在创建时显示一次' })
  prefix!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: ApiKeyScope[];
  @ApiProperty({ nullable: true, type: String }) createdByName!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) expiresAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: '最近使用时间（至多每分钟更新一次）' })
  lastUsedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) state!: 'active' | 'expired' | 'revoked';
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: '完整密钥：只在此时显示一次，请立即妥善保存' })
  key!: string;
}
