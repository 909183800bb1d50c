import type { RenderInput } from '../render-input';
import type { ReportDocument } from './document';
import { buildOverallReport } from './overall-report';
import { buildProjectTable } from './project-table';

/** The report as blocks, laid out for its kind; both formats render what this returns. */
export function buildReportDocument(input: RenderInput): ReportDocument {
  const content = input.content;
  switch (content.kind) {
    case 'department_overall':
      return buildOverallReport(content, input);
    case 'project':
      return buildProjectTable(content, input);
    default:
      throw new Error(`unknown report kind: ${String((content as { kind?: unknown }).kind)}`);
  }
}
