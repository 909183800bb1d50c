import { Inject, Injectable, Logger } from '@nestjs/common';
import { markEvidenceBytesDeleted, TenantDb, unsweptEvidence } from '@evalflow/persistence';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { SWEEPER_OPTIONS, type SweeperOptions } from './sweeper-options';

export interface EvidenceFileCounts {
  /** bytes of removed 佐证材料 (held by no revision) deleted in this run */
  deleted: number;
  /** deletions that failed: left for the next run */
  notDeleted: number;
}

/**
 * Deletes the stored bytes of 佐证材料 removed from a report and held by no revision, when the API could not
 * delete them at the time (the store was away). County by county; a failure is logged and tried again next run.
 */
@Injectable()
export class EvidenceFileUpkeep {
  private readonly logger = new Logger(EvidenceFileUpkeep.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(SWEEPER_OPTIONS) private readonly options: SweeperOptions,
  ) {}

  async run(tenantIds: string[]): Promise<EvidenceFileCounts> {
    const counts: EvidenceFileCounts = { deleted: 0, notDeleted: 0 };
    for (const tenantId of tenantIds) {
      const unswept = await this.db.tx((tx) => unsweptEvidence(tx, this.options.batchSize), tenantId);
      for (const { id, storageKey } of unswept) {
        try {
          await this.storage.delete(storageKey);
          await this.db.tx((tx) => markEvidenceBytesDeleted(tx, id), tenantId);
          counts.deleted++;
        } catch (error) {
          counts.notDeleted++;
          this.logger.warn({ msg: 'evidence bytes not deleted', evidenceId: id, error: (error as Error).message });
        }
      }
    }
    return counts;
  }
}
