import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  closedImportsHoldingFiles,
  deleteClosedImportFile,
  expireReportImports,
  TenantDb,
} from '@evalflow/persistence';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { SWEEPER_OPTIONS, type SweeperOptions } from './sweeper-options';

export interface ImportFileCounts {
  /** parsed imports left unconfirmed past their time, marked expired in this run */
  expired: number;
  /** files of closed imports (discarded, failed, expired) deleted in this run */
  deleted: number;
  /** deletions that failed: their rows are left as they were, for the next run */
  notDeleted: number;
}

/**
 * The sweeper's care of uploaded import files, county by county: a parsed import left neither applied nor
 * discarded for `importExpireAfterMs` is expired (committed first), then every closed import still holding
 * its file has it deleted — those the API or the parse job could not delete at the time too. A deletion
 * that fails is logged and its row left unmarked, so the next run tries again; a county's failure does not
 * stop the others'.
 */
@Injectable()
export class ImportFileUpkeep {
  private readonly logger = new Logger(ImportFileUpkeep.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(SWEEPER_OPTIONS) private readonly options: SweeperOptions,
  ) {}

  async run(tenantIds: string[]): Promise<ImportFileCounts> {
    const counts: ImportFileCounts = { expired: 0, deleted: 0, notDeleted: 0 };
    for (const tenantId of tenantIds) {
      const expired = await this.db.tx(
        (tx) =>
          expireReportImports(tx, { expireAfterMs: this.options.importExpireAfterMs, limit: this.options.batchSize }),
        tenantId,
      );
      if (expired.length) this.logger.log({ msg: 'imports expired', tenantId, importIds: expired });
      counts.expired += expired.length;
      const closed = await this.db.tx((tx) => closedImportsHoldingFiles(tx, this.options.batchSize), tenantId);
      for (const { id } of closed) {
        try {
          if (await deleteClosedImportFile(this.db, this.storage, tenantId, id)) counts.deleted++;
        } catch (error) {
          counts.notDeleted++;
          this.logger.warn({ msg: 'import file not deleted', importId: id, error: (error as Error).message });
        }
      }
    }
    return counts;
  }
}
