/**
 * 佐证材料 (evidence files) attached to a report or to one of its indicator rows: which files are taken, how large,
 * how an archive is judged. The API judges a file by its content (magic bytes, an archive's entries), the web app
 * pre-checks by name and size with the same constants before anything is sent.
 */

export const EVIDENCE_KINDS = ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'zip'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceKindInfo {
  /** the media type a stored file is served as */
  contentType: string;
  /** extensions (lower case, with the dot) a file of this kind may be named with; the first is the stored one */
  extensions: readonly string[];
  label: string;
  /** shown in the browser (PDF, images); the others are downloaded */
  previewable: boolean;
}

export const EVIDENCE_KIND_INFO: Record<EvidenceKind, EvidenceKindInfo> = {
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'], label: 'PDF', previewable: true },
  jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG 图片', previewable: true },
  png: { contentType: 'image/png', extensions: ['.png'], label: 'PNG 图片', previewable: true },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    label: 'Word 文档',
    previewable: false,
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    label: 'Excel 表格',
    previewable: false,
  },
  zip: { contentType: 'application/zip', extensions: ['.zip'], label: 'ZIP 压缩包', previewable: false },
};

/** the `accept` of a file input: every extension taken */
export const EVIDENCE_ACCEPT = EVIDENCE_KINDS.flatMap((k) => EVIDENCE_KIND_INFO[k].extensions).join(',');

/** What the kinds are, for messages: 「PDF、JPEG 图片、…」 */
export const EVIDENCE_KINDS_TEXT = 'PDF、JPEG/PNG 图片、Word（.docx）、Excel（.xlsx）或 ZIP 压缩包';

/**
 * Media types an upload may be sent with: the kinds' own, what browsers send for a zip, and the generic one.
 * The declared type is never trusted: the content decides the kind.
 */
export const EVIDENCE_UPLOAD_MEDIA_TYPES: readonly string[] = [
  ...new Set([
    ...EVIDENCE_KINDS.map((k) => EVIDENCE_KIND_INFO[k].contentType),
    'application/x-zip-compressed',
    'application/octet-stream',
  ]),
];

/** The kind a file name claims by its extension, or null (no extension, or one not taken). */
export function evidenceKindOfName(fileName: string): EvidenceKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot).toLowerCase();
  return EVIDENCE_KINDS.find((k) => EVIDENCE_KIND_INFO[k].extensions.includes(ext)) ?? null;
}

/** A county's limits (县级设置), in whole megabytes (1 MB = 1,048,576 bytes). */
export interface EvidenceLimits {
  /** the most one file may be */
  maxFileMb: number;
  /** the most all of one report's current files may be together */
  maxReportMb: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxFileMb: 20, maxReportMb: 200 };

export const EVIDENCE_LIMIT_LABELS: Record<keyof EvidenceLimits, string> = {
  maxFileMb: '单个文件上限',
  maxReportMb: '每份报告合计上限',
};

/**
 * What is wrong with a county's limits, in Chinese, field by field: each a whole number of MB from 1 up to the
 * platform's ceiling, and one file never allowed more than a whole report. Empty when they are right.
 */
export function checkEvidenceLimits(
  limits: Record<keyof EvidenceLimits, unknown>,
  ceilings: EvidenceLimits,
): Array<{ field: keyof EvidenceLimits; message: string }> {
  const problems: Array<{ field: keyof EvidenceLimits; message: string }> = [];
  for (const field of Object.keys(EVIDENCE_LIMIT_LABELS) as Array<keyof EvidenceLimits>) {
    const n = limits[field];
    const label = EVIDENCE_LIMIT_LABELS[field];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
      problems.push({ field, message: `${label}应为不小于 1 的整数（MB）` });
    } else if (n > ceilings[field]) {
      problems.push({ field, message: `${label}不能超过平台上限 ${ceilings[field]} MB` });
    }
  }
  if (!problems.length && (limits.maxFileMb as number) > (limits.maxReportMb as number)) {
    problems.push({
      field: 'maxFileMb',
      message: `${EVIDENCE_LIMIT_LABELS.maxFileMb}不能大于${EVIDENCE_LIMIT_LABELS.maxReportMb}`,
    });
  }
  return problems;
}

/** how many current files one report may hold, whatever their size (a list a reviewer can still read) */
export const EVIDENCE_MAX_FILES_PER_REPORT = 300;

/** A file name is kept for display (and Content-Disposition) up to this many characters. */
export const EVIDENCE_FILE_NAME_MAX = 200;

export const MEGABYTE = 1024 * 1024;

/**
 * A file name as users gave it, made safe to store and show: its last path segment only (either slash), without
 * control or bidirectional-override characters, in Unicode NFC, trimmed; one longer than `max` characters keeps its
 * extension and loses the end of its stem. '' when nothing is left (the caller refuses it).
 */
export function cleanFileName(raw: string, max = EVIDENCE_FILE_NAME_MAX): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const chars = [...base].filter((ch) => {
    const code = ch.codePointAt(0) as number;
    return code > 0x1f && code !== 0x7f && !(code >= 0x202a && code <= 0x202e) && !(code >= 0x2066 && code <= 0x2069);
  });
  const name = chars.join('').trim();
  if (name === '.' || name === '..') return '';
  if ([...name].length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return [...name.slice(0, name.length - ext.length)].slice(0, max - [...ext].length).join('') + ext;
}

/**
 * How an archive (a .zip, and the .docx/.xlsx that are zips inside) is judged before it is accepted, without
 * extracting it to disk: entries counted, each entry inflated and its bytes counted, archives inside archives
 * opened in turn up to the depth. A zip bomb fails one of these long before its bytes are written anywhere.
 */
export const EVIDENCE_ARCHIVE_LIMITS = {
  /** entries in one archive, nested ones counted too */
  maxEntries: 2000,
  /** bytes of all entries once inflated, nested ones counted too */
  maxUncompressedBytes: 300 * MEGABYTE,
  /** an entry that inflates to more than this many times its stored size (past 1 MB) */
  maxRatio: 100,
  /** the archive itself is depth 1: an archive inside it is 2, and one inside that is refused */
  maxDepth: 2,
} as const;

/** 20 MB, 1.5 MB, 300 KB: a size for messages */
export function formatFileSize(bytes: number): string {
  if (bytes >= MEGABYTE) return `${trimmed(bytes / MEGABYTE)} MB`;
  if (bytes >= 1024) return `${trimmed(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

const trimmed = (n: number) => String(Math.round(n * 10) / 10);

/** Why an archive was refused, for the message (400 EVIDENCE_ARCHIVE_REFUSED) */
export type ArchiveRefusal =
  | { reason: 'too_many_entries'; limit: number }
  | { reason: 'too_large_uncompressed'; limit: number }
  | { reason: 'ratio'; entry: string; ratio: number }
  | { reason: 'too_deep'; entry: string; depth: number }
  | { reason: 'encrypted'; entry: string }
  | { reason: 'unsafe_name'; entry: string }
  | { reason: 'corrupt'; detail: string };

export function archiveRefusalMessage(refusal: ArchiveRefusal): string {
  switch (refusal.reason) {
    case 'too_many_entries':
      return `压缩文件中的文件超过 ${refusal.limit} 个，请拆分后上传`;
    case 'too_large_uncompressed':
      return `压缩文件解压后超过 ${formatFileSize(refusal.limit)}，请拆分后上传`;
    case 'ratio':
      return `压缩文件中的「${refusal.entry}」压缩比异常（约 ${refusal.ratio} 倍），可能是恶意构造的文件`;
    case 'too_deep':
      return `压缩文件中的「${refusal.entry}」嵌套了过多层压缩包（最多 ${EVIDENCE_ARCHIVE_LIMITS.maxDepth} 层）`;
    case 'encrypted':
      return `压缩文件中的「${refusal.entry}」已加密，无法检查，请上传未加密的文件`;
    case 'unsafe_name':
      return `压缩文件中的「${refusal.entry}」路径不安全（含绝对路径或“..”）`;
    case 'corrupt':
      return '压缩文件已损坏，无法读取';
  }
}
