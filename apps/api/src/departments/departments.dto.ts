import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DEPARTMENT_KINDS, type DepartmentKind } from '@evalflow/domain';

export class CreateDepartmentDto {
  @ApiProperty({ example: '赵县总工会' })
  @IsString({ message: '请填写部门名称' })
  @MinLength(1, { message: '请填写部门名称' })
  @MaxLength(100, { message: '部门名称不能超过 100 个字符' })
  name!: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS, description: 'budget_department：预算部门（单位）；finance_bureau：财政局' })
  @IsIn([...DEPARTMENT_KINDS], { message: '部门类型只能是预算部门（单位）或财政局' })
  kind!: DepartmentKind;

  @ApiPropertyOptional({ example: '行政', description: '单位性质' })
  @IsOptional()
  @IsString({ message: '单位性质应为文本' })
  @MaxLength(30, { message: '单位性质不能超过 30 个字符' })
  unitNature?: string;

  @ApiPropertyOptional({ example: '正科级', description: '单位规格' })
  @IsOptional()
  @IsString({ message: '单位规格应为文本' })
  @MaxLength(30, { message: '单位规格不能超过 30 个字符' })
  unitLevel?: string;

  @ApiPropertyOptional({ example: '财政拨款', description: '经费保障形式' })
  @IsOptional()
  @IsString({ message: '经费保障形式应为文本' })
  @MaxLength(30, { message: '经费保障形式不能超过 30 个字符' })
  fundingForm?: string;

  @ApiPropertyOptional({ example: '130133-501', description: '预算单位编码' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,30}$/, { message: '预算单位编码应为 1–30 位字母、数字、点、横线或下划线' })
  budgetCode?: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1, { message: '部门名称不能为空' })
  @MaxLength(100, { message: '部门名称不能超过 100 个字符' })
  name?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn([...DEPARTMENT_KINDS], { message: '部门类型只能是预算部门（单位）或财政局' })
  kind?: DepartmentKind;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '单位性质应为文本' })
  @MaxLength(30, { message: '单位性质不能超过 30 个字符' })
  unitNature?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '单位规格应为文本' })
  @MaxLength(30, { message: '单位规格不能超过 30 个字符' })
  unitLevel?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: '经费保障形式应为文本' })
  @MaxLength(30, { message: '经费保障形式不能超过 30 个字符' })
  fundingForm?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[A-Za-z0-9._-]{1,30}$/, { message: '预算单位编码应为 1–30 位字母、数字、点、横线或下划线' })
  budgetCode?: string | null;

  @ApiPropertyOptional({ description: 'false：停用该部门' })
  @IsOptional()
  @IsBoolean({ message: '应为 true 或 false' })
  active?: boolean;
}

export class ListDepartmentsQuery {
  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn([...DEPARTMENT_KINDS], { message: '部门类型只能是 budget_department 或 finance_bureau' })
  kind?: DepartmentKind;

  @ApiPropertyOptional({ description: '按名称或预算单位编码查找' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '查询词不能超过 50 个字符' })
  q?: string;
}

export class DepartmentView {
  @ApiProperty() id!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DEPARTMENT_KINDS }) kind!: DepartmentKind;
  @ApiProperty({ nullable: true }) unitNature!: string | null;
  @ApiProperty({ nullable: true }) unitLevel!: string | null;
  @ApiProperty({ nullable: true }) fundingForm!: string | null;
  @ApiProperty({ nullable: true }) budgetCode!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: '部门内的用户数' }) userCount!: number;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}
