import { ApiProperty } from '@nestjs/swagger';
import type { RevisionReason } from '@evalflow/persistence';

const REASONS: RevisionReason[] = ['submit', 'import'];

export class RevisionHeadSignOffView {
  @ApiProperty({ description: '部门负责人' }) name!: string;
  @ApiProperty() at!: string;
}

export class RevisionTeamSignOffView {
  @ApiProperty({ type: [String], description: '评价工作组成员' }) members!: string[];
  @ApiProperty({ description: '确认人' }) confirmedBy!: string;
  @ApiProperty() at!: string;
}

export class RevisionSignOffsView {
  @ApiProperty({ nullable: true, type: RevisionHeadSignOffView }) head!: RevisionHeadSignOffView | null;
  @ApiProperty({ nullable: true, type: RevisionTeamSignOffView }) team!: RevisionTeamSignOffView | null;
}

/** A frozen revision, without its content (GET /reports/:id/revisions). */
export class RevisionView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '版本号（提交与导入共用一个序列）' }) number!: number;
  @ApiProperty({
    enum: REASONS,
    description: 'submit：提交时冻结的内容；import：确认导入前草稿的内容（导入覆盖前保存）',
  })
  reason!: RevisionReason;
  @ApiProperty({ description: '冻结时报告的版本（version）' }) reportVersion!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: '提交人，或确认导入的人' }) createdBy!: string | null;
  @ApiProperty({ type: RevisionSignOffsView, description: '签核（导入前的内容没有签核）' })
  signOffs!: RevisionSignOffsView;
}
