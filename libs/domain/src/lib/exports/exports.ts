import { XLSX_CONTENT_TYPE } from '../indicator-library/sheet';

/**
 * County-wide exports made by the worker as jobs (big files, with progress), downloaded when done.
 * Kinds, statuses and failure codes are stored on rows and in job data: stable once deployed.
 */
export const EXPORT_KINDS = ['indicator_rows', 'approved_pdfs'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  indicator_rows: '指标明细',
  approved_pdfs: '已审核通过报告 PDF 合集',
};
/** The content type of each kind's file. */
export const EXPORT_CONTENT_TYPES: Record<ExportKind, string> = {
  indicator_rows: XLSX_CONTENT_TYPE,
  approved_pdfs: 'application/zip',
};

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  queued: '排队中',
  running: '导出中',
  done: '已完成',
  failed: '导出失败',
};

/** What an export of a kind is of; one fiscal year for every kind so far. */
export interface ExportParams {
  fiscalYear: number;
}

/**
 * The bounds of one export: rows in the sheet (a county's year is some 1,500 reports of ~10 indicators, so
 * 200,000 is far beyond any real county while keeping the file openable in Excel), time for one attempt, and
 * reports read per page (one tenant transaction each; only one page is held in memory at a time).
 */
export interface ExportLimits {
  maxRows: number;
  maxMs: number;
  reportsPerPage: number;
  /**
   * The PDF bundle's bound: the sum of the PDFs' sizes. A county's year is ~1,500 reports of ~0.5 MB, so
   * 2 GB leaves room while keeping one file a browser and a county office's disk handle.
   */
  maxBundleBytes: number;
}

export const EXPORT_LIMITS: Readonly<ExportLimits> = {
  maxRows: 200_000,
  maxMs: 10 * 60_000,
  reportsPerPage: 50,
  maxBundleBytes: 2 * 1024 ** 3,
};

export const EXPORT_FAILURE_CODES = [
  'EXPORT_TOO_MANY_ROWS',
  'EXPORT_TOO_LARGE',
  'EXPORT_TIMEOUT',
  'EXPORT_ABANDONED',
  'EXPORT_FAILED',
] as const;
export type ExportFailureCode = (typeof EXPORT_FAILURE_CODES)[number];

/** The message a failed export shows, by its code. */
export const EXPORT_FAILURE_MESSAGES = {
  EXPORT_TOO_MANY_ROWS: (maxRows: number) => `导出的行数超过上限（${maxRows} 行），请联系管理员`,
  EXPORT_TOO_LARGE: (maxBytes: number) =>
    `导出的文件合计超过上限（${Math.round(maxBytes / 1024 ** 2)} MB），请联系管理员`,
  EXPORT_TIMEOUT: (seconds: number) => `导出超时（${seconds} 秒），请稍后重试`,
  EXPORT_ABANDONED: () => '导出多次中断，已停止；请稍后重新导出',
  EXPORT_FAILED: (reason: string) => `导出失败：${reason}`,
} as const satisfies Record<ExportFailureCode, (...args: never[]) => string>;

/** The sheet's title and the file's names (Chinese, and an ASCII fallback for old clients). */
export function exportNames(
  kind: ExportKind,
  params: ExportParams,
  countyName: string,
): { title: string; fileName: string; asciiFileName: string } {
  const year = params.fiscalYear;
  const county = countyName.replace(/[\\/:*?"<>|]/g, '_');
  switch (kind) {
    case 'indicator_rows':
      return {
        title: `${countyName} ${year} 年度绩效指标明细`,
        fileName: `${county}-${year}-绩效指标明细.xlsx`,
        asciiFileName: `evalflow-indicators-${year}.xlsx`,
      };
    case 'approved_pdfs':
      return {
        title: `${countyName} ${year} 年度已审核通过的自评报告（PDF）`,
        fileName: `${county}-${year}-已审核通过报告PDF.zip`,
        asciiFileName: `evalflow-approved-pdfs-${year}.zip`,
      };
  }
}

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);
}
