import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreatePingDto {
  @ApiPropertyOptional({ description: '随任务往返的一段文字，便于辨认', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '不能超过 200 个字符' })
  message?: string;

  @ApiPropertyOptional({
    description: 'worker 处理前等待的毫秒数（用于验证停机时任务不丢失）',
    minimum: 0,
    maximum: 10000,
  })
  @IsOptional()
  @IsInt({ message: '必须是整数（毫秒）' })
  @Min(0, { message: '不能小于 0' })
  @Max(10000, { message: '不能超过 10000 毫秒' })
  holdMs?: number;
}

export class PingJobView {
  @ApiProperty({ description: '任务 ID' })
  id!: string;

  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed', 'delayed', 'unknown'] })
  state!: string;

  @ApiPropertyOptional({ description: '任务完成后 worker 返回的结果' })
  result?: unknown;

  @ApiPropertyOptional({ description: '失败原因' })
  failedReason?: string;
}
