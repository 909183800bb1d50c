import type { TemplateDefinition } from '@evalflow/domain';
import type { Problems } from '../problems';

/** What each tab of the template editor is given. */
export interface SectionProps {
  def: TemplateDefinition;
  /** Replaces the definition by `change(definition)`. */
  update: (change: (def: TemplateDefinition) => TemplateDefinition) => void;
  problems: Problems;
  readOnly: boolean;
}
