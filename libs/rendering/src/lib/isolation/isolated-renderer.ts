import { Worker } from 'node:worker_threads';
import type { FontPaths } from '../fonts';
import { DEFAULT_RENDER_LIMITS, RenderLimitExceeded, type RenderLimits } from '../limits';
import type { DocumentFormat, RenderInput } from '../render-input';
import type { RenderErrorShape, RenderRequestMessage, RenderThreadMessage, RenderWarmMessage } from './protocol';

/** The file a render thread starts from: it calls serveRenderRequests() (a bundled app ships it beside its main). */
export interface RenderThreadEntry {
  /** absolute path of the entry file */
  filename: string;
  /** Node options of the thread (a TypeScript loader under tests); none when absent, whatever the process has */
  execArgv?: string[];
  /** the thread's environment; a copy of the process's when absent */
  env?: NodeJS.ProcessEnv;
  /** handed to the entry as workerData */
  workerData?: unknown;
}

/** Pages and bytes (checked by the renderers) and time and memory (bounded by the thread). */
export interface IsolationLimits extends RenderLimits {
  /** a render not answered by then is ended: the thread is terminated */
  timeoutMs: number;
  /** the thread's heap (V8 old generation); past it the thread is ended by V8 */
  maxOldGenerationSizeMb: number;
}

export interface IsolatedRendererOptions {
  entry: RenderThreadEntry;
  /** DEFAULT_RENDER_LIMITS where absent */
  limits?: Partial<IsolationLimits>;
  /** renders one thread serves before it is replaced, so its heap starts afresh (default 50) */
  rendersPerThread?: number;
  /**
   * how many renders before that replacement its successor is started and warmed beside it (default 10), so
   * no render waits the ~2 s a fresh thread takes to load and parse its fonts
   */
  warmAhead?: number;
  /** the faces the PDF uses; found on the system by the thread when absent */
  fonts?: FontPaths;
}

/** The renderer was closed (the application is stopping): the render was not finished. */
export class RendererClosed extends Error {
  constructor() {
    super('the document renderer is closed');
    this.name = 'RendererClosed';
  }
}

/** The thread failed otherwise than by a limit (it threw outside a render, or exited): worth a retry. */
export class RenderThreadFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderThreadFailed';
  }
}

interface InFlight {
  abort(error: Error): void;
}

/**
 * Renders documents in a worker thread, one at a time, so the caller's event loop stays free (a BullMQ
 * worker keeps renewing its job's lock) and a document cannot take more than its limits: pages and bytes
 * (checked while it is laid out and written), time (the thread is terminated when a render is not
 * answered within `timeoutMs`) and memory (`resourceLimits`: V8 ends a thread whose heap outgrows
 * `maxOldGenerationSizeMb`). A limit rejects with RenderLimitExceeded; the thread is kept warm (its fonts
 * parsed) between renders, and replaced after a limit of time or memory, a crash, or `rendersPerThread`
 * renders. The planned replacement is started `warmAhead` renders early and warms itself while the old
 * thread still serves (a standby), so it takes over at once.
 */
export class IsolatedRenderer {
  readonly limits: IsolationLimits;
  private readonly rendersPerThread: number;
  private readonly warmAhead: number;
  private thread: Worker | null = null;
  /** the successor, warming while `thread` serves its last renders */
  private standby: Worker | null = null;
  private renderedByThread = 0;
  private nextId = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight: InFlight | null = null;
  private closed = false;
  private readonly exits = new Set<Promise<unknown>>();

  constructor(private readonly options: IsolatedRendererOptions) {
    this.limits = { ...DEFAULT_RENDER_LIMITS, ...stripUndefined(options.limits ?? {}) };
    this.rendersPerThread = Math.max(1, options.rendersPerThread ?? 50);
    this.warmAhead = Math.max(0, options.warmAhead ?? 10);
  }

  /** Starts the thread and has it warm itself, so the first render does not wait for it (the worker's start-up). */
  warm(): void {
    if (!this.closed && !this.thread) this.spawn();
  }

  /** Threads alive: the one serving and, near its replacement, its warming successor. */
  get threads(): number {
    return (this.thread ? 1 : 0) + (this.standby ? 1 : 0);
  }

  /** Whether a render is in progress in the thread. */
  get rendering(): boolean {
    return this.inFlight !== null;
  }

  /** The document in the format asked for; renders wait their turn (one thread, one render at a time). */
  render(
    format: DocumentFormat,
    input: RenderInput,
    options: { onProgress?: (percent: number) => void } = {},
  ): Promise<Buffer> {
    const run = this.tail.then(() => this.renderNow(format, input, options.onProgress));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Ends the thread (a render in progress rejects with RendererClosed) and waits until it has exited. */
  async close(): Promise<void> {
    this.closed = true;
    this.inFlight?.abort(new RendererClosed());
    if (this.thread) this.retire(this.thread);
    if (this.standby) this.retire(this.standby);
    await Promise.all([...this.exits]);
  }

  private renderNow(
    format: DocumentFormat,
    input: RenderInput,
    onProgress: ((percent: number) => void) | undefined,
  ): Promise<Buffer> {
    if (this.closed) return Promise.reject(new RendererClosed());
    const thread = this.thread ?? this.spawn();
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: { error: Error } | { bytes: Buffer }, retire: boolean) => {
        if (settled) return;
        settled = true;
        this.inFlight = null;
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
        if (retire) this.retire(thread);
        else thread.unref();
        if ('error' in outcome) reject(outcome.error);
        else resolve(outcome.bytes);
      };
      const onMessage = (message: RenderThreadMessage) => {
        if (message.id !== id) return;
        if (message.type === 'progress') {
          try {
            onProgress?.(message.percent);
          } catch {
            // progress is advice: a failing observer does not fail the render
          }
        } else if (message.type === 'done') {
          this.renderedByThread++;
          if (this.renderedByThread >= this.rendersPerThread - this.warmAhead) this.prepareStandby();
          settle({ bytes: Buffer.from(message.bytes) }, this.renderedByThread >= this.rendersPerThread);
        } else {
          settle({ error: revive(message.error) }, false);
        }
      };
      const onError = (error: Error & { code?: string }) =>
        settle(
          {
            error:
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? new RenderLimitExceeded('memory', this.limits.maxOldGenerationSizeMb)
                : new RenderThreadFailed(`render thread failed: ${error.message}`),
          },
          true,
        );
      const onExit = (code: number) =>
        settle({ error: new RenderThreadFailed(`render thread exited (code ${code}) during a render`) }, true);
      const timer = setTimeout(
        () => settle({ error: new RenderLimitExceeded('time', this.limits.timeoutMs) }, true),
        this.limits.timeoutMs,
      );
      this.inFlight = { abort: (error) => settle({ error }, true) };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.ref();
      const request: RenderRequestMessage = {
        type: 'render',
        id,
        format,
        input,
        limits: { maxPages: this.limits.maxPages, maxBytes: this.limits.maxBytes },
        fonts: this.options.fonts,
      };
      try {
        thread.postMessage(request);
      } catch (error) {
        // what cannot be cloned cannot be rendered
        settle({ error: error as Error }, false);
      }
    });
  }

  /** The serving thread: the warmed standby when there is one, else a new thread. */
  private spawn(): Worker {
    const thread = this.standby ?? this.start();
    this.standby = null;
    this.thread = thread;
    this.renderedByThread = 0;
    return thread;
  }

  private prepareStandby(): void {
    if (!this.closed && !this.standby) this.standby = this.start();
  }

  /** A new thread, asked at once to warm itself (it does so before any render sent after). */
  private start(): Worker {
    const { entry } = this.options;
    const thread = new Worker(entry.filename, {
      execArgv: entry.execArgv ?? [],
      env: entry.env ?? { ...process.env },
      workerData: entry.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
    });
    const exited = new Promise((resolve) => thread.once('exit', resolve));
    this.exits.add(exited);
    void exited.then(() => this.exits.delete(exited));
    // between renders nothing listens: an error then only ends the thread (the next render starts another)
    thread.on('error', () => undefined);
    thread.once('exit', () => {
      if (this.thread === thread) this.thread = null;
      if (this.standby === thread) this.standby = null;
    });
    const warm: RenderWarmMessage = { type: 'warm', fonts: this.options.fonts };
    thread.postMessage(warm);
    thread.unref();
    return thread;
  }

  private retire(thread: Worker): void {
    if (this.thread === thread) this.thread = null;
    if (this.standby === thread) this.standby = null;
    void thread.terminate().catch(() => undefined);
  }
}

/** An error from the thread as the caller's class: a limit as RenderLimitExceeded, anything else as Error. */
function revive(shape: RenderErrorShape): Error {
  if (shape.limit && typeof shape.bound === 'number') return new RenderLimitExceeded(shape.limit, shape.bound);
  const error = new Error(shape.message);
  error.name = shape.name;
  return error;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
