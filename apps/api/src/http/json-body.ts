import { AppError } from '@evalflow/domain';
import type { FastifyInstance } from 'fastify';

/**
 * The API accepts JSON only (Fastify would also take text/plain), parsed by Fastify's JSON parser (with prototype-poisoning protection), whose failures carry our stable
 * code: Nest would otherwise turn them into a bare 400 without one.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, typeof body === 'string' ? body : body.toString('utf8'), (error, value) => {
      if (error) done(new AppError('INVALID_JSON', { reason: error.message }), undefined);
      else done(null, value);
    });
  });
}
