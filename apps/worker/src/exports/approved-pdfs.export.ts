import { Inject, Injectable } from '@nestjs/common';
import { documentFileName } from '@evalflow/domain';
import type { ApprovedPdf } from '@evalflow/persistence';
import { approvedPdfPage, countApprovedReports, TenantDb } from '@evalflow/persistence';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { ExportLimitExceeded } from './export-limits';
import type { ExportRun } from './indicator-rows.export';
import type { StoredZip } from './stored-zip';

/** The PDF's name in the bundle: as the report's own PDF downloads (documentFileName), made unique in the bundle. */
export function bundleEntryName(pdf: ApprovedPdf, fiscalYear: number, taken: Set<string>): string {
  const file = documentFileName({ ...pdf, fiscalYear }, 'pdf');
  const base = file.slice(0, -'.pdf'.length);
  let name = file;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.pdf`;
  taken.add(name);
  return name;
}

/**
 * Every approved report's PDF of a county's year, each the PDF of its latest approval, into one .zip: read a
 * page of reports at a time and a PDF at a time, so memory holds one PDF whatever the county's size. A report
 * whose approved PDF is not rendered yet is named in 缺少的PDF.txt in the bundle. Answers the number of PDFs;
 * the sum of the PDFs past `limits.maxBundleBytes`, or the time past the deadline, throws ExportLimitExceeded.
 */
@Injectable()
export class ApprovedPdfsExport {
  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async write(run: ExportRun, zip: StoredZip): Promise<number> {
    const { tenantId, params, limits } = run;
    const year = params.fiscalYear;
    const total = await this.db.tx((tx) => countApprovedReports(tx, year), tenantId);
    const names = new Set<string>();
    const missing: string[] = [];
    let after: string | null = null;
    let done = 0;
    let pdfs = 0;
    for (;;) {
      if (Date.now() > run.deadline) throw new ExportLimitExceeded('EXPORT_TIMEOUT', limits);
      const page = await this.db.tx((tx) => approvedPdfPage(tx, year, after, limits.reportsPerPage), tenantId);
      if (!page.length) break;
      for (const pdf of page) {
        if (!pdf.storageKey) {
          missing.push(bundleEntryName(pdf, year, names));
          continue;
        }
        if (zip.size + (pdf.sizeBytes ?? 0) > limits.maxBundleBytes) {
          throw new ExportLimitExceeded('EXPORT_TOO_LARGE', limits);
        }
        await zip.add(bundleEntryName(pdf, year, names), await this.storage.get(pdf.storageKey));
        pdfs++;
      }
      done += page.length;
      after = page[page.length - 1].reportId;
      await run.progress(total ? Math.min(99, Math.floor((done / total) * 100)) : 99);
    }
    if (missing.length) {
      const note = [`以下 ${missing.length} 份已审核通过的报告尚未生成 PDF，未包含在本合集中：`, ...missing, ''];
      await zip.add('缺少的PDF.txt', Buffer.from(note.join('\r\n'), 'utf8'));
    }
    return pdfs;
  }
}
