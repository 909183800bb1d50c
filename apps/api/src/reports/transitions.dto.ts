import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { TRANSITION_ACTIONS, type TransitionAction } from '@evalflow/domain';
import { toInteger } from '../http/page-query';

export class TransitionDto {
  @ApiProperty({
    enum: TRANSITION_ACTIONS,
    description: 'submit 提交 · withdraw 撤回 · start_review 开始审核 · return 退回 · approve 通过 · reopen 重新打开',
  })
  @IsIn([...TRANSITION_ACTIONS], { message: '操作只能是 submit、withdraw、start_review、return、approve 或 reopen' })
  action!: TransitionAction;

  @ApiPropertyOptional({
    description:
      '撤回、退回、重新打开时必填的原因；审核通过时为可选的审批意见（记入流程记录，印在审核通过的正式文档上）',
  })
  @IsOptional()
  @IsString({ message: '原因应为文本' })
  @MaxLength(2000, { message: '原因不能超过 2000 个字符' })
  reason?: string;

  @ApiPropertyOptional({
    description:
      '提交部门整体支出报告时：提交人已向报告所列评价工作组成员确认报告内容（记为「评价工作组确认」）；未确认则不记录确认',
  })
  @IsOptional()
  @IsBoolean({ message: 'teamConfirmed 应为 true 或 false' })
  teamConfirmed?: boolean;

  @ApiProperty({ description: '所依据的报告版本（报告的 version）' })
  @IsInt({ message: '请提供所依据的报告版本 expectedVersion（整数）' })
  @Min(1, { message: '版本至少为 1' })
  expectedVersion!: number;

  @ApiPropertyOptional({
    description: '代理：被代理人（委托人）的用户 ID；须有今天有效的代理委托，历史记为「本人（代委托人）」',
  })
  @IsOptional()
  @IsUUID(undefined, { message: '被代理人 ID 格式不正确' })
  onBehalfOf?: string;
}

export class DiffQuery {
  @ApiProperty({ description: '起始版本号' })
  @Transform(toInteger)
  @IsInt({ message: 'from 应为版本号（整数）' })
  @Min(1, { message: 'from 至少为 1' })
  from!: number;

  @ApiProperty({ description: '目标版本号' })
  @Transform(toInteger)
  @IsInt({ message: 'to 应为版本号（整数）' })
  @Min(1, { message: 'to 至少为 1' })
  to!: number;
}
