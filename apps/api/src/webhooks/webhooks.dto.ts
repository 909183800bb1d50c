import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@evalflow/domain';

const EVENTS_MESSAGE = `事件只能是 ${WEBHOOK_EVENTS.join('、')}`;

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://yth.example.gov.cn/hooks/evalflow', description: '接收地址（须为 https）' })
  @IsString({ message: '推送地址应为文本' })
  @MaxLength(2000, { message: '推送地址不能超过 2000 个字符' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, description: '订阅的事件' })
  @IsArray({ message: EVENTS_MESSAGE })
  @ArrayMaxSize(WEBHOOK_EVENTS.length, { message: EVENTS_MESSAGE })
  @IsIn([...WEBHOOK_EVENTS], { each: true, message: EVENTS_MESSAGE })
  events!: WebhookEvent[];

  @ApiPropertyOptional({ description: '说明，如「预算管理一体化系统」' })
  @IsOptional()
  @IsString({ message: '说明应为文本' })
  @MaxLength(200, { message: '说明不能超过 200 个字符' })
  description?: string;

  @ApiPropertyOptional({ description: '是否启用，默认启用' })
  @IsOptional()
  @IsBoolean({ message: '是否启用应为 true 或 false' })
  active?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional() @IsOptional() @IsString({ message: '推送地址应为文本' }) @MaxLength(2000) url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @IsArray({ message: EVENTS_MESSAGE })
  @ArrayMaxSize(WEBHOOK_EVENTS.length, { message: EVENTS_MESSAGE })
  @IsIn([...WEBHOOK_EVENTS], { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEvent[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '说明应为文本' })
  @MaxLength(200, { message: '说明不能超过 200 个字符' })
  description?: string;

  @ApiPropertyOptional({ description: '启用（同时解除自动暂停）或停用' })
  @IsOptional()
  @IsBoolean({ message: '是否启用应为 true 或 false' })
  active?: boolean;
}

export class WebhookView {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: string[];
  @ApiProperty() description!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, description: '自动暂停的时间（连续失败超过 24 小时）' })
  pausedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) pausedReason!: string | null;
  @ApiProperty() createdAt!: string;
}

export class WebhookWithSecretView extends WebhookView {
  @ApiProperty({
    description:
      '签名密钥，仅此一次显示。接收方验证：X-EvalFlow-Signature = "sha256=" + HMAC-SHA256(密钥, X-EvalFlow-Timestamp + "." + 请求体) 的十六进制；并拒绝时间戳早于 5 分钟的请求（防重放），按 X-EvalFlow-Delivery 去重。',
  })
  secret!: string;
}

export class WebhookSecretView {
  @ApiProperty({ description: '新的签名密钥，仅此一次显示；旧密钥立即失效' }) secret!: string;
}

export class WebhookAttemptView {
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: Number }) status!: number | null;
  @ApiProperty({ description: '响应时间（毫秒）' }) ms!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ description: '响应内容的前 500 个字符' }) excerpt!: string;
}

export class WebhookDeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event!: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: [WebhookAttemptView] }) attempts!: WebhookAttemptView[];
  @ApiProperty() replays!: number;
  @ApiProperty() createdAt!: string;
}
