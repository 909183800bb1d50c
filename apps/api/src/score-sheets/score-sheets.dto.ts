import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { ReportPart, ScoreSheetError } from '@evalflow/domain';

export const SHEET_IMPORT_MODES = ['preview', 'apply'] as const;
export type SheetImportMode = (typeof SHEET_IMPORT_MODES)[number];

export class ScoreSheetImportQuery {
  @ApiProperty({
    enum: SHEET_IMPORT_MODES,
    description: 'preview 只检查并说明将改动哪些部分；apply 全部写入（有任何错误则不改动报告）',
  })
  @IsIn([...SHEET_IMPORT_MODES], { message: 'mode 只能是 preview 或 apply' })
  mode!: SheetImportMode;
}

export class ScoreSheetErrorDto implements ScoreSheetError {
  @ApiProperty({ description: '工作表中的行号（从 1 起）；0 表示不对应某一行' }) row!: number;
  @ApiProperty({ example: 'I', description: '列字母；空表示整行' }) column!: string;
  @ApiProperty({ example: '分值', description: '该列的表头' }) header!: string;
  @ApiProperty({ example: '「分值」应为 0–100 的分数，最多 2 位小数，而不是「十」' }) message!: string;
}

export class ScoreSheetPartChangeDto {
  @ApiProperty({ example: 'scoreTable' }) part!: ReportPart;
  @ApiProperty({ description: '导入后内容是否与现有内容不同' }) changed!: boolean;
}

export class ScoreSheetCountsDto {
  @ApiProperty({ description: '绩效指标行数' }) indicators!: number;
  @ApiProperty({ nullable: true, type: Number, description: '年度总体目标条数（项目支出绩效自评表）' })
  objectives!: number | null;
  @ApiProperty({ nullable: true, type: String, description: '表中填写的总分' }) totalScore!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '年度资金总额的全年执行数（万元）' }) executed!:
    | string
    | null;
}

export class ScoreSheetImportView {
  @ApiProperty({ description: 'false：文件中有错误（见 errors），未改动报告' }) ok!: boolean;
  @ApiProperty({ type: [ScoreSheetErrorDto] }) errors!: ScoreSheetErrorDto[];
  @ApiProperty({ description: '报告的版本：apply 时放在 If-Match 中；apply 后为新版本' }) reportVersion!: number;
  @ApiProperty({ type: [ScoreSheetPartChangeDto] }) parts!: ScoreSheetPartChangeDto[];
  @ApiProperty({ type: ScoreSheetCountsDto, nullable: true }) counts!: ScoreSheetCountsDto | null;
}
