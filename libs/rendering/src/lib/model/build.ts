import type { RenderInput } from '../render-input';
import type { ReportDocument } from './document';
import { buildOverallReport } from './overall-report';
import { buildProjectTable } from './project-table';

/** The report as blocks, laid out for its kind by its template; both formats render what this returns. */
export function buildReportDocument(input: RenderInput): ReportDocument {
  const content = input.content;
  switch (content.kind) {
    case 'department_overall':
      assertTemplateOf(input);
      return buildOverallReport(content, input);
    case 'project':
      assertTemplateOf(input);
      return buildProjectTable(content, input);
    default:
      throw new Error(`unknown report kind: ${String((content as { kind?: unknown }).kind)}`);
  }
}

/** A template lays out reports of its own kind only (and a caller in plain JavaScript may have passed none). */
function assertTemplateOf({ content, template }: RenderInput): void {
  const kind = (template as RenderInput['template'] | undefined)?.kind;
  if (kind !== content.kind) {
    throw new Error(`a ${content.kind} report cannot be rendered with ${kind ? `a ${kind} template` : 'no template'}`);
  }
}
