import { AppError, LIBRARY_FILE_MAX_BYTES, XLSX_CONTENT_TYPE } from '@evalflow/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The one route that takes a workbook as its body. */
export const LIBRARY_IMPORT_ROUTE = '/api/indicator-library/import';

/**
 * Accepts an .xlsx body (as a Buffer) on the 指标库 import route only, and at most 2 MB of it: the
 * declared length is checked first, the bytes as they arrive. Every other route keeps refusing the
 * type with UNSUPPORTED_MEDIA_TYPE. Install after the JSON parser (which clears the others).
 */
export function installXlsxBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(XLSX_CONTENT_TYPE, async (request: FastifyRequest, payload: AsyncIterable<Buffer>) => {
    if (request.routeOptions.url !== LIBRARY_IMPORT_ROUTE) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > LIBRARY_FILE_MAX_BYTES) {
      throw new AppError('LIBRARY_FILE_TOO_LARGE', { maxBytes: LIBRARY_FILE_MAX_BYTES });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += chunk.length;
      if (size > LIBRARY_FILE_MAX_BYTES)
        throw new AppError('LIBRARY_FILE_TOO_LARGE', { maxBytes: LIBRARY_FILE_MAX_BYTES });
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  });
}
