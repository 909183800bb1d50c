import {
  AppError,
  LIBRARY_FILE_MAX_BYTES,
  REPORT_IMPORT_MAX_BYTES,
  SCORE_SHEET_FILE_MAX_BYTES,
  XLSX_CONTENT_TYPE,
  type ErrorCode,
} from '@evalflow/domain';
import { IMPORT_MEDIA_TYPES } from '@evalflow/report-import';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A route that takes a file as its body: the media types it takes, the most it takes, the code that refuses more. */
interface FileRoute {
  types: readonly string[];
  maxBytes: number;
  tooLarge: ErrorCode;
}

/** Every route that takes a file (by its route pattern); every other route keeps refusing these types. */
export const FILE_ROUTES: Record<string, FileRoute> = {
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
  },
};

/**
 * Accepts a file body (as a Buffer) of the types each file route lists, on those routes only and up to each
 * route's limit: the declared length is checked first, the bytes as they arrive. Install after the JSON
 * parser (which clears the others): an unlisted type, or a listed one elsewhere, is UNSUPPORTED_MEDIA_TYPE.
 */
export function installFileBodyParsers(fastify: FastifyInstance): void {
  const types = new Set(Object.values(FILE_ROUTES).flatMap((r) => r.types));
  for (const type of types) {
    fastify.addContentTypeParser(type, async (request: FastifyRequest, payload: AsyncIterable<Buffer>) => {
      const route = FILE_ROUTES[request.routeOptions.url ?? ''];
      if (!route?.types.includes(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const tooLarge = () => new AppError(route.tooLarge, { maxBytes: route.maxBytes });
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > route.maxBytes) throw tooLarge();
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
