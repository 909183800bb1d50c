import {
  defaultTemplate,
  numberedOutline,
  partLabel,
  templatePartTitles,
  templateParts,
  type ReportKind,
  type ReportPart,
  type TemplateDefinition,
} from '@evalflow/domain';

export interface PartHeading {
  /** The card's title: the part's numbered heading, after its top-level heading when that is another one. */
  title: string;
  /** The part's own heading (（二）部门收支预决算情况): names its region and, in lists, its fields. */
  name: string;
}

/** The parts a report under its template has, in the template's order, with their headings. */
export interface ReportOutline {
  template: TemplateDefinition;
  parts: readonly ReportPart[];
  heading: (part: ReportPart) => PartHeading;
}

/** The template a report of this kind follows: its own, or the kind's default should it have none of the kind. */
export function templateFor(kind: ReportKind, template: TemplateDefinition | null | undefined): TemplateDefinition {
  return template && template.kind === kind ? template : defaultTemplate(kind);
}

const cache = new WeakMap<TemplateDefinition, ReportOutline>();

/**
 * The outline a report's editor and read-only view follow: templateParts (omitted parts left out) and
 * templatePartTitles as the cards' titles; a part the outline does not title keeps its usual label.
 */
export function reportOutline(kind: ReportKind, template: TemplateDefinition | null | undefined): ReportOutline {
  const def = templateFor(kind, template);
  const cached = cache.get(def);
  if (cached) return cached;
  const titles = templatePartTitles(def);
  const tops = numberedOutline(def).map((h) => `${h.number}${h.title} · `);
  const headings = new Map<ReportPart, PartHeading>();
  const heading = (part: ReportPart): PartHeading => {
    const known = headings.get(part);
    if (known) return known;
    const title = titles[part] ?? partLabel(kind, part);
    const top = tops.find((t) => title.startsWith(t) && title.length > t.length);
    const made = { title, name: top ? title.slice(top.length) : title };
    headings.set(part, made);
    return made;
  };
  const outline = { template: def, parts: templateParts(def), heading };
  cache.set(def, outline);
  return outline;
}
