import { DEFAULT_GRADE_BANDS, defaultTemplate, emptyReportContent } from '@evalflow/domain';
import type { RenderInput } from '../render-input';

/** The document a fresh render thread renders first, to itself: an empty report, enough to load every face. */
export const WARM_UP_INPUT: RenderInput = {
  content: emptyReportContent({ departmentName: '预热', fiscalYear: 2024 }),
  template: defaultTemplate('department_overall'),
  fiscalYear: 2024,
  departmentName: '预热',
  gradeBands: DEFAULT_GRADE_BANDS,
  watermark: '草稿',
  approval: null,
};
