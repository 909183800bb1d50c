import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsObject, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  SELECTION_RULE_KINDS,
  type ReportKind,
  type ReportStatus,
  type SelectionRuleKind,
} from '@evalflow/domain';
import { toInteger } from '../http/page-query';

const YEAR_DOC = { example: 2024, description: '年度' };

export class SpotCheckYearQuery {
  @ApiProperty(YEAR_DOC)
  @Transform(toInteger)
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear!: number;
}

export class SelectionRuleDto {
  @ApiProperty({
    enum: SELECTION_RULE_KINDS,
    description: 'manual 手工选择；random 随机抽取；below_score 低于分数线；flagged 有虚高预警',
  })
  kind!: SelectionRuleKind;
  @ApiPropertyOptional({ type: [String], description: '手工选择的报告 id（kind = manual）' })
  reportIds?: string[];
  @ApiPropertyOptional({ example: '20', description: '抽取比例（%），最多两位小数（kind = random）' })
  sharePercent?: string;
  @ApiPropertyOptional({ example: 123456, description: '随机种子 0–2147483647，记录在批次中以便复核（kind = random）' })
  seed?: number;
  @ApiPropertyOptional({ example: '80', description: '分数线：总分低于此值的报告（kind = below_score）' })
  maxScore?: string;
  @ApiPropertyOptional({ example: ['red'], description: "预警灯：['red'] 或 ['red', 'yellow']（kind = flagged）" })
  lights?: string[];
}

export class SelectionPreviewDto {
  @ApiProperty(YEAR_DOC)
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear!: number;

  @ApiProperty({ type: SelectionRuleDto, description: '抽取规则' })
  @IsObject({ message: '请给出抽取规则' })
  rule!: Record<string, unknown>;
}

export class CreateSpotCheckDto extends SelectionPreviewDto {
  @ApiProperty({ example: '2024年度重点绩效评价', description: '批次名称，1–100 字' })
  @IsString({ message: '批次名称应为文本' })
  @MinLength(1, { message: '请填写批次名称' })
  @MaxLength(100, { message: '批次名称不能超过 100 个字' })
  name!: string;
}

export class SelectedReportView {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ nullable: true, type: String }) totalScore!: string | null;
  @ApiPropertyOptional({ description: '本年度是否已被抽评（候选列表中）' }) alreadySelected?: boolean;
  @ApiPropertyOptional({ description: '整改事项数' }) items?: number;
  @ApiPropertyOptional({ description: '未办结的整改事项数' }) openItems?: number;
  @ApiPropertyOptional({ description: '逾期的整改事项数' }) overdueItems?: number;
}

export class SelectionPreviewView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ example: '随机抽取 20%，种子 123456' }) ruleText!: string;
  @ApiProperty({ description: '可抽评的报告数（已提交、审核中、已通过，且本年度尚未抽评）' }) candidates!: number;
  @ApiProperty({ type: [SelectedReportView] }) reports!: SelectedReportView[];
}

export class ItemCountsView {
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() closed!: number;
}

export class SpotCheckBatchView {
  @ApiProperty() id!: string;
  @ApiProperty() fiscalYear!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: SelectionRuleDto }) rule!: Record<string, unknown>;
  @ApiProperty() ruleText!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() reportCount!: number;
  @ApiProperty({ description: '整改事项：总数、未办结、逾期、已办结' }) items!: ItemCountsView;
  @ApiPropertyOptional({ type: [SelectedReportView] }) reports?: SelectedReportView[];
}
