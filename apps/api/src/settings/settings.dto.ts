import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DEFAULT_INFLATION_THRESHOLDS,
  GRADE_KEYS,
  SCORE_PATTERN,
  type GradeKey,
  type InflationThresholds,
} from '@evalflow/domain';

export class GradeBandDto {
  @ApiProperty({ enum: GRADE_KEYS })
  @IsIn([...GRADE_KEYS], { message: '等级只能是 excellent、good、fair 或 poor' })
  grade!: GradeKey;

  @ApiProperty({ example: '优秀' })
  @IsString({ message: '等级名称应为文本' })
  @MaxLength(10, { message: '等级名称不能超过 10 个字符' })
  label!: string;

  @ApiProperty({ example: '90', description: '该等级的下限（含），0–100' })
  @Matches(SCORE_PATTERN, { message: '下限应为 0–100 的数，最多 2 位小数' })
  min!: string;
}

export class FourEyesDto {
  @ApiProperty({ required: false, description: '审核本次提交的人不能再审批通过' })
  @IsOptional()
  @IsBoolean({ message: '「审核人不能审批通过」应为是或否' })
  reviewerMayNotApprove?: boolean;

  @ApiProperty({ required: false, description: '报告的填报人或提交人不能审核或审批该报告' })
  @IsOptional()
  @IsBoolean({ message: '「填报人不能审核自己的报告」应为是或否' })
  authorMayNotReview?: boolean;
}

export class FourEyesView {
  @ApiProperty() reviewerMayNotApprove!: boolean;
  @ApiProperty() authorMayNotReview!: boolean;
}

export class EvidenceLimitsDto {
  @ApiProperty({ required: false, description: '每个佐证材料文件的上限（MB，整数，不超过平台上限）' })
  @IsOptional()
  @IsInt({ message: '单个文件上限应为整数（MB）' })
  @Min(1, { message: '单个文件上限至少 1 MB' })
  maxFileMb?: number;

  @ApiProperty({ required: false, description: '每份报告全部佐证材料合计的上限（MB，整数，不超过平台上限）' })
  @IsOptional()
  @IsInt({ message: '每份报告合计上限应为整数（MB）' })
  @Min(1, { message: '每份报告合计上限至少 1 MB' })
  maxReportMb?: number;
}

export class EvidenceLimitsView {
  @ApiProperty({ description: '单个文件上限（MB）' }) maxFileMb!: number;
  @ApiProperty({ description: '每份报告合计上限（MB）' }) maxReportMb!: number;
}

export class UpdateSettingsDto {
  @ApiProperty({ type: [GradeBandDto], required: false })
  @IsOptional()
  @IsArray({ message: '评价等级应为列表' })
  @ArrayMaxSize(4, { message: '评价等级只有优、良、中、差四档' })
  @ValidateNested({ each: true })
  @Type(() => GradeBandDto)
  gradeBands?: GradeBandDto[];

  @ApiProperty({ required: false, description: '提交前须经部门负责人签核' })
  @IsOptional()
  @IsBoolean({ message: '「提交前须经部门负责人签核」应为是或否' })
  requireHeadSignOff?: boolean;

  @ApiProperty({
    required: false,
    type: Object,
    example: DEFAULT_INFLATION_THRESHOLDS,
    description:
      '县级概览虚高预警的阈值（全部给出）：allComplete（未附佐证占比 %）、highScoreLowRate（高分线、执行率界限 %）、' +
      'scoreUpRateDown（得分升幅、执行率降幅）、copiedFullMarks（照搬且满分的指标数）；百分数和分数为十进制字符串',
  })
  @IsOptional()
  @IsObject({ message: '虚高预警阈值应为一组阈值（对象）' })
  inflationThresholds?: InflationThresholds;

  @ApiProperty({ required: false, type: () => FourEyesDto, description: '四眼原则（只改所给的项）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FourEyesDto)
  fourEyes?: FourEyesDto;

  @ApiProperty({ required: false, type: () => EvidenceLimitsDto, description: '佐证材料上限（只改所给的项）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceLimitsDto)
  evidenceLimits?: EvidenceLimitsDto;
}

export class SettingsView {
  @ApiProperty({ type: [GradeBandDto] }) gradeBands!: GradeBandDto[];
  @ApiProperty({ description: '0 表示仍使用默认值（财预〔2020〕10号）' }) version!: number;
  @ApiProperty() requireHeadSignOff!: boolean;
  @ApiProperty({ type: Object, example: DEFAULT_INFLATION_THRESHOLDS, description: '县级概览虚高预警的阈值' })
  inflationThresholds!: InflationThresholds;
  @ApiProperty({ type: FourEyesView, description: '四眼原则' }) fourEyes!: FourEyesView;
  @ApiProperty({ type: EvidenceLimitsView, description: '佐证材料上限（本县）' }) evidenceLimits!: EvidenceLimitsView;
  @ApiProperty({ type: EvidenceLimitsView, description: '平台允许的最高上限（本县的上限不能超过）' })
  evidenceCeilings!: EvidenceLimitsView;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class DeadlineDto {
  @ApiProperty({ example: '2025-04-30', description: '填报截止日期（含当日），YYYY-MM-DD' })
  @IsString({ message: '截止日期应为 YYYY-MM-DD 格式的日期' })
  dueOn!: string;

  @ApiPropertyOptional({
    description: '确认设置已过去或距今不足 7 天的截止日期；未确认时这样的日期以 DEADLINE_NEEDS_CONFIRMATION 拒绝',
  })
  @IsOptional()
  @IsBoolean({ message: 'confirmed 应为 true 或 false' })
  confirmed?: boolean;
}

export class DeadlineView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ example: '2025-04-30' }) dueOn!: string;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}
