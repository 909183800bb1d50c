import { XLSX_CONTENT_TYPE } from '../indicator-library/sheet';

/** A report file to import (last year's report) is at most this large: the API refuses more, the web app first. */
export const REPORT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** What the web app says before sending, and the API answers (413), of a file over that size. */
export const REPORT_IMPORT_TOO_LARGE_MESSAGE = `文件超过大小上限（${REPORT_IMPORT_MAX_BYTES / (1024 * 1024)} MB），请删去图片等内容后重试`;

/** The files a report import takes, by extension (lower case, with the dot): the media type each is sent as. */
export const REPORT_IMPORT_FILE_TYPES = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain',
  '.xlsx': XLSX_CONTENT_TYPE,
} as const;
