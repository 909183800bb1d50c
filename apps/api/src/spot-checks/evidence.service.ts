import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, cleanFileName, type AppAbility, type Principal } from '@evalflow/domain';
import { rowOf, TenantDb } from '@evalflow/persistence';
import { DOCUMENT_STORAGE, StorageObjectMissing, type DocumentStorage } from '@evalflow/storage';
import { AuditService } from '../audit/audit.service';
import { permittedReport } from '../reports/report-store';
import { decodeBase64, EVIDENCE_MAX_BYTES, sniffEvidence } from './evidence';
import type { EvidenceUploadDto } from './rectifications.dto';
import { RectificationsService } from './rectifications.service';
import { findItem, lockItem } from './spot-check-store';

/** Evidence files of 整改 answers, kept in the document storage; the department uploads, both sides read. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly items: RectificationsService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  upload(principal: Principal, ability: AppAbility, itemId: string, dto: EvidenceUploadDto, now = new Date()) {
    const decoded = decodeBase64(dto.contentBase64, EVIDENCE_MAX_BYTES);
    if (decoded === 'too_large') throw new AppError('RECTIFICATION_EVIDENCE_TOO_LARGE');
    if (decoded === null) {
      throw new AppError('RECTIFICATION_INVALID', [{ field: 'contentBase64', message: '文件内容应为 Base64 编码' }]);
    }
    const type = sniffEvidence(decoded);
    if (!type) throw new AppError('RECTIFICATION_EVIDENCE_TYPE');
    const fileName = cleanFileName(dto.fileName);
    if (!fileName) throw new AppError('RECTIFICATION_INVALID', [{ field: 'fileName', message: '请给出文件名' }]);
    return this.db.tx(async (tx) => {
      const item = await lockItem(tx, itemId);
      const report = await permittedReport(tx, ability, item.reportId, { action: 'update' });
      if (item.status === 'closed') {
        throw new AppError(
          'RECTIFICATION_TRANSITION_INVALID',
          { status: item.status },
          '整改事项已办结，不能再上传佐证材料',
        );
      }
      const id = randomUUID();
      const key = `tenants/${report.tenantId}/rectifications/${itemId}/${id}.${type.extension}`;
      // stored before the row commits: a failed commit leaves an unreferenced object, never a row without bytes
      await this.storage.put(key, decoded, type.contentType);
      await tx.query(
        `INSERT INTO rectification_evidence (id, tenant_id, item_id, file_name, content_type, size_bytes, sha256,
                                             storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          report.tenantId,
          itemId,
          fileName,
          type.contentType,
          decoded.length,
          createHash('sha256').update(decoded).digest('hex'),
          key,
          principal.userId,
        ],
      );
      await this.items.history(tx, principal, report.tenantId, itemId, 'evidence', item.status, item.status, fileName);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'rectification.evidence_added',
        targetType: 'rectification_item',
        targetId: itemId,
        details: { evidenceId: id, fileName, contentType: type.contentType, sizeBytes: decoded.length },
      });
      return findItem(tx, itemId, now);
    });
  }

  async file(ability: AppAbility, itemId: string, evidenceId: string) {
    const found = await this.db.tx(async (tx) => {
      const item = await lockItem(tx, itemId, false);
      await permittedReport(tx, ability, item.reportId);
      const row = await rowOf<{ fileName: string; contentType: string; storageKey: string; sha256: string }>(
        tx,
        `SELECT file_name AS "fileName", content_type AS "contentType", storage_key AS "storageKey", sha256
           FROM rectification_evidence WHERE id = $1 AND item_id = $2`,
        [evidenceId, itemId],
      );
      if (!row) throw new AppError('RECTIFICATION_EVIDENCE_NOT_FOUND');
      return row;
    });
    try {
      return { ...found, data: await this.storage.get(found.storageKey) };
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw new AppError('RECTIFICATION_EVIDENCE_NOT_FOUND');
      throw error;
    }
  }
}
