import { defaultBuiltin, type TemplateDefinition } from '@evalflow/domain';
import {
  insertTemplate,
  insertTemplateVersion,
  listTemplates,
  publishForYear,
  saveTemplateDraft,
  type TenantTx,
} from '@evalflow/persistence';

/** A county's own form in the demo: copied from a built-in, changed, published for a year. */
export interface DemoTemplate {
  name: string;
  fiscalYear: number;
  definition: () => TemplateDefinition;
}

/**
 * 赵县's notice for 2026: the 河北 form, with the total capped where money was not spent (执行率 below 80 %
 * → at most 89 分, below 60 % → at most 79 分) and the low-execution reason asked for below 85 %.
 */
export const ZHAOXIAN_TEMPLATES: DemoTemplate[] = [
  {
    name: '赵县部门整体支出绩效自评报告（2026年度）',
    fiscalYear: 2026,
    definition: () => {
      const def = structuredClone(defaultBuiltin('department_overall').definition);
      def.name = '赵县部门整体支出绩效自评报告（2026年度）';
      def.description = `${def.description} 赵县2026年度：执行率低于 80% 的总分不超过 89 分，低于 60% 的不超过 79 分；执行率低于 85% 须说明原因。`;
      def.scoring.totalCaps = [
        { rateBelow: '80', maxTotal: '89' },
        { rateBelow: '60', maxTotal: '79' },
      ];
      def.rules = { 'scoreTable.low-execution-explained': { enabled: true, params: { threshold: '85' } } };
      return def;
    },
  },
];

/** The template, as version 1 published for its year, unless the county has one of that name. */
export async function ensureTemplate(tx: TenantTx, t: DemoTemplate): Promise<number> {
  const definition = t.definition();
  if ((await listTemplates(tx, definition.kind)).some((existing) => existing.name === t.name)) return 0;
  const builtin = defaultBuiltin(definition.kind);
  const id = await insertTemplate(tx, {
    name: t.name,
    kind: definition.kind,
    basedOn: builtin.id,
    draft: definition,
    userId: null,
  });
  const versionId = await insertTemplateVersion(tx, { templateId: id, version: 1, definition, userId: null });
  // published as it was copied: nothing left to edit
  await saveTemplateDraft(tx, id, 1, null, null);
  await publishForYear(tx, {
    fiscalYear: t.fiscalYear,
    kind: definition.kind,
    templateVersionId: versionId,
    userId: null,
  });
  return 1;
}
