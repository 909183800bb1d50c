/**
 * A file chosen in 新建报告 → 从文件导入, waiting for its new report's page to import it. Kept in memory only
 * and taken once: a reload of the page, or a second visit, never imports it again.
 */
const handed = new Map<string, File>();

export function handOverImport(reportId: string, file: File): void {
  handed.set(reportId, file);
}

/** The file handed over for this report, if any; it is no longer there afterwards. */
export function takeHandedImport(reportId: string): File | undefined {
  const file = handed.get(reportId);
  handed.delete(reportId);
  return file;
}
