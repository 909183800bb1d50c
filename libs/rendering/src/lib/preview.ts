import {
  chinaDate,
  DEFAULT_GRADE_BANDS,
  templateDefinitionSchema,
  validateContent,
  type GradeBand,
  type OutlineNode,
  type ReportContent,
  type TemplateDefinition,
} from '@evalflow/domain';
import { renderDocument } from './render';
import { TEMPLATE_PREVIEW_WATERMARK, type DocumentFormat, type RenderInput, type RenderOptions } from './render-input';

/**
 * What a preview renders at most: content about the size of the 赵县总工会 sample (its JSON is some 8,200
 * characters; twice that is allowed), and a template of at most three levels and 200 headings. A preview
 * is rendered on request, while a template is being edited: its cost is bounded, whatever is sent.
 */
export const TEMPLATE_PREVIEW_LIMITS = {
  contentChars: 16_000,
  /** a built-in's JSON is some 3,000 characters */
  definitionChars: 32_000,
  outlineDepth: 3,
  outlineHeadings: 200,
} as const;

/** Why a preview was not rendered, field by field (paths into the definition or the content), in Chinese. */
export class TemplatePreviewRefused extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(`模板预览无法生成：${problems.map((p) => `${p.path ? `${p.path}：` : ''}${p.message}`).join('；')}`);
    this.name = 'TemplatePreviewRefused';
  }
}

export interface TemplatePreviewOptions extends RenderOptions {
  /** the year the preview is of; the year before this one (China time) when absent */
  fiscalYear?: number;
  /** the content's own department (部门整体: the header's; 项目: the 主管部门) when absent */
  departmentName?: string;
  /** the template's grade bands, else these, else the default bands */
  gradeBands?: GradeBand[];
}

/**
 * The document the content would be under the template, marked 「模板预览」 on every page: for the template
 * editor's preview (the API passes a draft definition and sample-sized content, such as the sample). The
 * definition is checked for its shape only — a draft still being edited may break other rules — and the
 * content for its shape and kind; what is too large is refused (TEMPLATE_PREVIEW_LIMITS). Rejects with
 * TemplatePreviewRefused when it renders nothing.
 */
export async function renderTemplatePreview(
  definition: TemplateDefinition,
  content: ReportContent,
  format: DocumentFormat,
  options: TemplatePreviewOptions = {},
): Promise<Buffer> {
  const { fiscalYear, departmentName, gradeBands, ...renderOptions } = options;
  const input = previewInput(definition, content, { fiscalYear, departmentName, gradeBands });
  return renderDocument(format, input, renderOptions);
}

/** The render input of a preview, or TemplatePreviewRefused (thrown). */
export function previewInput(
  definition: unknown,
  content: unknown,
  options: Pick<TemplatePreviewOptions, 'fiscalYear' | 'departmentName' | 'gradeBands'> = {},
): RenderInput {
  const size = JSON.stringify(content ?? null).length;
  if (size > TEMPLATE_PREVIEW_LIMITS.contentChars) {
    throw new TemplatePreviewRefused([
      { path: '', message: `预览内容过长（${size} 个字符，最多 ${TEMPLATE_PREVIEW_LIMITS.contentChars} 个）` },
    ]);
  }
  const definitionSize = JSON.stringify(definition ?? null).length;
  if (definitionSize > TEMPLATE_PREVIEW_LIMITS.definitionChars) {
    throw new TemplatePreviewRefused([
      { path: '', message: `模板过大（${definitionSize} 个字符，最多 ${TEMPLATE_PREVIEW_LIMITS.definitionChars} 个）` },
    ]);
  }
  const template = templateDefinitionSchema.safeParse(definition);
  if (!template.success) {
    throw new TemplatePreviewRefused(
      template.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const outlineProblem = outlineTooLarge(template.data.outline);
  if (outlineProblem) throw new TemplatePreviewRefused([{ path: 'outline', message: outlineProblem }]);
  const checked = validateContent(content);
  if (!checked.ok) throw new TemplatePreviewRefused(checked.problems);
  const value = checked.value;
  if (value.kind !== template.data.kind) {
    throw new TemplatePreviewRefused([{ path: 'kind', message: '预览内容与模板的报告类型不一致' }]);
  }
  const ownDepartment =
    value.kind === 'department_overall' ? value.header.departmentName : value.projectInfo.supervisingDepartment;
  return {
    content: value,
    template: template.data,
    fiscalYear: options.fiscalYear ?? Number(chinaDate(new Date()).slice(0, 4)) - 1,
    departmentName: options.departmentName ?? ownDepartment.trim(),
    gradeBands: template.data.gradeBands ?? options.gradeBands ?? DEFAULT_GRADE_BANDS,
    watermark: TEMPLATE_PREVIEW_WATERMARK,
    approval: null,
  };
}

/** Why the outline is too deep or too large to preview, or null. */
function outlineTooLarge(outline: OutlineNode[]): string | null {
  let headings = 0;
  let depth = 0;
  const walk = (nodes: OutlineNode[], level: number) => {
    depth = Math.max(depth, nodes.length > 0 ? level : 0);
    headings += nodes.length;
    if (level <= TEMPLATE_PREVIEW_LIMITS.outlineDepth) for (const n of nodes) walk(n.children, level + 1);
  };
  walk(outline, 1);
  if (depth > TEMPLATE_PREVIEW_LIMITS.outlineDepth) return `标题最多 ${TEMPLATE_PREVIEW_LIMITS.outlineDepth} 级`;
  if (headings > TEMPLATE_PREVIEW_LIMITS.outlineHeadings) {
    return `标题过多（最多 ${TEMPLATE_PREVIEW_LIMITS.outlineHeadings} 个）`;
  }
  return null;
}
