import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TenantStatus } from '@evalflow/domain';

/** A county (县/区): the unit of isolation. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** 行政区划代码 */
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  province!: string;

  @Column({ type: 'text' })
  status!: TenantStatus;

  @Column({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
