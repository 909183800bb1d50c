import { Inject, Injectable } from '@nestjs/common';
import {
  AppError,
  DOCUMENT_CONTENT_TYPES,
  type AppAbility,
  type DocumentFormat,
  type Principal,
} from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { DOCUMENT_STORAGE, StorageObjectMissing, type DocumentStorage } from '@evalflow/storage';
import { permittedReport, reportSubject } from '../reports/report-store';
import { assertCan } from '../access/object-checks';
import { DOCUMENT_SELECT, findDocumentRow, requestDocument, toDocumentView } from './document-store';

/** Official documents of a report: asked for, watched while rendering, downloaded — with the report's own access. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  request(principal: Principal, ability: AppAbility, reportId: string, format: DocumentFormat) {
    return this.db.tx(async (em) => {
      const { row } = await permittedReport(em, ability, reportId, { forUpdate: true });
      const id = await requestDocument(em, row, format, principal.userId);
      return toDocumentView(await findDocumentRow(em, id));
    });
  }

  list(ability: AppAbility, reportId: string) {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, reportId);
      const rows = await em.query(`${DOCUMENT_SELECT} WHERE doc.report_id = $1 ORDER BY doc.created_at DESC`, [
        reportId,
      ]);
      return rows.map(toDocumentView);
    });
  }

  get(ability: AppAbility, id: string) {
    return this.db.tx(async (em) => {
      const row = await this.permittedDocument(em, ability, id);
      return toDocumentView(row);
    });
  }

  async file(ability: AppAbility, id: string) {
    const row = await this.db.tx((em) => this.permittedDocument(em, ability, id));
    const view = toDocumentView(row);
    if (view.status !== 'done' || !row['storage_key'])
      throw new AppError('DOCUMENT_NOT_READY', { status: view.status });
    try {
      const data = await this.storage.get(row['storage_key'] as string);
      return { data, view, contentType: DOCUMENT_CONTENT_TYPES[view.format] };
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw new AppError('DOCUMENT_NOT_FOUND');
      throw error;
    }
  }

  /** A document is as visible as its report: another county's is not found, another department's forbidden. */
  private async permittedDocument(em: EntityManager, ability: AppAbility, id: string) {
    const row = await findDocumentRow(em, id);
    const [report] = await em.query(`SELECT id, tenant_id, department_id, status FROM reports WHERE id = $1`, [
      row['report_id'],
    ]);
    assertCan(ability, 'read', 'Report', reportSubject(report));
    return row;
  }
}
