import { documentContent, loadPinnedTemplate, type DocumentSource, type TenantTx } from '@evalflow/persistence';
import type { RenderInput } from '@evalflow/rendering';

/**
 * What a claimed document renders: its content (in the current schema version), laid out by the
 * template version its report pins, graded by the template's bands or else the county's. Read after the
 * claim has committed, so content or a template that cannot be read fails the attempt like a render.
 */
export async function renderInputOf(tx: TenantTx, source: DocumentSource): Promise<RenderInput> {
  const { definition } = await loadPinnedTemplate(tx, source.templateVersionId);
  return {
    content: documentContent(source),
    template: definition,
    fiscalYear: source.fiscalYear,
    departmentName: source.departmentName,
    gradeBands: definition.gradeBands ?? source.gradeBands,
    watermark: source.watermark,
    approval: source.approval,
    notice: source.pageNotice,
  };
}
