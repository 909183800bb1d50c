import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsEmail, IsIn, MaxLength, ValidateIf } from 'class-validator';
import { MAIL_KINDS, type MailKind } from '@evalflow/domain';

const MAIL_KIND_DESCRIPTION =
  'returned 报告退回（退回修改、重新打开）；approved 审核通过；deadline 期限提醒（填报截止、整改逾期）；comment 审核意见；workflow 其他流程变化（提交、撤回、开始审核）';

/** The signed-in user's own notification settings: where e-mail goes and which kinds not to e-mail. */
export class NotificationSettingsDto {
  @ApiProperty({
    example: 'wangfang@zhaoxian.gov.cn',
    nullable: true,
    description: '接收通知邮件的电子邮箱；null：不接收邮件（站内消息照常）',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_, v) => v !== null)
  @IsDefined({ message: '请填写电子邮箱（不接收邮件时填 null）' })
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(254, { message: '电子邮箱不能超过 254 个字符' })
  email!: string | null;

  @ApiProperty({ enum: MAIL_KINDS, isArray: true, description: `不接收邮件的通知类型：${MAIL_KIND_DESCRIPTION}` })
  @IsArray({ message: '不接收的邮件类型应为列表' })
  @ArrayMaxSize(MAIL_KINDS.length, { message: '邮件类型过多' })
  @IsIn([...MAIL_KINDS], { each: true, message: '包含未知的邮件类型' })
  mailOptOut!: MailKind[];
}

export class NotificationSettingsView {
  @ApiProperty({ nullable: true }) email!: string | null;
  @ApiProperty({ enum: MAIL_KINDS, isArray: true, description: MAIL_KIND_DESCRIPTION }) mailOptOut!: MailKind[];
  @ApiProperty({ description: '账号的版本（也在 ETag 中），修改时放在 If-Match' }) version!: number;
}
