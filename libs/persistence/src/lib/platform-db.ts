import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from './transaction';

export const PLATFORM_CONNECTION = 'platform';

/**
 * The explicit bypass path: a connection as evalflow_platform (BYPASSRLS, not a superuser, owner of
 * nothing, granted only PLATFORM_TABLE_GRANTS — no report data). Only authentication (before a
 * tenant is known) and platform administration use it; a test keeps it that way. Platform
 * administration writes an audit entry in the same transaction as each change.
 */
@Injectable()
export class PlatformDb {
  constructor(@InjectDataSource(PLATFORM_CONNECTION) private readonly dataSource: DataSource) {}

  /** Sign-in and platform administration change sessions, users and counties: the COMMIT tells the session cache. */
  tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, 'START TRANSACTION', work);
  }

  /** One statement, no transaction: for single reads on the hot path (session checks). */
  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }
}
