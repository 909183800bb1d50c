import {
  AppError,
  EVIDENCE_UPLOAD_MEDIA_TYPES,
  formatFileSize,
  LIBRARY_FILE_MAX_BYTES,
  MEGABYTE,
  REPORT_IMPORT_MAX_BYTES,
  REPORT_IMPORT_TOO_LARGE_MESSAGE,
  SCORE_SHEET_FILE_MAX_BYTES,
  XLSX_CONTENT_TYPE,
  type ErrorCode,
} from '@evalflow/domain';
import { IMPORT_MEDIA_TYPES } from '@evalflow/report-import';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * A route that takes a file as its body: the media types it takes, the most it takes, the code that refuses more.
 * A streamed route gets the body as a stream (the handler counts its bytes against the limit that applies then);
 * the others get a Buffer.
 */
interface FileRoute {
  types: readonly string[];
  maxBytes: number;
  tooLarge: ErrorCode;
  /** the refusal's message, when the catalogue's does not state the limit */
  tooLargeMessage?: string;
  streamed?: true;
}

export const evidenceTooLargeMessage = (maxBytes: number) =>
  `佐证材料文件超过 ${formatFileSize(maxBytes)} 的上限，请压缩或拆分后上传`;

/** The route that takes a 佐证材料 file, streamed (its limit is the platform's ceiling; the county's is checked later). */
export const EVIDENCE_UPLOAD_ROUTE = '/api/reports/:id/evidence';

/** Every route that takes a file (by its route pattern); every other route keeps refusing these types. */
export const fileRoutes = (evidenceCeilingMb: number): Record<string, FileRoute> => ({
  [EVIDENCE_UPLOAD_ROUTE]: {
    types: EVIDENCE_UPLOAD_MEDIA_TYPES,
    maxBytes: evidenceCeilingMb * MEGABYTE,
    tooLarge: 'EVIDENCE_TOO_LARGE',
    tooLargeMessage: evidenceTooLargeMessage(evidenceCeilingMb * MEGABYTE),
    streamed: true,
  },
  '/api/indicator-library/import': {
    types: [XLSX_CONTENT_TYPE],
    maxBytes: LIBRARY_FILE_MAX_BYTES,
    tooLarge: 'LIBRARY_FILE_TOO_LARGE',
  },
  '/api/reports/:id/score-sheet/import': {
    types: [XLSX_CONTENT_TYPE],
    maxBytes: SCORE_SHEET_FILE_MAX_BYTES,
    tooLarge: 'SCORE_SHEET_FILE_TOO_LARGE',
  },
  // a .docx, .txt or .xlsx report, at most what its readers take
  '/api/reports/:id/imports': {
    types: Object.keys(IMPORT_MEDIA_TYPES),
    maxBytes: REPORT_IMPORT_MAX_BYTES,
    tooLarge: 'IMPORT_FILE_TOO_LARGE',
    tooLargeMessage: REPORT_IMPORT_TOO_LARGE_MESSAGE,
  },
});

/**
 * Accepts a file body of the types each file route lists, on those routes only and up to each route's limit:
 * the declared length is checked first, the bytes as they arrive (by the handler, for a streamed route). Install
 * after the JSON parser (which clears the others): an unlisted type, or a listed one elsewhere, is
 * UNSUPPORTED_MEDIA_TYPE.
 */
export function installFileBodyParsers(fastify: FastifyInstance, evidenceCeilingMb: number): void {
  const routes = fileRoutes(evidenceCeilingMb);
  const types = new Set(Object.values(routes).flatMap((r) => r.types));
  for (const type of types) {
    fastify.addContentTypeParser(type, async (request: FastifyRequest, payload: AsyncIterable<Buffer>) => {
      const route = routes[request.routeOptions.url ?? ''];
      if (!route?.types.includes(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const tooLarge = () => new AppError(route.tooLarge, { maxBytes: route.maxBytes }, route.tooLargeMessage);
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > route.maxBytes) throw tooLarge();
      // a stream is not a thenable: the handler gets it as the body, unread
      if (route.streamed) return payload;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += chunk.length;
        if (size > route.maxBytes) throw tooLarge();
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    });
  }
}
