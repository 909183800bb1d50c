/**
 * An attachment header any browser gets right with a Chinese name (RFC 6266 with RFC 5987's
 * filename*), and an ASCII fallback for the rest.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** The same, for a file the browser shows itself (a PDF or an image previewed). */
export function inlineDisposition(fileName: string, asciiFallback: string): string {
  return attachmentDisposition(fileName, asciiFallback).replace(/^attachment;/, 'inline;');
}
