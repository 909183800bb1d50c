import { AppError, XLSX_CONTENT_TYPE } from '@evalflow/domain';
import { IMPORT_MEDIA_TYPES } from '@evalflow/report-import';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The route that takes a report file as its body. */
export const IMPORT_ROUTE = '/api/reports/:id/imports';
/** A report file is at most this large (the .docx and .txt readers' own limit). */
export const IMPORT_FILE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Accepts a .docx or .txt body (as a Buffer) on the import route only, up to 2 MB: the declared length is
 * checked first, the bytes as they arrive. Every other route keeps refusing these types with
 * UNSUPPORTED_MEDIA_TYPE. Install after the JSON parser (which clears the others).
 */
export function installImportBodyParser(fastify: FastifyInstance): void {
  // the .xlsx type has its own parser (spreadsheets/xlsx-body.ts, XLSX_ROUTES lists this route)
  for (const type of Object.keys(IMPORT_MEDIA_TYPES).filter((t) => t !== XLSX_CONTENT_TYPE)) {
    fastify.addContentTypeParser(type, async (request: FastifyRequest, payload: AsyncIterable<Buffer>) => {
      if (request.routeOptions.url !== IMPORT_ROUTE) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const tooLarge = () => new AppError('IMPORT_FILE_TOO_LARGE', { maxBytes: IMPORT_FILE_MAX_BYTES });
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > IMPORT_FILE_MAX_BYTES) throw tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += chunk.length;
        if (size > IMPORT_FILE_MAX_BYTES) throw tooLarge();
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    });
  }
}
