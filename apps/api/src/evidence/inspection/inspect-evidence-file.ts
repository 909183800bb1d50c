import { open } from 'node:fs/promises';
import { AppError, EVIDENCE_KIND_INFO, evidenceKindOfName, type EvidenceKind } from '@evalflow/domain';
import { type ArchiveLimits, inspectArchive } from './inspect-archive';
import { sniffHead } from './sniff';

export interface EvidenceFileInspection {
  kind: EvidenceKind;
  /** the kind's media type, the one the file is stored and served as */
  contentType: string;
  /** the kind's stored extension (".pdf"), for a name that has none or an unknown one */
  extension: string;
  /** a zip, .docx or .xlsx: what its inspection counted */
  archive?: { entryCount: number; uncompressedBytes: number };
}

const HEAD_BYTES = 4096;
const CONTENT_TYPES = '[Content_Types].xml';
const WORD_DOCUMENT = 'word/document.xml';
const EXCEL_WORKBOOK = 'xl/workbook.xml';

/**
 * What an uploaded file is, by its content: the first bytes tell PDF, JPEG, PNG or zip; a zip is inspected as an
 * archive (a .docx or .xlsx too: a document can be a bomb like any zip) and its entries tell Word, Excel or a plain
 * zip. The name's extension must agree with the content (JPEG and PNG may stand for each other); a name without a
 * known extension takes the content's kind.
 *
 * Throws AppError EVIDENCE_EMPTY, EVIDENCE_TYPE, EVIDENCE_TYPE_MISMATCH or EVIDENCE_ARCHIVE_REFUSED.
 */
export async function inspectEvidenceFile(
  path: string,
  claimedName: string,
  limits?: ArchiveLimits,
): Promise<EvidenceFileInspection> {
  const head = await readHead(path);
  if (head.length === 0) throw new AppError('EVIDENCE_EMPTY');
  const sniffed = sniffHead(head);
  if (sniffed === null) throw new AppError('EVIDENCE_TYPE');

  let kind: EvidenceKind = sniffed;
  let archive: EvidenceFileInspection['archive'];
  if (sniffed === 'zip') {
    const inspected = await inspectArchive(path, limits, [CONTENT_TYPES, WORD_DOCUMENT, EXCEL_WORKBOOK]);
    kind = officeKind(inspected.found);
    archive = { entryCount: inspected.entryCount, uncompressedBytes: inspected.uncompressedBytes };
  }

  const claimed = evidenceKindOfName(claimedName);
  if (claimed !== null && claimed !== kind && !(isImage(claimed) && isImage(kind))) {
    const extension = claimedName.slice(claimedName.lastIndexOf('.')).toLowerCase();
    throw new AppError(
      'EVIDENCE_TYPE_MISMATCH',
      { claimed, actual: kind },
      `文件名是 ${extension}，内容却是 ${EVIDENCE_KIND_INFO[kind].label}，请检查文件`,
    );
  }

  const info = EVIDENCE_KIND_INFO[kind];
  return {
    kind,
    contentType: info.contentType,
    extension: info.extensions[0],
    ...(archive ? { archive } : {}),
  };
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Office Open XML by its parts: the content types and the main document (a zip that only has one is a zip) */
function officeKind(found: readonly string[]): EvidenceKind {
  if (!found.includes(CONTENT_TYPES)) return 'zip';
  if (found.includes(WORD_DOCUMENT)) return 'docx';
  if (found.includes(EXCEL_WORKBOOK)) return 'xlsx';
  return 'zip';
}

const isImage = (kind: EvidenceKind) => kind === 'jpeg' || kind === 'png';
