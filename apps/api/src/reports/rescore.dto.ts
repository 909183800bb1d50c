import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GRADE_KEYS, MAX_RESCORE_NOTE, RESCORING_MODES, type GradeKey, type RescoringMode } from '@evalflow/domain';

export class RescoreRowDto {
  @ApiProperty({
    example: 'indicators.0',
    description: '自评表中的行：funding（预算执行率）或 indicators.序号（从 0 起）',
  })
  @IsString({ message: '行应为文本，如 funding 或 indicators.0' })
  @MaxLength(40, { message: '行不能超过 40 个字符' })
  row!: string;

  // checked by the domain (checkRescores), which names the row in its message
  @ApiProperty({
    nullable: true,
    type: String,
    example: '8.5',
    description: '复核得分：0 至该行分值，最多 2 位小数；null 表示不复核该行',
  })
  @Allow()
  score!: string | null;

  @ApiPropertyOptional({ description: `复核说明，最多 ${MAX_RESCORE_NOTE} 字` })
  @IsOptional()
  @IsString({ message: '复核说明应为文本' })
  @MaxLength(MAX_RESCORE_NOTE, { message: `复核说明不能超过 ${MAX_RESCORE_NOTE} 个字符` })
  note?: string;
}

export class PutRescoreDto {
  @ApiProperty({ type: [RescoreRowDto], description: '全部复核评分（替换）：未列出的行视为未复核' })
  @IsArray({ message: '复核评分应为列表' })
  @ArrayMaxSize(201, { message: '复核评分最多 201 行（预算执行率及 200 项指标）' })
  @ValidateNested({ each: true })
  @Type(() => RescoreRowDto)
  rows!: RescoreRowDto[];
}

export class RescoringRuleView {
  @ApiProperty({ enum: RESCORING_MODES, description: 'replace：复核得分替换自评得分；weighted：按权重加权' })
  mode!: RescoringMode;
  @ApiProperty({ nullable: true, type: String, example: '0.6', description: '加权时复核得分的权重' })
  weight!: string | null;
}

export class RescoreGradeBandView {
  @ApiProperty({ enum: GRADE_KEYS }) grade!: GradeKey;
  @ApiProperty() label!: string;
  @ApiProperty({ description: '下限（含）' }) min!: string;
}

export class RescoreRowView {
  @ApiProperty() row!: string;
  @ApiProperty({ example: '第 1 项指标「培训人次」' }) label!: string;
  @ApiProperty() level1!: string;
  @ApiProperty() level2!: string;
  @ApiProperty() level3!: string;
  @ApiProperty({ nullable: true, type: String, description: '分值' }) weight!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '自评得分' }) selfScore!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '复核得分' }) reScore!: string | null;
  @ApiProperty({ description: '复核说明' }) note!: string;
  @ApiProperty({ nullable: true, type: String, description: '最终得分' }) final!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '得分差（自评 − 复核）' }) difference!: string | null;
}

export class RescoreTotalsView {
  @ApiProperty() weight!: string;
  @ApiProperty({ description: '自评得分合计' }) self!: string;
  @ApiProperty({ nullable: true, type: String, description: '复核得分合计（未复核的行按自评得分）' }) reScore!:
    | string
    | null;
  @ApiProperty({ description: '最终得分' }) final!: string;
  @ApiProperty({ nullable: true, type: String, description: '得分差（自评 − 复核）' }) difference!: string | null;
  @ApiProperty({ enum: GRADE_KEYS }) finalGrade!: GradeKey;
  @ApiProperty() finalGradeLabel!: string;
}

export class RescoreView {
  @ApiProperty() reportId!: string;
  @ApiProperty({ description: '复核评分的版本，保存时放在 If-Match 中；0 表示尚未复核' }) version!: number;
  @ApiProperty({ description: '当前用户现在能否复核评分（财政局，报告已提交或审核中）' }) editable!: boolean;
  @ApiProperty({ type: RescoringRuleView }) rule!: RescoringRuleView;
  @ApiProperty({ type: [RescoreGradeBandView], description: '最终得分所依的评价等级划分（模板的，否则本县的）' })
  gradeBands!: RescoreGradeBandView[];
  @ApiProperty({ type: [RescoreRowView] }) rows!: RescoreRowView[];
  @ApiProperty({ type: RescoreTotalsView }) totals!: RescoreTotalsView;
  @ApiProperty({ description: '报告退回修改后已不再对应的复核行数' }) outdated!: number;
  @ApiProperty({ nullable: true, type: String, description: '最后复核评分的人' }) updatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}
