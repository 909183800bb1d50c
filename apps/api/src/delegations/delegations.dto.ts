import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  DELEGABLE_ROLES,
  DELEGATION_STATE_LABELS,
  MAX_DELEGATION_REASON,
  type DelegableRole,
  type DelegationState,
} from '@evalflow/domain';

const ROLE_MESSAGE = '角色只能是 finance_reviewer（财政局审核人）或 finance_approver（财政局领导）';

export class CreateDelegationDto {
  @ApiProperty({ description: '代理人（本县同一角色的用户）的 ID' })
  @IsUUID(undefined, { message: '代理人 ID 格式不正确' })
  standInUserId!: string;

  @ApiProperty({ enum: DELEGABLE_ROLES, description: '委托的角色（须为委托人本人担任的角色）' })
  @IsIn([...DELEGABLE_ROLES], { message: ROLE_MESSAGE })
  role!: DelegableRole;

  @ApiProperty({ example: '2025-04-21', description: '开始日期（含），YYYY-MM-DD，北京时间' })
  @IsString({ message: '开始日期应为 YYYY-MM-DD 格式的日期' })
  startsOn!: string;

  @ApiProperty({ example: '2025-04-30', description: '结束日期（含），YYYY-MM-DD；最长 92 天' })
  @IsString({ message: '结束日期应为 YYYY-MM-DD 格式的日期' })
  endsOn!: string;

  @ApiPropertyOptional({ description: '事由，如「休假」' })
  @IsOptional()
  @IsString({ message: '事由应为文本' })
  @MaxLength(MAX_DELEGATION_REASON, { message: `事由不能超过 ${MAX_DELEGATION_REASON} 个字符` })
  reason?: string;

  @ApiPropertyOptional({ description: '委托人 ID：县级管理员为他人安排代理时填写；默认为本人' })
  @IsOptional()
  @IsUUID(undefined, { message: '委托人 ID 格式不正确' })
  principalUserId?: string;
}

export class CandidatesQuery {
  @ApiProperty({ enum: DELEGABLE_ROLES })
  @IsIn([...DELEGABLE_ROLES], { message: ROLE_MESSAGE })
  role!: DelegableRole;
}

export class DelegationPartyView {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class DelegationView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: DelegationPartyView, description: '委托人' }) principal!: DelegationPartyView;
  @ApiProperty({ type: DelegationPartyView, description: '代理人' }) standIn!: DelegationPartyView;
  @ApiProperty({ enum: DELEGABLE_ROLES }) role!: DelegableRole;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ enum: Object.keys(DELEGATION_STATE_LABELS), description: '未开始、生效中、已结束、已撤销' })
  state!: DelegationState;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: '当前用户可否撤销' }) canRevoke!: boolean;
}
