import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The web app's Content-Security-Policy: its own scripts only; inline styles because Ant Design
 * writes its CSS-in-JS into <style> tags; images and fonts from itself or data:/blob: (previews,
 * downloads); never framed by another site (clickjacking); forms post only to itself.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  // the template editor previews its PDF in an <iframe> of a blob: URL, which Chromium shows with its
  // PDF plugin: plugins from here and our own blobs only
  objectSrc: ["'self'", 'blob:'],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // framed by nobody else (clickjacking); our own pages may frame our own documents
  frameAncestors: ["'self'"],
};

/**
 * Helmet's headers (CSP, frame-ancestors, nosniff, HSTS, referrer policy…) on every reply, and
 * gzip/brotli for API replies over 1 KB. The web app's own files are compressed once at build time
 * and served as such (see web-static). Compressed request bodies are refused: a small gzip can
 * inflate past any body limit.
 */
export async function installSecurityHeaders(fastify: FastifyInstance, production: boolean): Promise<void> {
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // HSTS only where TLS is the rule; a development http://localhost must stay reachable
    strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await fastify.register(fastifyCompress, { global: true, threshold: 1024, globalDecompression: false });
}
