import {
  SECTIONS_BY_KIND,
  type OutlineNode,
  type ReportKind,
  type SectionSpec,
  type TemplateDefinition,
} from '@evalflow/domain';
import { moveRow, removeRow } from '../../components/row-moves';

/** A place in a definition: keys and indices, outermost first. */
export type Path = ReadonlyArray<string | number>;

/** `value` at `path` in a copy of `target`; only the objects on the way are copied. */
export function setIn<T>(target: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const current = (target as Record<string | number, unknown>)[head];
  const next = setIn(current, rest, value);
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[head as number] = next;
    return copy as T;
  }
  return { ...(target as object), [head]: next } as T;
}

/** The dotted form the validation and the API name a place by ("framework.level1.0.weight"). */
export const dotted = (path: Path): string => path.map(String).join('.');

/** A DOM id for a place, to jump to it from the list of problems. */
export const fieldId = (path: Path | string): string =>
  'tpl-' + (typeof path === 'string' ? path : dotted(path)).replace(/[^A-Za-z0-9_-]/g, '-');

// --- the outline: a heading is named by its indices from the top ([0, 1] = the first heading's second child)

/** The path into the definition of a heading ([0, 1] → outline.0.children.1). */
export function outlinePath(at: readonly number[]): Array<string | number> {
  return at.flatMap((index, depth) => (depth === 0 ? ['outline', index] : ['children', index]));
}

/** The outline with the list of headings at `parent` (the top level for []) replaced by `change(list)`. */
function changeSiblings(
  outline: OutlineNode[],
  parent: readonly number[],
  change: (siblings: OutlineNode[]) => OutlineNode[],
): OutlineNode[] {
  if (parent.length === 0) return change(outline);
  const [head, ...rest] = parent;
  return outline.map((node, i) =>
    i === head ? { ...node, children: changeSiblings(node.children, rest, change) } : node,
  );
}

function changeNode(outline: OutlineNode[], at: readonly number[], change: (node: OutlineNode) => OutlineNode) {
  return changeSiblings(outline, at.slice(0, -1), (siblings) =>
    siblings.map((n, i) => (i === at[at.length - 1] ? change(n) : n)),
  );
}

/** A new heading at the end of `parent`'s children (the top level for []). */
export function addHeading(
  outline: OutlineNode[],
  parent: readonly number[],
  title = '新标题',
  sections: string[] = [],
) {
  return changeSiblings(outline, parent, (siblings) => [...siblings, { title, sections, children: [] }]);
}

/** The heading removed with its sub-headings; their sections become unassigned. */
export function removeHeading(outline: OutlineNode[], at: readonly number[]) {
  return changeSiblings(outline, at.slice(0, -1), (siblings) => removeRow(siblings, at[at.length - 1]));
}

export function moveHeading(outline: OutlineNode[], at: readonly number[], delta: -1 | 1) {
  return changeSiblings(outline, at.slice(0, -1), (siblings) => moveRow(siblings, at[at.length - 1], delta));
}

export function renameHeading(outline: OutlineNode[], at: readonly number[], title: string) {
  return changeNode(outline, at, (n) => ({ ...n, title }));
}

export function assignSection(outline: OutlineNode[], at: readonly number[], section: string) {
  return changeNode(outline, at, (n) =>
    n.sections.includes(section) ? n : { ...n, sections: [...n.sections, section] },
  );
}

export function unassignSection(outline: OutlineNode[], at: readonly number[], section: string) {
  return changeNode(outline, at, (n) => ({ ...n, sections: n.sections.filter((s) => s !== section) }));
}

export function moveSection(outline: OutlineNode[], at: readonly number[], index: number, delta: -1 | 1) {
  return changeNode(outline, at, (n) => ({ ...n, sections: moveRow(n.sections, index, delta) }));
}

/** Every section the outline places, in reading order. */
export function usedSections(outline: OutlineNode[]): string[] {
  return outline.flatMap((n) => [...n.sections, ...usedSections(n.children)]);
}

/** The kind's sections the outline leaves out, in the catalogue's order. */
export function unassignedSections(kind: ReportKind, outline: OutlineNode[]): Array<[string, SectionSpec]> {
  const used = new Set(usedSections(outline));
  return Object.entries(SECTIONS_BY_KIND[kind]).filter(([id]) => !used.has(id));
}

/** A section's Chinese name: its default heading, or its id when the kind has no such section. */
export function sectionTitle(kind: ReportKind, id: string): string {
  return Object.prototype.hasOwnProperty.call(SECTIONS_BY_KIND[kind], id)
    ? SECTIONS_BY_KIND[kind][id].defaultTitle
    : id;
}

// --- the project table: its blocks stand in a fixed order, each may be renamed or (if optional) left out

export interface ProjectBlock {
  id: string;
  spec: SectionSpec;
  included: boolean;
  title: string;
}

/** The national table's blocks as the outline has them. */
export function projectBlocks(def: Pick<TemplateDefinition, 'kind' | 'outline'>): ProjectBlock[] {
  return Object.entries(SECTIONS_BY_KIND[def.kind]).map(([id, spec]) => {
    const node = findNodeWith(def.outline, id);
    return { id, spec, included: node !== undefined, title: node?.title ?? spec.defaultTitle };
  });
}

function findNodeWith(outline: OutlineNode[], section: string): OutlineNode | undefined {
  for (const node of outline) {
    if (node.sections.includes(section)) return node;
    const below = findNodeWith(node.children, section);
    if (below) return below;
  }
  return undefined;
}

/** The outline of a project table: one heading per included block, in the form's order. */
export function projectOutline(blocks: readonly ProjectBlock[]): OutlineNode[] {
  return blocks.filter((b) => b.included).map((b) => ({ title: b.title, sections: [b.id], children: [] }));
}
