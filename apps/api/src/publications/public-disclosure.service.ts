import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, COUNTY_CODE_PATTERN, documentFileName } from '@evalflow/domain';
import {
  findPublicCounty,
  findPublicFile,
  listPublicDisclosures,
  TenantDb,
  type PublicDisclosureRecord,
} from '@evalflow/persistence';
import { DOCUMENT_STORAGE, StorageObjectMissing, type DocumentStorage } from '@evalflow/storage';
import type { DataSource } from 'typeorm';
import type { PublicCountyView, PublicPublicationView } from './publications.dto';
import { reportNameOf } from './publications.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public page of a county (no sign-in), fail-closed: the county is found by its code through
 * public_county() alone; then, in that county's transaction (row-level security), only publications that
 * stand and their public PDF are read — never a report, a revision or any other document.
 */
@Injectable()
export class PublicDisclosureService {
  constructor(
    private readonly db: TenantDb,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async county(code: string): Promise<PublicCountyView> {
    const county = await this.resolve(code);
    const rows = await this.db.tx((tx) => listPublicDisclosures(tx), county.id);
    return { code, name: county.name, publications: rows.map((r) => this.view(code, r)) };
  }

  async file(code: string, publicationId: string) {
    const county = await this.resolve(code);
    if (!UUID.test(publicationId)) throw new AppError('PUBLIC_DOCUMENT_NOT_FOUND');
    const found = await this.db.tx((tx) => findPublicFile(tx, publicationId), county.id);
    if (!found) throw new AppError('PUBLIC_DOCUMENT_NOT_FOUND');
    try {
      // passed on as it is read: the public download never holds a document whole in memory
      const body = await this.storage.stream(found.storageKey);
      return { body, sizeBytes: found.sizeBytes, sha256: found.sha256, fileName: publicFileName(found) };
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw new AppError('PUBLIC_DOCUMENT_NOT_FOUND');
      throw error;
    }
  }

  private async resolve(code: string) {
    const county = COUNTY_CODE_PATTERN.test(code) ? await findPublicCounty(this.dataSource, code) : null;
    if (!county) throw new AppError('PUBLIC_COUNTY_NOT_FOUND');
    return county;
  }

  private view(code: string, r: PublicDisclosureRecord): PublicPublicationView {
    return {
      id: r.id,
      departmentName: r.departmentName,
      fiscalYear: r.fiscalYear,
      kind: r.kind,
      reportName: reportNameOf(r),
      publishedOn: r.publishedOn,
      sizeBytes: r.sizeBytes,
      pdfUrl: `/api/public/counties/${code}/publications/${r.id}/pdf`,
    };
  }
}

/** 赵县总工会2024年度整体支出绩效自评报告（公开版）.pdf */
export function publicFileName(
  r: Pick<PublicDisclosureRecord, 'kind' | 'departmentName' | 'fiscalYear' | 'projectName'>,
) {
  return documentFileName(r, 'pdf').replace(/\.pdf$/, '（公开版）.pdf');
}
