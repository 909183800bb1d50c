import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Serves the built web app; unknown non-API GETs get index.html so client-side routes work. */
export class SpaFallback {
  private indexHtml?: Buffer;

  constructor(private readonly root: string) {}

  static async register(fastify: FastifyInstance, webDistDir: string): Promise<SpaFallback | undefined> {
    const root = resolve(webDistDir);
    if (!existsSync(join(root, 'index.html'))) return undefined;
    await fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // the .br and .gz twins the web build writes (apps/web/build/precompress.ts)
      preCompressed: true,
      setHeaders(reply, path) {
        // Vite names bundles by content hash: cache them for a year, never index.html.
        void reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    return new SpaFallback(root);
  }

  serves(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      path !== '/api' &&
      !/\.[a-z0-9]+$/i.test(path) // a missing file stays a 404
    );
  }

  async sendIndex(reply: FastifyReply): Promise<void> {
    this.indexHtml ??= await readFile(join(this.root, 'index.html'));
    await reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.indexHtml);
  }
}
