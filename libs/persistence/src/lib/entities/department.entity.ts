import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DepartmentKind } from '@evalflow/domain';

/** A budget department (预算部门/单位) or the finance bureau of one tenant. */
@Entity({ name: 'departments' })
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: DepartmentKind;

  /** 单位性质 */
  @Column({ name: 'unit_nature', type: 'text', nullable: true })
  unitNature!: string | null;

  /** 单位规格 */
  @Column({ name: 'unit_level', type: 'text', nullable: true })
  unitLevel!: string | null;

  /** 经费保障形式 */
  @Column({ name: 'funding_form', type: 'text', nullable: true })
  fundingForm!: string | null;

  @Column({ name: 'budget_code', type: 'text', nullable: true })
  budgetCode!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
