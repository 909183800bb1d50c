import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateTenantDto {
  @ApiProperty({ example: '赵县', description: '县（区）名称' })
  @IsString({ message: '请填写名称' })
  @MinLength(1, { message: '请填写名称' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  name!: string;

  @ApiProperty({ example: '130133', description: '行政区划代码（6 位数字）' })
  @Matches(/^\d{6}$/, { message: '应为 6 位数字' })
  regionCode!: string;

  @ApiProperty({ example: '石家庄市' })
  @IsString({ message: '请填写所属市' })
  @MinLength(1, { message: '请填写所属市' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  city!: string;

  @ApiProperty({ example: '河北省' })
  @IsString({ message: '请填写所属省' })
  @MinLength(1, { message: '请填写所属省' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  province!: string;
}

export class UpdateTenantDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: '名称不能为空' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: '所属市不能为空' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  city?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: '所属省不能为空' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  province?: string;

  @ApiPropertyOptional({ enum: ['active', 'suspended'], description: 'suspended：停用，该县（区）所有登录立即失效' })
  @IsOptional()
  @IsIn(['active', 'suspended'], { message: '只能是 active 或 suspended' })
  status?: 'active' | 'suspended';
}

export class CreateTenantAdminDto {
  @ApiProperty({ example: 'gaocheng.admin', description: '小写字母、数字、点、横线、下划线，3–64 位' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: '应为 3–64 位小写字母、数字、点、横线或下划线，并以字母或数字开头',
  })
  username!: string;

  @ApiProperty({ example: '藁城区系统管理员' })
  @IsString({ message: '请填写姓名' })
  @MinLength(1, { message: '请填写姓名' })
  @MaxLength(50, { message: '不能超过 50 个字符' })
  displayName!: string;

  @ApiProperty({ description: '初始密码：10–128 个字符，至少包含大写字母、小写字母、数字、符号中的三类' })
  @IsString({ message: '请填写初始密码' })
  @MaxLength(128, { message: '不能超过 128 个字符' })
  password!: string;
}

export class TenantAdminView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() active!: boolean;
}

export class TenantView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() province!: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status!: 'active' | 'suspended';
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ type: [TenantAdminView], description: '仅平台管理员可见' })
  admins?: TenantAdminView[];
}
