import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../http/page-query';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  IsEmail,
} from 'class-validator';
import { ROLES, type Role } from '@evalflow/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'zhaoxian.edu.editor', description: '小写字母、数字、点、横线、下划线，3–64 位；全平台唯一' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: '应为 3–64 位小写字母、数字、点、横线或下划线，并以字母或数字开头',
  })
  username!: string;

  @ApiProperty({ example: '王芳' })
  @IsString({ message: '请填写姓名' })
  @MinLength(1, { message: '请填写姓名' })
  @MaxLength(50, { message: '姓名不能超过 50 个字符' })
  displayName!: string;

  @ApiPropertyOptional({ example: 'wangfang@zhaoxian.gov.cn', nullable: true, description: '接收流程通知的电子邮箱' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(254, { message: '电子邮箱不能超过 254 个字符' })
  email?: string | null;

  @ApiPropertyOptional({
    description: '所在部门；编制人、部门负责人需为预算部门，财政局角色需为财政局',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID(undefined, { message: '部门 ID 格式不正确' })
  departmentId?: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray({ message: '角色应为列表' })
  @ArrayMaxSize(6, { message: '角色过多' })
  @IsIn([...ROLES], { each: true, message: '包含未知的角色' })
  roles!: Role[];

  @ApiProperty({ description: '初始密码：10–128 个字符，至少包含大写字母、小写字母、数字、符号中的三类' })
  @IsString({ message: '请填写初始密码' })
  @MaxLength(128, { message: '密码不能超过 128 个字符' })
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名不能超过 50 个字符' })
  displayName?: string;

  @ApiPropertyOptional({ example: 'wangfang@zhaoxian.gov.cn', nullable: true, description: '接收流程通知的电子邮箱' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: '电子邮箱格式不正确' })
  @MaxLength(254, { message: '电子邮箱不能超过 254 个字符' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID(undefined, { message: '部门 ID 格式不正确' })
  departmentId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray({ message: '角色应为列表' })
  @ArrayMaxSize(6, { message: '角色过多' })
  @IsIn([...ROLES], { each: true, message: '包含未知的角色' })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false：停用账号，其所有登录立即失效' })
  @IsOptional()
  @IsBoolean({ message: '应为 true 或 false' })
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: '新密码：10–128 个字符，至少包含大写字母、小写字母、数字、符号中的三类' })
  @IsString({ message: '请填写新密码' })
  @MaxLength(128, { message: '密码不能超过 128 个字符' })
  newPassword!: string;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '部门 ID 格式不正确' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn([...ROLES], { message: '未知的角色' })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '应为 true 或 false' })
  active?: boolean;

  @ApiPropertyOptional({ description: '按用户名或姓名查找' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '查询词不能超过 50 个字符' })
  q?: string;

  @ApiPropertyOptional({ description: '上一页最后一条的用户名（键集分页）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true }) departmentId!: string | null;
  @ApiPropertyOptional({ nullable: true }) departmentName?: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiPropertyOptional({ nullable: true, description: '仅县级管理员及本人可见' }) email?: string | null;
  @ApiPropertyOptional({ description: '仅县级管理员可见' }) active?: boolean;
  @ApiPropertyOptional({ nullable: true, description: '仅县级管理员可见' }) lastLoginAt?: string | null;
  @ApiPropertyOptional({ description: '仅县级管理员可见' }) createdAt?: string;
  @ApiPropertyOptional() version?: number;
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
  @ApiProperty({ nullable: true, description: '下一页的 after 参数；没有更多时为 null' }) nextAfter!: string | null;
}
