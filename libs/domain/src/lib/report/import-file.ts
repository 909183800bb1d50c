import { XLSX_CONTENT_TYPE } from '../indicator-library/sheet';

/** A report file to import (last year's report) is at most this large: the API refuses more, the web app first. */
export const REPORT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The files a report import takes, by extension (lower case, with the dot): the media type each is sent as. */
export const REPORT_IMPORT_FILE_TYPES = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain',
  '.xlsx': XLSX_CONTENT_TYPE,
} as const;
