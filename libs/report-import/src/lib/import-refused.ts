/**
 * Why a file cannot be imported at all: a stable code (never renamed once released; the API maps it to a 4xx
 * through the error catalogue) and the Chinese message shown to the user. Nothing is written to the draft.
 */
export const IMPORT_REFUSALS = {
  IMPORT_FILE_TOO_LARGE: { kind: 'payload_too_large', message: '文件过大，无法导入' },
  IMPORT_EMPTY: { kind: 'unprocessable', message: '文件没有可导入的内容' },
  IMPORT_NOT_TEXT: { kind: 'unsupported_media_type', message: '文件不是文本文件（应为 UTF-8 或 GBK 编码的 .txt）' },
  IMPORT_TOO_MANY_LINES: { kind: 'unprocessable', message: '文件行数过多，无法导入' },
  IMPORT_LINE_TOO_LONG: { kind: 'unprocessable', message: '文件中有过长的行，无法导入' },
} as const;

export type ImportRefusalCode = keyof typeof IMPORT_REFUSALS;

export class ImportRefused extends Error {
  readonly kind: (typeof IMPORT_REFUSALS)[ImportRefusalCode]['kind'];

  constructor(
    readonly code: ImportRefusalCode,
    /** what exactly was over the limit, for logs (English, not shown to users) */
    readonly detail?: string,
  ) {
    super(IMPORT_REFUSALS[code].message);
    this.name = 'ImportRefused';
    this.kind = IMPORT_REFUSALS[code].kind;
  }
}
