import { Inject, Injectable } from '@nestjs/common';
import { AppError, EXPORT_CONTENT_TYPES, exportNames, type AppAbility, type ExportKind } from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import {
  findExport,
  listExports,
  requestExport,
  tenantOf,
  TenantDb,
  type ExportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { DOCUMENT_STORAGE, StorageObjectMissing, type DocumentStorage } from '@evalflow/storage';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { assertFiscalYearNotLater } from '../http/fiscal-year';
import { toExportView, type ExportView } from './exports.dto';

/** The county's recent exports listed at most. */
export const RECENT_EXPORTS = 20;

/**
 * County-wide exports: asked for (one under way per kind and year; a done one is served again while
 * nothing it shows has changed), watched, downloaded. The finance bureau's, as 县级概览 is: whoever may
 * read every report of the county.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  request(
    ability: AppAbility,
    who: { userId: string; countyName: string },
    ask: { kind: ExportKind; fiscalYear: number },
  ): Promise<ExportView> {
    assertFiscalYearNotLater(ask.fiscalYear);
    return this.db.tx(async (tx) => {
      this.assertCounty(tx, ability);
      const params = { fiscalYear: ask.fiscalYear };
      const requestId = RequestContext.current()?.requestId;
      const asked = await requestExport(tx, { kind: ask.kind, params, requestedBy: who.userId }, requestId);
      await this.audit.record(tx, {
        tenantId: tenantOf(tx),
        action: 'export.requested',
        targetType: 'export',
        targetId: asked.id,
        details: { kind: ask.kind, ...params, created: asked.created },
      });
      return toExportView(await this.required(tx, asked.id), who.countyName);
    });
  }

  list(ability: AppAbility, countyName: string): Promise<ExportView[]> {
    return this.db.tx(async (tx) => {
      this.assertCounty(tx, ability);
      return (await listExports(tx, RECENT_EXPORTS)).map((r) => toExportView(r, countyName));
    });
  }

  get(ability: AppAbility, id: string, countyName: string): Promise<ExportView> {
    return this.db.tx(async (tx) => {
      this.assertCounty(tx, ability);
      return toExportView(await this.required(tx, id), countyName);
    });
  }

  /** The file of a done export; 409 EXPORT_NOT_READY while it is not. */
  async file(ability: AppAbility, id: string, countyName: string) {
    const record = await this.db.tx(async (tx) => {
      this.assertCounty(tx, ability);
      return this.required(tx, id);
    });
    if (record.status !== 'done' || !record.storageKey) {
      throw new AppError('EXPORT_NOT_READY', { status: record.status, progress: record.progress });
    }
    try {
      // passed on as it is read: a county's big workbook is never held whole in the api's memory
      const body = await this.storage.stream(record.storageKey);
      const names = exportNames(record.kind, record.params, countyName);
      return { body, sizeBytes: record.sizeBytes, names, sha256: record.sha256, contentType: EXPORT_CONTENT_TYPES[record.kind] };
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw new AppError('EXPORT_NOT_FOUND');
      throw error;
    }
  }

  /** Every report of the county, whatever its department: the finance bureau (403 for anyone else). */
  private assertCounty(tx: TenantTx, ability: AppAbility): void {
    assertCan(ability, 'read', 'Report', { tenantId: tenantOf(tx) });
  }

  /** Another county's export is not found (row-level security hides it). */
  private async required(tx: TenantTx, id: string): Promise<ExportRecord> {
    const record = await findExport(tx, id);
    if (!record) throw new AppError('EXPORT_NOT_FOUND');
    return record;
  }
}
