import { isReportKind } from '@evalflow/domain';
import type { ReportListPosition } from '@evalflow/persistence';
import { fieldInvalid } from '../http/validation';

/** Position in the report list: year (newest first), department name, kind, project code, id. */
export type ReportCursor = ReportListPosition;

export function encodeCursor(c: ReportCursor): string {
  return Buffer.from(JSON.stringify([c.fiscalYear, c.departmentName, c.kind, c.projectCode, c.id]), 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(text: string): ReportCursor {
  try {
    const [fiscalYear, departmentName, kind, projectCode, id] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    );
    if (
      Number.isInteger(fiscalYear) &&
      typeof departmentName === 'string' &&
      isReportKind(kind) &&
      typeof projectCode === 'string' &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { fiscalYear, departmentName, kind, projectCode, id };
    }
  } catch {
    // falls through to the same answer as a well-formed but wrong cursor
  }
  throw fieldInvalid('cursor', 'cursor', '分页游标无效，请从第一页重新加载');
}
