import { ERROR_CATALOGUE } from '@evalflow/domain';

/**
 * Why a file cannot be imported at all, before anything is read into the draft: a stable code of the error
 * catalogue (its kind decides the API's 4xx, its Chinese message is what the clerk sees) and, for the log
 * only, an English detail saying which limit or which part.
 */
export const IMPORT_REFUSAL_CODES = [
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_EMPTY',
  'IMPORT_NOT_TEXT',
  'IMPORT_TOO_MANY_LINES',
  'IMPORT_LINE_TOO_LONG',
  'IMPORT_NOT_DOCX',
  'IMPORT_DOC_BINARY',
  'IMPORT_ENCRYPTED',
  'IMPORT_ZIP_BOMB',
  'IMPORT_CORRUPT',
] as const;

export type ImportRefusedCode = (typeof IMPORT_REFUSAL_CODES)[number];

/** The Chinese message of each refusal, as the catalogue has it. */
export const IMPORT_REFUSED_MESSAGES = Object.fromEntries(
  IMPORT_REFUSAL_CODES.map((code) => [code, ERROR_CATALOGUE[code].message]),
) as Record<ImportRefusedCode, string>;

export class ImportRefused extends Error {
  readonly kind: (typeof ERROR_CATALOGUE)[ImportRefusedCode]['kind'];

  constructor(
    readonly code: ImportRefusedCode,
    /** what exactly was over the limit or broken, for logs (English, not shown to users) */
    readonly detail?: string,
    message: string = IMPORT_REFUSED_MESSAGES[code],
  ) {
    super(message);
    this.name = 'ImportRefused';
    this.kind = ERROR_CATALOGUE[code].kind;
  }
}
