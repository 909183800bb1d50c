import {
  AppError,
  LIBRARY_FILE_MAX_BYTES,
  SCORE_SHEET_FILE_MAX_BYTES,
  XLSX_CONTENT_TYPE,
  type ErrorCode,
} from '@evalflow/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A route that takes a workbook as its body, the most it takes, and the code that refuses more. */
interface XlsxRoute {
  maxBytes: number;
  tooLarge: ErrorCode;
}

/** Every route that takes a workbook, by its route pattern. */
export const XLSX_ROUTES: Record<string, XlsxRoute> = {
  '/api/indicator-library/import': { maxBytes: LIBRARY_FILE_MAX_BYTES, tooLarge: 'LIBRARY_FILE_TOO_LARGE' },
  '/api/reports/:id/score-sheet/import': {
    maxBytes: SCORE_SHEET_FILE_MAX_BYTES,
    tooLarge: 'SCORE_SHEET_FILE_TOO_LARGE',
  },
  '/api/reports/:id/imports': { maxBytes: 2 * 1024 * 1024, tooLarge: 'IMPORT_FILE_TOO_LARGE' },
};

/**
 * Accepts an .xlsx body (as a Buffer) on the workbook routes only, up to each route's limit: the declared
 * length is checked first, the bytes as they arrive. Every other route keeps refusing the type with
 * UNSUPPORTED_MEDIA_TYPE. Install after the JSON parser (which clears the others).
 */
export function installXlsxBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(XLSX_CONTENT_TYPE, async (request: FastifyRequest, payload: AsyncIterable<Buffer>) => {
    const route = XLSX_ROUTES[request.routeOptions.url ?? ''];
    if (!route) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > route.maxBytes) {
      throw new AppError(route.tooLarge, { maxBytes: route.maxBytes });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += chunk.length;
      if (size > route.maxBytes) throw new AppError(route.tooLarge, { maxBytes: route.maxBytes });
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  });
}
