/**
 * Why a file was refused before anything was read from it. The codes are stable (the api maps them to its error
 * catalogue); the message is what the clerk sees.
 */
export type ImportRefusedCode =
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_NOT_DOCX'
  | 'IMPORT_DOC_BINARY'
  | 'IMPORT_ENCRYPTED'
  | 'IMPORT_ZIP_BOMB'
  | 'IMPORT_CORRUPT';

export const IMPORT_REFUSED_MESSAGES: Record<ImportRefusedCode, string> = {
  IMPORT_FILE_TOO_LARGE: '文件超过大小上限，请删去图片等内容后重试',
  IMPORT_NOT_DOCX: '文件不是Word文档（.docx），请在Word或WPS中另存为.docx后重试',
  IMPORT_DOC_BINARY: '文件是旧版Word文档（.doc），请在Word或WPS中另存为.docx后重试',
  IMPORT_ENCRYPTED: '文件设有打开密码，请在Word或WPS中取消密码后重试',
  IMPORT_ZIP_BOMB: '文件解压后过大或条目过多（疑似压缩炸弹），已拒绝导入',
  IMPORT_CORRUPT: '文件已损坏或内容不完整，无法读取',
};

export class ImportRefused extends Error {
  readonly code: ImportRefusedCode;
  /** for the log, in English: which limit, which part */
  readonly detail?: string;

  constructor(code: ImportRefusedCode, detail?: string, message: string = IMPORT_REFUSED_MESSAGES[code]) {
    super(message);
    this.name = 'ImportRefused';
    this.code = code;
    this.detail = detail;
  }
}
