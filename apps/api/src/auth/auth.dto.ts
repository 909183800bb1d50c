import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'zhaoxian.union.editor' })
  @IsString({ message: '请输入用户名' })
  @MinLength(1, { message: '请输入用户名' })
  @MaxLength(64, { message: '用户名不能超过 64 个字符' })
  username!: string;

  @ApiProperty({ example: 'evalflow-demo' })
  @IsString({ message: '请输入密码' })
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(128, { message: '密码不能超过 128 个字符' })
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '请输入当前密码' })
  @MinLength(1, { message: '请输入当前密码' })
  @MaxLength(128, { message: '密码不能超过 128 个字符' })
  currentPassword!: string;

  @ApiProperty({ description: '10–128 个字符，至少包含大写字母、小写字母、数字、符号中的三类' })
  @IsString({ message: '请输入新密码' })
  @MaxLength(128, { message: '密码不能超过 128 个字符' })
  newPassword!: string;
}

export class MeUserView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ description: '密码由管理员设置或重置：须先修改密码，其他接口以 PASSWORD_CHANGE_REQUIRED 拒绝' })
  mustChangePassword!: boolean;
}

export class MeView {
  @ApiProperty({ type: MeUserView }) user!: MeUserView;
  @ApiPropertyOptional({ description: '所在县（区）；平台管理员为 null', nullable: true })
  tenant!: { id: string; name: string; regionCode: string } | null;
  @ApiPropertyOptional({ nullable: true })
  department!: { id: string; name: string; kind: string } | null;
  @ApiProperty({ description: 'CASL 规则（packRules 压缩格式），供前端判断可见的功能' })
  abilities!: unknown[];
}

export class TokenView {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: '访问令牌有效秒数' }) expiresIn!: number;
  @ApiProperty({ type: MeView }) me!: MeView;
}
