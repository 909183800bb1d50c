import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  INDICATOR_NATURES,
  LIBRARY_TEXT_LIMITS,
  type IndicatorNature,
  type LibraryEntryView,
  type LibraryImportAction,
} from '@evalflow/domain';
import { toInteger } from '../http/page-query';

const NATURE_DOC = '指标性质：>= 不低于（≥）、<= 不高于（≤）、= 等于、qualitative 定性';
const NATURE_MESSAGE = '指标性质只能是 >=、<=、= 或 qualitative';
const tooLong = (label: string, field: keyof typeof LIBRARY_TEXT_LIMITS) =>
  `${label}不能超过 ${LIBRARY_TEXT_LIMITS[field]} 个字符`;

export class CreateLibraryEntryDto {
  @ApiProperty({ example: '产出指标', maxLength: LIBRARY_TEXT_LIMITS.level1 })
  @IsString({ message: '请填写一级指标' })
  @MaxLength(LIBRARY_TEXT_LIMITS.level1, { message: tooLong('一级指标', 'level1') })
  level1!: string;

  @ApiProperty({ example: '质量指标', maxLength: LIBRARY_TEXT_LIMITS.level2 })
  @IsString({ message: '请填写二级指标' })
  @MaxLength(LIBRARY_TEXT_LIMITS.level2, { message: tooLong('二级指标', 'level2') })
  level2!: string;

  @ApiProperty({ example: '资金发放准确率', maxLength: LIBRARY_TEXT_LIMITS.level3 })
  @IsString({ message: '请填写三级指标' })
  @MaxLength(LIBRARY_TEXT_LIMITS.level3, { message: tooLong('三级指标', 'level3') })
  level3!: string;

  @ApiPropertyOptional({ example: '%', description: '计量单位', maxLength: LIBRARY_TEXT_LIMITS.unit })
  @IsOptional()
  @IsString({ message: '计量单位应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.unit, { message: tooLong('计量单位', 'unit') })
  unit?: string;

  @ApiProperty({ enum: INDICATOR_NATURES, description: NATURE_DOC })
  @IsIn([...INDICATOR_NATURES], { message: NATURE_MESSAGE })
  nature!: IndicatorNature;

  @ApiPropertyOptional({ example: '100', description: '建议指标值', maxLength: LIBRARY_TEXT_LIMITS.suggestedTarget })
  @IsOptional()
  @IsString({ message: '建议指标值应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.suggestedTarget, { message: tooLong('建议指标值', 'suggestedTarget') })
  suggestedTarget?: string;

  @ApiPropertyOptional({
    example: '银行代发明细',
    description: '佐证材料',
    maxLength: LIBRARY_TEXT_LIMITS.suggestedEvidence,
  })
  @IsOptional()
  @IsString({ message: '佐证材料应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.suggestedEvidence, { message: tooLong('佐证材料', 'suggestedEvidence') })
  suggestedEvidence?: string;

  @ApiPropertyOptional({ description: '说明（口径、计算方法等）', maxLength: LIBRARY_TEXT_LIMITS.note })
  @IsOptional()
  @IsString({ message: '说明应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.note, { message: tooLong('说明', 'note') })
  note?: string;
}

/** Only the fields sent change. */
export class UpdateLibraryEntryDto {
  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.level1 })
  @IsOptional()
  @IsString({ message: '一级指标应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.level1, { message: tooLong('一级指标', 'level1') })
  level1?: string;

  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.level2 })
  @IsOptional()
  @IsString({ message: '二级指标应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.level2, { message: tooLong('二级指标', 'level2') })
  level2?: string;

  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.level3 })
  @IsOptional()
  @IsString({ message: '三级指标应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.level3, { message: tooLong('三级指标', 'level3') })
  level3?: string;

  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.unit })
  @IsOptional()
  @IsString({ message: '计量单位应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.unit, { message: tooLong('计量单位', 'unit') })
  unit?: string;

  @ApiPropertyOptional({ enum: INDICATOR_NATURES, description: NATURE_DOC })
  @IsOptional()
  @IsIn([...INDICATOR_NATURES], { message: NATURE_MESSAGE })
  nature?: IndicatorNature;

  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.suggestedTarget })
  @IsOptional()
  @IsString({ message: '建议指标值应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.suggestedTarget, { message: tooLong('建议指标值', 'suggestedTarget') })
  suggestedTarget?: string;

  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.suggestedEvidence })
  @IsOptional()
  @IsString({ message: '佐证材料应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.suggestedEvidence, { message: tooLong('佐证材料', 'suggestedEvidence') })
  suggestedEvidence?: string;

  @ApiPropertyOptional({ maxLength: LIBRARY_TEXT_LIMITS.note })
  @IsOptional()
  @IsString({ message: '说明应为文本' })
  @MaxLength(LIBRARY_TEXT_LIMITS.note, { message: tooLong('说明', 'note') })
  note?: string;
}

export const ACTIVE_FILTERS = ['true', 'false', 'all'] as const;
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number];

export class ListLibraryQuery {
  @ApiPropertyOptional({ description: '查找：一级、二级、三级指标名称、计量单位或建议指标值中包含的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '查询词不能超过 100 个字符' })
  q?: string;

  @ApiPropertyOptional({ example: '产出指标', description: '只列出该一级指标下的指标' })
  @IsOptional()
  @IsString()
  @MaxLength(LIBRARY_TEXT_LIMITS.level1, { message: tooLong('一级指标', 'level1') })
  level1?: string;

  @ApiPropertyOptional({ enum: INDICATOR_NATURES })
  @IsOptional()
  @IsIn([...INDICATOR_NATURES], { message: NATURE_MESSAGE })
  nature?: IndicatorNature;

  @ApiPropertyOptional({
    enum: ACTIVE_FILTERS,
    default: 'true',
    description: 'true 只列出启用的（默认）；false 只列出已停用的；all 全部',
  })
  @IsOptional()
  @IsIn([...ACTIVE_FILTERS], { message: 'active 只能是 true、false 或 all' })
  active?: ActiveFilter;

  @ApiPropertyOptional({ default: 50, maximum: 100 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: '应为整数' })
  @Min(1, { message: '至少为 1' })
  @Max(100, { message: '不能超过 100' })
  limit?: number;

  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,1200}$/, { message: '分页游标格式不正确' })
  cursor?: string;
}

export const IMPORT_MODES = ['preview', 'apply'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export class ImportQuery {
  @ApiProperty({
    enum: IMPORT_MODES,
    description: 'preview 只检查并列出将要进行的操作；apply 全部导入（有任何错误则一条也不导入）',
  })
  @IsIn([...IMPORT_MODES], { message: 'mode 只能是 preview 或 apply' })
  mode!: ImportMode;
}

export class LibraryEntryDto implements LibraryEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty({ example: '产出指标' }) level1!: string;
  @ApiProperty({ example: '质量指标' }) level2!: string;
  @ApiProperty({ example: '资金发放准确率' }) level3!: string;
  @ApiProperty({ example: '%' }) unit!: string;
  @ApiProperty({ enum: INDICATOR_NATURES, description: NATURE_DOC }) nature!: IndicatorNature;
  @ApiProperty({ example: '100', description: '建议指标值' }) suggestedTarget!: string;
  @ApiProperty({ example: '银行代发明细', description: '佐证材料' }) suggestedEvidence!: string;
  @ApiProperty({ description: '说明' }) note!: string;
  @ApiProperty({ description: 'false：已停用（不再供选用，引用它的报告不受影响）' }) active!: boolean;
  @ApiProperty({ description: '版本：修改、停用、恢复时放在 If-Match 中' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class LibraryPageDto {
  @ApiProperty({ type: [LibraryEntryDto] }) items!: LibraryEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的游标；没有下一页时为 null' })
  nextCursor!: string | null;
}

export class LibraryEntryFieldsDto {
  @ApiProperty() level1!: string;
  @ApiProperty() level2!: string;
  @ApiProperty() level3!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: INDICATOR_NATURES }) nature!: IndicatorNature;
  @ApiProperty() suggestedTarget!: string;
  @ApiProperty() suggestedEvidence!: string;
  @ApiProperty() note!: string;
}

export class ImportRowDto {
  @ApiProperty({ description: '在工作表中的行号（表头为第 1 行）', example: 2 }) row!: number;
  @ApiProperty({ enum: ['create', 'update', 'unchanged'], description: '新增、更新或不变' })
  action!: LibraryImportAction;
  @ApiProperty({ type: LibraryEntryFieldsDto }) entry!: LibraryEntryFieldsDto;
  @ApiProperty({ nullable: true, type: String, description: '同名的已有指标' }) existingId!: string | null;
  @ApiProperty({ type: [String], description: '更新所改的字段；active 表示恢复已停用的指标' }) changes!: string[];
}

export class ImportErrorDto {
  @ApiProperty({ description: '在工作表中的行号', example: 3 }) row!: number;
  @ApiProperty({ description: '列名（表头）', example: '指标性质' }) column!: string;
  @ApiProperty({ example: '请填写指标性质（≥、≤、= 或 定性）' }) message!: string;
}

export class ImportCountsDto {
  @ApiProperty() create!: number;
  @ApiProperty() update!: number;
  @ApiProperty() unchanged!: number;
}

export class ImportResultDto {
  @ApiProperty({ enum: IMPORT_MODES }) mode!: ImportMode;
  @ApiProperty({ type: [ImportRowDto] }) rows!: ImportRowDto[];
  @ApiProperty({ type: [ImportErrorDto] }) errors!: ImportErrorDto[];
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
}
