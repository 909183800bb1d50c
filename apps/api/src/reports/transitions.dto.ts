import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { TRANSITION_ACTIONS, type TransitionAction } from '@evalflow/domain';
import { toInteger } from '../http/page-query';

export class TransitionDto {
  @ApiProperty({
    enum: TRANSITION_ACTIONS,
    description: 'submit 提交 · withdraw 撤回 · start_review 开始审核 · return 退回 · approve 通过 · reopen 重新打开',
  })
  @IsIn([...TRANSITION_ACTIONS], { message: '操作只能是 submit、withdraw、start_review、return、approve 或 reopen' })
  action!: TransitionAction;

  @ApiPropertyOptional({ description: '退回、重新打开时必填' })
  @IsOptional()
  @IsString({ message: '原因应为文本' })
  @MaxLength(2000, { message: '原因不能超过 2000 个字符' })
  reason?: string;

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
