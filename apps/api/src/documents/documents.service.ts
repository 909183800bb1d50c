import { Inject, Injectable } from '@nestjs/common';
import {
  AppError,
  DOCUMENT_CONTENT_TYPES,
  isApprovedEdition,
  type AppAbility,
  type DocumentFormat,
  type Principal,
} from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import {
  findDocument,
  listDocuments,
  requestDocument,
  TenantDb,
  type DocumentRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { DOCUMENT_STORAGE, StorageObjectMissing, type DocumentStorage } from '@evalflow/storage';
import { permittedReport } from '../reports/report-store';
import { toDocumentView } from './document-store';

/** Official documents of a report: asked for, watched while rendering, downloaded — with the report's own access. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  request(principal: Principal, ability: AppAbility, reportId: string, format: DocumentFormat) {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId, { forUpdate: true });
      const id = await requestDocument(tx, report, format, principal.userId, RequestContext.current()?.requestId);
      return toDocumentView(await this.requireDocument(tx, id));
    });
  }

  /** `approvedOnly`: an API key takes the approved result only, not the drafts made before approval. */
  list(ability: AppAbility, reportId: string, approvedOnly = false) {
    return this.db.tx(async (tx) => {
      await permittedReport(tx, ability, reportId);
      const docs = await listDocuments(tx, reportId);
      return docs.filter((d) => !approvedOnly || isApprovedEdition(d.edition)).map(toDocumentView);
    });
  }

  get(ability: AppAbility, id: string, approvedOnly = false) {
    return this.db.tx(async (tx) => toDocumentView(await this.permittedDocument(tx, ability, id, approvedOnly)));
  }

  async file(ability: AppAbility, id: string, approvedOnly = false) {
    const doc = await this.db.tx((tx) => this.permittedDocument(tx, ability, id, approvedOnly));
    const view = toDocumentView(doc);
    if (view.status !== 'done' || !doc.storageKey) throw new AppError('DOCUMENT_NOT_READY', { status: view.status });
    try {
      // passed on as it is read, never held whole in the api's memory
      const body = await this.storage.stream(doc.storageKey);
      return { body, view, contentType: DOCUMENT_CONTENT_TYPES[view.format] };
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw new AppError('DOCUMENT_NOT_FOUND');
      throw error;
    }
  }

  private async requireDocument(tx: TenantTx, id: string): Promise<DocumentRecord> {
    const doc = await findDocument(tx, id);
    if (!doc) throw new AppError('DOCUMENT_NOT_FOUND');
    return doc;
  }

  /** A document is as visible as its report: another county's is not found, another department's forbidden. */
  private async permittedDocument(
    tx: TenantTx,
    ability: AppAbility,
    id: string,
    approvedOnly = false,
  ): Promise<DocumentRecord> {
    const doc = await this.requireDocument(tx, id);
    await permittedReport(tx, ability, doc.reportId);
    if (approvedOnly && !isApprovedEdition(doc.edition)) throw new AppError('FORBIDDEN');
    return doc;
  }
}
