import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { EVIDENCE_KINDS, type EvidenceKind } from '@evalflow/domain';

export class EvidenceItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '文件名（扩展名与内容一致）' }) fileName!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS, description: '按文件内容判断的类型' }) kind!: EvidenceKind;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: '文件内容的 SHA-256（十六进制）' }) sha256!: string;
  @ApiProperty({ nullable: true, type: String, description: '所附指标（三级指标名称）；为空表示整份报告的佐证' })
  indicator!: string | null;
  @ApiProperty({ description: '所附指标仍在绩效自评表中（指标改名或删除后为 false）' }) matched!: boolean;
  @ApiProperty({ description: '可在浏览器中预览（PDF、图片）' }) previewable!: boolean;
  @ApiProperty({ nullable: true, type: String }) uploadedBy!: string | null;
  @ApiProperty() uploadedAt!: string;
}

export class EvidenceLimitsBytesView {
  @ApiProperty({ description: '单个文件上限（字节）' }) maxFileBytes!: number;
  @ApiProperty({ description: '每份报告合计上限（字节）' }) maxReportBytes!: number;
  @ApiProperty({ description: '每份报告最多文件数' }) maxFiles!: number;
}

export class EvidenceListView {
  @ApiProperty({ type: [EvidenceItemView] }) items!: EvidenceItemView[];
  @ApiProperty({ description: '当前文件合计字节数' }) usedBytes!: number;
  @ApiProperty({ type: EvidenceLimitsBytesView }) limits!: EvidenceLimitsBytesView;
  @ApiProperty({ description: '调用者现在可以上传、移动、删除（报告为草稿或已退回，且调用者可编辑）' })
  editable!: boolean;
}

export class FrozenEvidenceView {
  @ApiProperty({ type: [EvidenceItemView] }) items!: EvidenceItemView[];
}

export class EvidenceUploadQuery {
  @ApiProperty({ description: '文件名（含扩展名），URL 编码', example: '满意度调查报告.pdf' })
  @IsString({ message: '请给出文件名' })
  @MaxLength(400, { message: '文件名过长' })
  fileName!: string;

  @ApiProperty({ required: false, description: '所附指标的三级指标名称；不给表示整份报告的佐证' })
  @IsOptional()
  @IsString({ message: '指标名称应为文字' })
  @MaxLength(200, { message: '指标名称不超过 200 个字符' })
  indicator?: string;
}

export class EvidenceFileQuery {
  @ApiProperty({ required: false, enum: ['1'], description: '1：在浏览器中打开（仅 PDF 和图片）；否则下载' })
  @IsOptional()
  @IsIn(['1', '0'], { message: 'inline 只能是 1 或 0' })
  inline?: string;
}

export class MoveEvidenceDto {
  @ApiProperty({ nullable: true, type: String, description: '改挂到的三级指标名称；null 表示整份报告的佐证' })
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '指标名称应为文字或 null' })
  @MaxLength(200, { message: '指标名称不超过 200 个字符' })
  indicator!: string | null;
}
