import { isReportKind } from '@evalflow/domain';
import type { ReportListPosition } from '@evalflow/persistence';
import { decodeKeyset, encodeKeyset, isRowId } from '../http/keyset-cursor';

/** Position in the report list: year (newest first), department name, kind, project code, id. */
export type ReportCursor = ReportListPosition;

export function encodeCursor(c: ReportCursor): string {
  return encodeKeyset([c.fiscalYear, c.departmentName, c.kind, c.projectCode, c.id]);
}

export function decodeCursor(text: string): ReportCursor {
  return decodeKeyset(text, ([fiscalYear, departmentName, kind, projectCode, id]) =>
    Number.isInteger(fiscalYear) &&
    typeof departmentName === 'string' &&
    isReportKind(kind) &&
    typeof projectCode === 'string' &&
    isRowId(id)
      ? { fiscalYear: fiscalYear as number, departmentName, kind, projectCode, id }
      : null,
  );
}
