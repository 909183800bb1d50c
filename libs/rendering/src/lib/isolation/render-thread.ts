import { parentPort } from 'node:worker_threads';
import { RenderLimitExceeded } from '../limits';
import { renderDocument } from '../render';
import type { RenderErrorShape, RenderThreadMessage, RenderThreadRequest } from './protocol';
import { WARM_UP_INPUT } from './warm-up';

/** What a render thread's entry may add: an observer of each render's progress, inside the thread. */
export interface RenderThreadHooks {
  onProgress?: (percent: number) => void;
}

/**
 * The body of a render thread (its entry file calls this, and nothing else): renders each document it
 * is sent, one at a time, and answers progress, then the bytes (transferred, not copied) or the error.
 * Its fonts are parsed once and stay parsed for the thread's life.
 */
export function serveRenderRequests(hooks: RenderThreadHooks = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveRenderRequests runs inside a worker thread');
  const post = (message: RenderThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', (request: RenderThreadRequest) => {
    if (request?.type === 'warm') {
      // a failure here only leaves the first real render to parse the fonts (and fail in its own right)
      renderDocument('pdf', WARM_UP_INPUT, { fonts: request.fonts }).catch(() => undefined);
      return;
    }
    if (request?.type !== 'render') return;
    const { id } = request;
    renderDocument(request.format, request.input, {
      fonts: request.fonts,
      limits: request.limits,
      onProgress: (percent) => {
        post({ type: 'progress', id, percent });
        hooks.onProgress?.(percent);
      },
    }).then(
      (buffer) => {
        const bytes = ownArrayBuffer(buffer);
        post({ type: 'done', id, bytes }, [bytes]);
      },
      (error: unknown) => post({ type: 'failed', id, error: errorShape(error) }),
    );
  });
}

/** The bytes in an ArrayBuffer of their own: a small Buffer may share Node's pool, which must not be transferred. */
function ownArrayBuffer(buffer: Buffer): ArrayBuffer {
  const whole = buffer.buffer as ArrayBuffer;
  if (buffer.byteOffset === 0 && buffer.byteLength === whole.byteLength) return whole;
  return whole.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

function errorShape(error: unknown): RenderErrorShape {
  if (error instanceof RenderLimitExceeded) {
    return { name: error.name, message: error.message, limit: error.limit, bound: error.bound };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
