import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus } from '@evalflow/domain';
import { DeadlineStatusView } from '../reports/reports.dto';

/** A report still in the department's hands, with what it still lacks. */
export class HomeDraftView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ enum: ['draft', 'returned'] }) status!: ReportStatus;
  @ApiProperty({ nullable: true, type: () => DeadlineStatusView }) deadline!: DeadlineStatusView | null;
  @ApiProperty({ description: '尚未填写的必填项数' }) missing!: number;
  @ApiProperty({ description: '其余未通过的检查（错误）数' }) errors!: number;
  @ApiProperty({ description: '提示（不阻止提交）数' }) warnings!: number;
  @ApiProperty({ description: '未解决的审核意见数' }) openComments!: number;
  @ApiProperty() updatedAt!: string;
}

export class HomeQueuedReportView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '赵县总工会' }) departmentName!: string;
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ nullable: true, type: String, description: '最近一次提交时间' }) submittedAt!: string | null;
  @ApiProperty() openComments!: number;
}

export class HomeOverdueDepartmentView {
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ example: '2025-04-30' }) dueOn!: string;
  @ApiProperty({ description: '已逾期天数' }) daysOverdue!: number;
  @ApiProperty({ nullable: true, type: String, description: '部门整体报告（尚未创建时为空）' }) reportId!:
    | string
    | null;
  @ApiProperty({ nullable: true, enum: REPORT_STATUSES }) reportStatus!: ReportStatus | null;
  @ApiProperty({ nullable: true, type: String, description: '上次催报时间' }) lastRemindedAt!: string | null;
  @ApiProperty({ description: '已催报次数' }) reminders!: number;
  @ApiProperty({ nullable: true, type: String, description: '可再次催报的时间（为空：现在即可）' })
  nextReminderAt!: string | null;
}

export class HomeReviewView {
  @ApiProperty({ type: [HomeQueuedReportView], description: '待审报告（等待最久的在前，最多 20 份）' })
  queue!: HomeQueuedReportView[];
  @ApiProperty({ description: '待审报告总数' }) queueTotal!: number;
  @ApiProperty({ type: [HomeOverdueDepartmentView] }) overdue!: HomeOverdueDepartmentView[];
}

export class HomeSetupStepView {
  @ApiProperty({ enum: ['departments', 'finance', 'users', 'deadline', 'bands', 'template'] }) key!: string;
  @ApiProperty({ example: '添加预算部门（单位）' }) title!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty({ example: '已有 12 个预算部门' }) detail!: string;
  @ApiProperty({ example: '/departments', description: '去处理的页面' }) link!: string;
}

export class HomeSetupView {
  @ApiProperty({ description: '检查的年度（当前填报年度）' }) fiscalYear!: number;
  @ApiProperty({ type: [HomeSetupStepView] }) steps!: HomeSetupStepView[];
}

/** The home page's lists, those of the caller's roles only (the others absent). */
export class HomeView {
  @ApiProperty({ type: [HomeDraftView], required: false, description: '本部门待填报和被退回的报告（部门用户）' })
  drafts?: HomeDraftView[];
  @ApiProperty({ type: HomeReviewView, required: false, description: '待审报告与逾期部门（财政局）' })
  review?: HomeReviewView;
  @ApiProperty({ type: HomeSetupView, required: false, description: '新县（区）开通清单（县级管理员）' })
  setup?: HomeSetupView;
}

export class SendReminderDto {
  @ApiProperty({ description: '被催报的预算部门' })
  @IsUUID('all', { message: '部门 ID 格式不正确' })
  departmentId!: string;

  @ApiProperty({ example: 2024, description: '年度' })
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear!: number;
}

export class ReminderView {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() fiscalYear!: number;
  @ApiProperty() sentAt!: string;
  @ApiProperty({ description: '可再次催报的时间' }) nextReminderAt!: string;
}
