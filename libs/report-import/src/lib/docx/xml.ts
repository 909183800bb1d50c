import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportRefused } from '../import-refused';

/** An XML element as the reader walks it: children in document order, text as strings. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/**
 * Namespaces the reader names by a fixed prefix whatever prefix the file binds them to (Transitional and Strict
 * OOXML alike), so that `w:p` means a WordprocessingML paragraph in any producer's file.
 */
const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // text stays text: a cell holding 「2024」 must not become a number
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // for the numeric character references (&#x4E00;); XML has no named entities beyond the five
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Parsed = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The root element of a part; malformed XML (or any DOCTYPE, which Word never writes) is a corrupt file. */
export function parseXml(xml: string, part: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml)) throw new ImportRefused('IMPORT_CORRUPT', `${part}: a DOCTYPE`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportRefused('IMPORT_CORRUPT', `${part}: ${valid.err.msg} (line ${valid.err.line})`);
  }
  try {
    const nodes = parser.parse(xml) as Parsed[];
    const root = nodes.find((node) => !('#text' in node));
    if (!root) throw new ImportRefused('IMPORT_CORRUPT', `${part}: no root element`);
    const prefixes = namespacePrefixes(root[':@'] ?? {});
    return convert(root, prefixes) as XmlElement;
  } catch (error) {
    // e.g. nesting deep enough to exhaust the stack
    if (error instanceof ImportRefused) throw error;
    throw new ImportRefused('IMPORT_CORRUPT', `${part}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function namespacePrefixes(attrs: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, uri] of Object.entries(attrs)) {
    const canonical = CANONICAL_PREFIX[uri];
    if (!canonical) continue;
    if (name === 'xmlns') map.set('', canonical);
    else if (name.startsWith('xmlns:')) map.set(name.slice('xmlns:'.length), canonical);
  }
  return map;
}

function rename(name: string, prefixes: Map<string, string>, isAttribute: boolean): string {
  const colon = name.indexOf(':');
  if (colon < 0) {
    // attributes without a prefix are in no namespace; elements take the default one
    const canonical = isAttribute ? undefined : prefixes.get('');
    return canonical ? `${canonical}:${name}` : name;
  }
  const canonical = prefixes.get(name.slice(0, colon));
  return canonical ? `${canonical}:${name.slice(colon + 1)}` : name;
}

function convert(node: Parsed, prefixes: Map<string, string>): XmlNode {
  if ('#text' in node) return String(node['#text']);
  const name = Object.keys(node).find((key) => key !== ':@') as string;
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) attrs[rename(key, prefixes, true)] = String(value);
  const children = ((node[name] as Parsed[] | undefined) ?? []).map((child) => convert(child, prefixes));
  return { name: rename(name, prefixes, false), attrs, children };
}

export const elements = (node: XmlElement): XmlElement[] =>
  node.children.filter((c): c is XmlElement => typeof c !== 'string');

export const child = (node: XmlElement | undefined, name: string): XmlElement | undefined =>
  node?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

export const childrenNamed = (node: XmlElement, name: string): XmlElement[] =>
  elements(node).filter((c) => c.name === name);

/** The `w:val` of a property element such as `<w:pStyle w:val="1"/>`. */
export const val = (node: XmlElement | undefined): string | undefined => node?.attrs['w:val'];

/** The text directly inside an element (`<w:t>`). */
export const textOf = (node: XmlElement): string =>
  node.children.filter((c): c is string => typeof c === 'string').join('');

/** The first descendant of that name, depth first. */
export function descendant(node: XmlElement, name: string): XmlElement | undefined {
  for (const c of elements(node)) {
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

/** On/off properties (`<w:vanish/>`, `<w:vanish w:val="false"/>`). */
export const isOn = (node: XmlElement | undefined): boolean =>
  node !== undefined && !['0', 'false', 'off'].includes(node.attrs['w:val'] ?? 'true');
