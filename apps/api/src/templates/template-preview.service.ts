import { Injectable } from '@nestjs/common';
import { AppError, type ReportContent, type TemplateDefinition } from '@evalflow/domain';
import { TenantDb } from '@evalflow/persistence';
import { renderTemplatePreview, TemplatePreviewRefused } from '@evalflow/rendering';
import { zhaoxianProvincialRelief2024, ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { loadSettings } from '../settings/grade-bands.store';
import { validDefinition } from './templates.service';

/** What a preview shows: the sample county's report of the template's kind, laid out by the template. */
function sampleContent(definition: TemplateDefinition): ReportContent {
  return definition.kind === 'project' ? zhaoxianProvincialRelief2024() : structuredClone(ZHAOXIAN_UNION_2024);
}

/**
 * The template editor's 预览: the sample rendered under an unpublished definition, as a PDF. The sample is
 * of fixed size, so a render is bounded; one runs at a time per API process (it holds the event loop for
 * a fraction of a second), and a second asker is told to retry rather than queued without bound.
 */
@Injectable()
export class TemplatePreviewService {
  private busy = false;

  constructor(private readonly db: TenantDb) {}

  async pdf(input: unknown): Promise<Buffer> {
    const definition = validDefinition(input);
    if (this.busy) throw new AppError('TOO_MANY_REQUESTS', undefined, '正在生成另一份预览，请稍后再试');
    this.busy = true;
    try {
      const { gradeBands } = await this.db.tx((tx) => loadSettings(tx));
      return await renderTemplatePreview(definition, sampleContent(definition), 'pdf', {
        fiscalYear: 2024,
        departmentName: '赵县总工会',
        gradeBands,
      });
    } catch (error) {
      if (error instanceof TemplatePreviewRefused) {
        throw new AppError('TEMPLATE_INVALID', { problems: error.problems }, error.message);
      }
      throw error;
    } finally {
      this.busy = false;
    }
  }
}
