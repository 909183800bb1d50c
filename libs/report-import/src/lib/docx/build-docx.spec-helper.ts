import JSZip from 'jszip';

/** Namespaces a hand-written part declares, as Word writes them. */
const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandParts {
  /** the inside of w:body */
  body: string;
  /** the inside of w:styles */
  styles?: string;
  /** the inside of w:numbering */
  numbering?: string;
  /** the namespace declarations of document.xml, to test other prefixes */
  namespaces?: string;
}

/** A .docx put together by hand, for what the docx package cannot write (vMerge by hand, numbering, revisions). */
export async function handDocx(parts: HandParts): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${parts.namespaces ?? NAMESPACES}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  if (parts.styles !== undefined) zip.file('word/styles.xml', `<w:styles ${NAMESPACES}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined) {
    zip.file('word/numbering.xml', `<w:numbering ${NAMESPACES}>${parts.numbering}</w:numbering>`);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A paragraph of one run. */
export const p = (text: string, pPr = '') =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A table cell holding paragraphs. */
export const tc = (tcPr: string, ...paragraphs: string[]) =>
  `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${paragraphs.length ? paragraphs.join('') : '<w:p/>'}</w:tc>`;

export const tbl = (columns: number, ...rows: string[]) =>
  `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>${rows
    .map((r) => (r.startsWith('<w:tr') || r.startsWith('<w:sdt') ? r : `<w:tr>${r}</w:tr>`))
    .join('')}</w:tbl>`;
