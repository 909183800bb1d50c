import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DEADLINE_STATES,
  GRADE_KEYS,
  PROJECT_CODE_MESSAGE,
  PROJECT_CODE_PATTERN,
  REPORT_KINDS,
  REPORT_PARTS,
  REPORT_STATUSES,
  TRANSITION_ACTIONS,
  type DeadlineState,
  type GradeKey,
  type ReportKind,
  type ReportPart,
  type ReportStatus,
  type TemplateDefinition,
  type DelegableRole,
  type TransitionAction,
} from '@evalflow/domain';
import { PageQuery, toInteger } from '../http/page-query';

/** The project a 项目支出绩效自评表 is about. */
export class ProjectIdentityDto {
  @ApiProperty({ example: '13013324T000000000098', description: '项目编码：与部门、年度一起唯一确定一张项目自评表' })
  @IsString({ message: '请填写项目编码' })
  @Matches(PROJECT_CODE_PATTERN, { message: PROJECT_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '2024年困难职工及劳模帮扶救助专项资金（省级）', description: '项目名称' })
  @IsString({ message: '请填写项目名称' })
  @Matches(/\S/, { message: '请填写项目名称' })
  @MaxLength(200, { message: '项目名称不能超过 200 个字符' })
  name!: string;

  @ApiPropertyOptional({ description: '主管部门；省略时为填报部门（或沿用上年度自评表）' })
  @IsOptional()
  @IsString({ message: '主管部门应为文本' })
  @MaxLength(100, { message: '主管部门不能超过 100 个字符' })
  supervisingDepartment?: string;

  @ApiPropertyOptional({ description: '实施单位；省略时为填报部门（或沿用上年度自评表）' })
  @IsOptional()
  @IsString({ message: '实施单位应为文本' })
  @MaxLength(100, { message: '实施单位不能超过 100 个字符' })
  implementingUnit?: string;
}

export class CreateReportDto {
  @ApiProperty({ example: 2024, description: '年度（fiscalYear）' })
  @IsInt({ message: '年度应为整数，如 2024' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear!: number;

  @ApiPropertyOptional({ description: '填报部门；部门用户可省略，默认为本部门' })
  @IsOptional()
  @IsUUID(undefined, { message: '部门 ID 格式不正确' })
  departmentId?: string;

  @ApiPropertyOptional({
    enum: REPORT_KINDS,
    default: 'department_overall',
    description: 'department_overall 部门整体支出绩效自评报告；project 项目支出绩效自评表（须同时给出 project）',
  })
  @IsOptional()
  @IsIn([...REPORT_KINDS], { message: '报告类型只能是 department_overall 或 project' })
  kind?: ReportKind;

  @ApiPropertyOptional({
    type: ProjectIdentityDto,
    description: '项目支出绩效自评表所评价的项目（kind 为 project 时必填）',
  })
  @ValidateIf((o: CreateReportDto) => o.kind === 'project' || o.project !== undefined)
  @IsDefined({ message: '请填写项目编码和项目名称' })
  @ValidateNested()
  @Type(() => ProjectIdentityDto)
  project?: ProjectIdentityDto;
}

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: '年度应为整数' })
  @Min(2000, { message: '年度不能早于 2000 年' })
  @Max(2100, { message: '年度不能晚于 2100 年' })
  fiscalYear?: number;

  @ApiPropertyOptional({
    description: '一个或多个状态，以逗号分隔，例如 submitted,in_review（待审）',
    example: 'submitted,in_review',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? [...new Set(value.split(','))] : value))
  @IsIn([...REPORT_STATUSES], { each: true, message: '状态不正确' })
  status?: ReportStatus[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '部门 ID 格式不正确' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: GRADE_KEYS })
  @IsOptional()
  @IsIn([...GRADE_KEYS], { message: '等级不正确' })
  grade?: GradeKey;

  @ApiPropertyOptional({ enum: REPORT_KINDS, description: '只列出一类报告' })
  @IsOptional()
  @IsIn([...REPORT_KINDS], { message: '报告类型不正确' })
  kind?: ReportKind;

  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: '分页游标格式不正确' })
  cursor?: string;
}

export class ReportSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '赵县总工会' }) departmentName!: string;
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ nullable: true, type: String, description: '项目编码（项目支出绩效自评表）', example: null })
  projectCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目名称（项目支出绩效自评表）', example: null })
  projectName!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ description: '报告版本：任一部分或状态变化时加一' }) version!: number;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ nullable: true, type: String, example: '95.00' }) totalScore!: string | null;
  @ApiProperty({ nullable: true, enum: GRADE_KEYS }) grade!: GradeKey | null;
  @ApiProperty({ nullable: true, type: String, example: '优秀' }) gradeLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '100.00' }) executionRate!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: () => DeadlineStatusView, description: '本年度填报截止日期及报告的状态' })
  deadline!: DeadlineStatusView | null;
  @ApiProperty({ description: '未解决的审核意见数' }) openComments!: number;
}

export class DeadlineStatusView {
  @ApiProperty({ example: '2025-04-30' }) dueOn!: string;
  @ApiProperty({
    enum: DEADLINE_STATES,
    description: 'open 未到期 / due_soon 三日内到期 / overdue 已逾期 / met 按时提交 / late 逾期提交',
  })
  state!: DeadlineState;
  @ApiProperty({ description: '距截止日期的天数，过期为负' }) daysLeft!: number;
}

export class HeadSignOffView {
  @ApiProperty() name!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: '签核的是否为当前内容（此后修改即失效）' }) current!: boolean;
}

export class SignOffStateView {
  @ApiProperty({ description: '本县是否要求提交前须经部门负责人签核' }) required!: boolean;
  @ApiProperty({ nullable: true, type: HeadSignOffView }) head!: HeadSignOffView | null;
}

export class SignOffDto {
  @ApiProperty({ description: '签核所依据的报告版本' })
  @IsInt({ message: 'expectedVersion 应为整数' })
  @Min(1, { message: 'expectedVersion 应为正整数' })
  expectedVersion!: number;
}

export class ReportPage {
  @ApiProperty({ type: [ReportSummaryView] }) items!: ReportSummaryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class PartView {
  @ApiProperty({ enum: REPORT_PARTS }) part!: ReportPart;
  @ApiProperty({ description: '该部分的版本，修改时放在 If-Match 中' }) version!: number;
  @ApiProperty({ type: Object }) content!: unknown;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
}

export class PrefillNoteView {
  @ApiProperty() path!: string;
  @ApiProperty() note!: string;
}

export class PinnedTemplateView {
  @ApiProperty({ description: '模板版本编号（报告创建时固定）' }) versionId!: string;
  @ApiProperty() templateId!: string;
  @ApiProperty({ description: '模板的版本号' }) version!: number;
  @ApiProperty({ description: '模板名称' }) name!: string;
  @ApiProperty({ description: '是否为系统内置模板' }) builtin!: boolean;
  @ApiProperty({ type: Object, description: '模板定义：提纲、编号、指标体系、计分规则、适用规则、评价等级' })
  definition!: TemplateDefinition;
}

export class ReportView extends ReportSummaryView {
  @ApiProperty({ type: PinnedTemplateView, description: '本报告所依据的模板版本' }) template!: PinnedTemplateView;
  @ApiProperty({ type: Object, description: '各部分内容及其版本' }) parts!: Record<ReportPart, PartView>;
  @ApiProperty({ nullable: true, type: String, description: '预填所依据的上年报告' }) prefilledFrom!: string | null;
  @ApiProperty({ type: [PrefillNoteView] }) carriedOver!: PrefillNoteView[];
  @ApiProperty({ enum: TRANSITION_ACTIONS, isArray: true, description: '当前用户此刻可执行的流程操作（用于显示按钮）' })
  availableActions!: TransitionAction[];
  @ApiProperty({
    type: Object,
    example: { approve: '本县实行四眼原则：审核本次提交的人不能再审批通过，请由另一位审批人审批' },
    description: '可执行操作中因四眼原则会被拒绝的，及其原因（按钮置灰并显示原因）',
  })
  actionBlocks!: Partial<Record<TransitionAction, string>>;
  @ApiProperty({
    type: Object,
    isArray: true,
    example: [{ userId: '…', name: '李四', role: 'finance_approver' }],
    description: '当前用户今天可代其操作的委托人（代理人）；操作时以 onBehalfOf 指明',
  })
  standInFor!: Array<{ userId: string; name: string; role: DelegableRole }>;
  @ApiProperty({ type: SignOffStateView }) signOff!: SignOffStateView;
  @ApiProperty({ description: '当前用户此刻可否签核（本部门负责人，草稿或退回状态）' }) canSignOff!: boolean;
}

export class PartWriteView extends PartView {
  @ApiProperty({ description: '写入后报告的版本' }) reportVersion!: number;
}
