import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { REPORT_KINDS, type ReportKind, type TemplateDefinition } from '@evalflow/domain';

export class TemplateVersionRefView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '版本号' }) version!: number;
  @ApiProperty() publishedAt!: string;
}

export class TemplateVersionUseView extends TemplateVersionRefView {
  @ApiProperty({ description: '依据此版本创建的报告数' }) reports!: number;
}

export class TemplatePublicationRefView {
  @ApiProperty({ example: 2025 }) fiscalYear!: number;
  @ApiProperty() versionId!: string;
  @ApiProperty() version!: number;
}

export class TemplateDraftStateView {
  @ApiProperty({ description: '草稿的版本（保存时作为 If-Match）' }) version!: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class TemplateSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '系统内置模板（各县只读，可复制）' }) builtin!: boolean;
  @ApiProperty({ nullable: true, type: String, description: '复制自的模板版本' }) basedOn!: string | null;
  @ApiProperty({ nullable: true, type: TemplateVersionRefView }) latestVersion!: TemplateVersionRefView | null;
  @ApiProperty({ nullable: true, type: TemplateDraftStateView }) draft!: TemplateDraftStateView | null;
  @ApiProperty({ type: [TemplatePublicationRefView], description: '本县发布此模板的年度' })
  publications!: TemplatePublicationRefView[];
}

export class TemplateDetailView extends TemplateSummaryView {
  @ApiProperty({ type: [TemplateVersionUseView] }) versions!: TemplateVersionUseView[];
  @ApiProperty({ nullable: true, type: Object, description: '待发布的草稿' })
  draftDefinition!: TemplateDefinition | null;
  @ApiProperty({ nullable: true, type: Object, description: '最新发布版本的定义' })
  latestDefinition!: TemplateDefinition | null;
}

export class TemplateVersionView {
  @ApiProperty() id!: string;
  @ApiProperty() templateId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty() builtin!: boolean;
  @ApiProperty({ type: Object }) definition!: TemplateDefinition;
}

export class PublicationView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty() templateId!: string;
  @ApiProperty() versionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: '该年度此类报告已有的数量（它们保持创建时的版本）' }) reports!: number;
}

export class PublishResultView {
  @ApiProperty({ type: TemplateVersionRefView }) version!: TemplateVersionRefView;
  @ApiProperty({ type: PublicationView }) publication!: PublicationView;
  @ApiProperty({ description: '该年度已创建、保持原版本的报告数' }) existingReports!: number;
}

export class ListTemplatesQuery {
  @IsOptional() @IsIn(REPORT_KINDS) kind?: ReportKind;
}

export class PublicationsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
}

export class CopyTemplateDto {
  @ApiProperty({ description: '复制的来源：一个模板版本（本县的或系统内置的）' })
  @IsUUID()
  sourceVersionId!: string;

  @ApiProperty({ example: '赵县部门整体支出绩效自评报告（2025年度）' })
  @IsString()
  @Length(1, 60)
  name!: string;
}

export class SaveDraftDto {
  @ApiProperty({ type: Object, description: '完整的模板定义（见 libs/domain 的 TemplateDefinition）' })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class PublishDto {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) fiscalYear!: number;

  @ApiProperty({ required: false, description: '发布已有版本（不带草稿时）' })
  @IsOptional()
  @IsUUID()
  versionId?: string;
}

export class PreviewDto {
  @ApiProperty({ type: Object }) @IsObject() definition!: Record<string, unknown>;
}
