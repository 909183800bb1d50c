import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  FLAG_SEVERITIES,
  GRADE_KEYS,
  INFLATION_RULE_IDS,
  REPORT_KINDS,
  REPORT_STATUSES,
  TRAFFIC_LIGHTS,
  type FlagSeverity,
  type GradeKey,
  type InflationRuleId,
  type ReportKind,
  type ReportStatus,
  type TrafficLight,
} from '@evalflow/domain';
import { toInteger } from '../http/page-query';
import { DeadlineStatusView } from '../reports/reports.dto';

export class DashboardQuery {
  @ApiPropertyOptional({ example: 2024, description: '年度；省略时为最近一个有报告的年度（没有报告时为上一年）' })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear?: number;
}

/** 'missing': the department has no 部门整体 report of the year (未创建). */
export const PROGRESS_VALUES = ['missing', ...REPORT_STATUSES] as const;
export type Progress = (typeof PROGRESS_VALUES)[number];

export class DashboardGradeBandView {
  @ApiProperty({ enum: GRADE_KEYS }) grade!: GradeKey;
  @ApiProperty({ example: '优秀' }) label!: string;
  @ApiProperty({ example: '90', description: '该等级的下限（含）' }) min!: string;
}

export class DashboardReportView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ nullable: true, type: String, example: '95.00' }) totalScore!: string | null;
  @ApiProperty({ nullable: true, enum: GRADE_KEYS }) grade!: GradeKey | null;
  @ApiProperty({ nullable: true, type: String, example: '优秀' }) gradeLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '98.50', description: '执行率（%），十进制字符串' })
  executionRate!: string | null;
  @ApiProperty({ nullable: true, type: () => DeadlineStatusView }) deadline!: DeadlineStatusView | null;
  @ApiProperty({ description: '未解决的审核意见数' }) openComments!: number;
  @ApiProperty({ description: '佐证材料文件数（当前）' }) evidenceFiles!: number;
  @ApiProperty({ nullable: true, type: String, example: '91.75', description: '财政复核得分合计；未复核为 null' })
  reScore!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '按本县规则的最终得分；未复核为 null' })
  finalScore!: string | null;
  @ApiProperty({ nullable: true, enum: GRADE_KEYS }) finalGrade!: GradeKey | null;
  @ApiProperty({ nullable: true, type: String }) finalGradeLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '4.00', description: '得分差：自评 − 复核' })
  scoreDifference!: string | null;
}

export class ProjectTallyView {
  @ApiProperty({ description: '项目支出绩效自评表张数' }) total!: number;
  @ApiProperty({ description: '已提交或审核中' }) submitted!: number;
  @ApiProperty() approved!: number;
  @ApiProperty({ description: '参与平均的张数：已提交、审核中或已通过且有得分' }) scored!: number;
  @ApiProperty({ nullable: true, type: String, example: '90.25', description: '平均得分，两位小数（四舍五入）' })
  averageScore!: string | null;
}

export class InflationFlagView {
  @ApiProperty({ enum: INFLATION_RULE_IDS }) rule!: InflationRuleId;
  @ApiProperty({ enum: FLAG_SEVERITIES }) severity!: FlagSeverity;
  @ApiProperty({ example: '总分 96 分而执行率仅 84.50%（低于 90%）', description: '说明，含数字' }) message!: string;
}

export class RectificationCountsView {
  @ApiProperty({ description: '未办结的整改事项数' }) open!: number;
  @ApiProperty({ description: '其中已逾期的' }) overdue!: number;
}

export class DashboardDepartmentView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '赵县总工会' }) name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: PROGRESS_VALUES, description: '部门整体报告的状态；missing 为未创建' }) progress!: Progress;
  @ApiProperty({ nullable: true, type: () => DashboardReportView, description: '本年度的部门整体支出绩效自评报告' })
  report!: DashboardReportView | null;
  @ApiProperty({ nullable: true, type: () => DeadlineStatusView, description: '报告的截止状态；未创建时按今天计算' })
  deadline!: DeadlineStatusView | null;
  @ApiProperty({ type: () => [DashboardReportView], description: '本年度的项目支出绩效自评表' })
  projectReports!: DashboardReportView[];
  @ApiProperty({ type: () => ProjectTallyView }) projects!: ProjectTallyView;
  @ApiProperty({
    type: () => [InflationFlagView],
    description: '虚高预警：本年度已提交过的部门整体报告（对照上一年度的）按本县阈值得出的提示',
  })
  flags!: InflationFlagView[];
  @ApiProperty({
    nullable: true,
    enum: TRAFFIC_LIGHTS,
    description: '预警灯：有红色提示为 red，有黄色提示为 yellow，否则 green；本年度尚无已提交的部门整体报告时为 null',
  })
  light!: TrafficLight | null;
  @ApiProperty({ type: () => RectificationCountsView, description: '整改事项：未办结数和其中逾期数' })
  rectifications!: RectificationCountsView;
}

export class StatusCountView {
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty() count!: number;
}

export class DashboardSummaryView {
  @ApiProperty({ description: '预算部门数' }) departments!: number;
  @ApiProperty({ type: Object, description: '各部门部门整体报告的状态计数（missing 为未创建）' })
  byProgress!: Record<Progress, number>;
  @ApiProperty({ description: '已逾期的部门数' }) overdue!: number;
  @ApiProperty({ description: '参与平均的部门整体报告数：已提交、审核中或已通过且有得分' }) scored!: number;
  @ApiProperty({ description: '有自评得分但未计入平均的草稿和退回报告数' }) draftsScored!: number;
  @ApiProperty({ nullable: true, type: String, example: '90.00' }) averageScore!: string | null;
  @ApiProperty({ type: Object, description: '项目支出绩效自评表：total、submitted、approved' })
  projects!: { total: number; submitted: number; approved: number };
  @ApiProperty({ type: () => RectificationCountsView, description: '全县未办结和逾期的整改事项数' })
  rectifications!: RectificationCountsView;
}

export class GradeCountView extends DashboardGradeBandView {
  @ApiProperty() count!: number;
}

export class ScatterPointView {
  @ApiProperty() reportId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ example: '95.00' }) totalScore!: string;
  @ApiProperty({ example: '98.50' }) executionRate!: string;
  @ApiProperty({ description: '得分是部门自评、尚未提交（草稿或退回修改），与已提交及通过的报告分开显示' })
  selfScored!: boolean;
}

export class ProgressWeekView {
  @ApiProperty({ example: '2025-04-14', description: '周一（北京时间）' }) weekStart!: string;
  @ApiProperty({ description: '本周首次提交的部门整体报告数' }) submitted!: number;
  @ApiProperty({ description: '本周首次通过的部门整体报告数' }) approved!: number;
  @ApiProperty({ description: '截至本周累计提交' }) submittedTotal!: number;
  @ApiProperty({ description: '截至本周累计通过' }) approvedTotal!: number;
}

export class YearFiguresView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ description: '部门整体报告数' }) reports!: number;
  @ApiProperty({ description: '参与平均得分和等级分布的报告数：已提交、审核中或已通过且有得分' }) scored!: number;
  @ApiProperty({ description: '有自评得分但未计入平均得分和等级分布的草稿和退回报告数' }) draftsScored!: number;
  @ApiProperty({ nullable: true, type: String, example: '88.50' }) averageScore!: string | null;
  @ApiProperty() rated!: number;
  @ApiProperty({ nullable: true, type: String, example: '96.20', description: '平均执行率（%）' })
  averageExecutionRate!: string | null;
  @ApiProperty({ type: [GradeCountView] }) grades!: GradeCountView[];
}

export class DashboardView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ type: [Number], description: '有报告或截止日期的年度，新的在前' }) years!: number[];
  @ApiProperty({ nullable: true, type: String, example: '2025-04-30', description: '本年度填报截止日期' })
  dueOn!: string | null;
  @ApiProperty({ type: [DashboardGradeBandView], description: '本县的评价等级，高的在前' })
  gradeBands!: DashboardGradeBandView[];
  @ApiProperty({ type: DashboardSummaryView }) summary!: DashboardSummaryView;
  @ApiProperty({ type: [StatusCountView], description: '各类报告按状态计数' }) statusCounts!: StatusCountView[];
  @ApiProperty({ type: [DashboardDepartmentView] }) departments!: DashboardDepartmentView[];
  @ApiProperty({ type: [ScatterPointView], description: '有得分和执行率的报告（两类）' }) scatter!: ScatterPointView[];
  @ApiProperty({ type: [ProgressWeekView], description: '部门整体报告逐周的提交和通过' })
  progress!: ProgressWeekView[];
  @ApiProperty({ type: YearFiguresView, description: '本年度：平均得分、平均执行率和等级分布' })
  current!: YearFiguresView;
  @ApiProperty({ type: YearFiguresView, description: '上一年度，用于对比' }) previous!: YearFiguresView;
}
