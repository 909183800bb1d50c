import { posix } from 'node:path';
import { ImportRefused } from '../import-refused';
import type { SourceBlock, SourceDocument } from '../source-document';
import { BodyReader } from './body';
import { DEFAULT_DOCX_LIMITS, DocxPackage, type DocxLimits } from './docx-package';
import { Numbering } from './numbering';
import { Styles } from './styles';
import { child, childrenNamed, parseXml } from './xml';

export interface ReadDocxOptions {
  /** any limit left out keeps its default (DEFAULT_DOCX_LIMITS: 2 MB file, 1000 entries, 32 MB inflated, ratio 100) */
  limits?: Partial<DocxLimits>;
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_RELATIONSHIP = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/**
 * A .docx as a SourceDocument: the body's paragraphs and tables in order, list numbers as Word shows them,
 * merged cells kept. Headers, footers, footnotes, endnotes and comments are not read (see the README).
 * Throws ImportRefused for a file it will not read (too large, not a .docx, a .doc, encrypted, a zip bomb, corrupt).
 */
export async function readDocx(data: Buffer, options: ReadDocxOptions = {}): Promise<SourceDocument> {
  const limits: DocxLimits = { ...DEFAULT_DOCX_LIMITS, ...options.limits };
  const zip = await DocxPackage.open(data, limits);

  const main = (await relationshipTarget(zip, '', 'officeDocument')) ?? 'word/document.xml';
  const documentXml = await zip.text(main);
  if (documentXml === undefined) throw new ImportRefused('IMPORT_NOT_DOCX', `no ${main} in the zip`);

  const styles = await readPart(zip, main, 'styles', 'word/styles.xml', Styles.from, Styles.empty);
  const numbering = await readPart(
    zip,
    main,
    'numbering',
    'word/numbering.xml',
    (root) => Numbering.from(root, styles.numberingStyles),
    Numbering.empty,
  );

  const document = parseXml(documentXml, main);
  // an .xlsx or .pptx names its workbook or presentation as the main part
  if (document.name !== 'w:document')
    throw new ImportRefused('IMPORT_NOT_DOCX', `${main}: a ${document.name}, not a w:document`);
  const body = child(document, 'w:body');
  if (!body) throw new ImportRefused('IMPORT_CORRUPT', `${main}: no w:body`);

  const blocks = new BodyReader(styles, numbering)
    .blocks(body)
    .map((block, index): SourceBlock => ({ ...block, index }));
  return { format: 'docx', blocks };
}

async function readPart<T>(
  zip: DocxPackage,
  main: string,
  type: string,
  fallback: string,
  read: (root: ReturnType<typeof parseXml>) => T,
  empty: () => T,
): Promise<T> {
  const path = (await relationshipTarget(zip, main, type)) ?? fallback;
  const xml = await zip.text(path);
  return xml === undefined ? empty() : read(parseXml(xml, path));
}

/**
 * The target of a part's relationship of that type (the package's own for `source` ''), as a path in the zip:
 * 「_rels/.rels」 names the main document, 「word/_rels/document.xml.rels」 its styles and numbering.
 */
async function relationshipTarget(zip: DocxPackage, source: string, type: string): Promise<string | undefined> {
  const directory = posix.dirname(source);
  const relsPath = source === '' ? '_rels/.rels' : posix.join(directory, '_rels', `${posix.basename(source)}.rels`);
  const xml = await zip.text(relsPath);
  if (xml === undefined) return undefined;
  const relationships = childrenNamed(parseXml(xml, relsPath), 'Relationship');
  const found = relationships.find(
    (r) =>
      r.attrs['TargetMode'] !== 'External' &&
      (r.attrs['Type'] === RELATIONSHIP + type || r.attrs['Type'] === STRICT_RELATIONSHIP + type),
  );
  const target = found?.attrs['Target'];
  if (target === undefined) return undefined;
  return target.startsWith('/')
    ? posix.normalize(target.slice(1))
    : posix.normalize(posix.join(source === '' ? '' : directory, target));
}
