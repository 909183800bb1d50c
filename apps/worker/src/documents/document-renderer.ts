import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  DEFAULT_RENDER_LIMITS,
  IsolatedRenderer,
  type DocumentFormat,
  type IsolationLimits,
  type RenderInput,
  type RenderThreadEntry,
} from '@evalflow/rendering';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';

/**
 * The limits of one document render (named defaults; see DEFAULT_RENDER_LIMITS): at most 300 pages and
 * 50 MB, 120 s, and a 512 MB heap for the render thread.
 */
export const DOCUMENT_RENDER_DEFAULTS: IsolationLimits & { rendersPerThread: number } = {
  ...DEFAULT_RENDER_LIMITS,
  /** renders one thread serves before a fresh one (its heap starts afresh; fonts are parsed again, ~2 s) */
  rendersPerThread: 50,
};

export interface DocumentRendererOptions {
  entry: RenderThreadEntry;
  limits: IsolationLimits;
  rendersPerThread: number;
  /** start and warm the render thread when the worker starts, so the first document waits for nothing */
  warmOnStart?: boolean;
}

/** Injection token of the renderer's options (tests give a thread entry of their own, or smaller limits). */
export const DOCUMENT_RENDERER_OPTIONS = Symbol('DOCUMENT_RENDERER_OPTIONS');

/**
 * Where the render thread starts: built, render-thread.js beside main.js (webpack entry); under ts-jest
 * or ts-node, render-thread.ts through ts-node and the workspace's path aliases (as bench/render.mjs runs).
 */
export function renderThreadEntry(): RenderThreadEntry {
  if (!__filename.endsWith('.ts')) return { filename: join(__dirname, 'render-thread.js') };
  const root = join(__dirname, '../../../..');
  return {
    filename: join(__dirname, 'render-thread.ts'),
    execArgv: ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register'],
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(root, 'tsconfig.base.json'),
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({
        module: 'commonjs',
        moduleResolution: 'node10',
        ignoreDeprecations: '6.0',
      }),
    },
  };
}

export function defaultDocumentRendererOptions(): DocumentRendererOptions {
  const { rendersPerThread, ...limits } = DOCUMENT_RENDER_DEFAULTS;
  // built, the thread warms at start-up; under ts-jest a thread costs seconds of compiling, started when a test renders
  return { entry: renderThreadEntry(), limits, rendersPerThread, warmOnStart: !__filename.endsWith('.ts') };
}

/** The configured bounds (RENDER_MAX_PAGES, RENDER_MAX_BYTES, RENDER_TIMEOUT_MS, RENDER_MAX_HEAP_MB). */
export const documentRendererOptionsProvider = {
  provide: DOCUMENT_RENDERER_OPTIONS,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>): DocumentRendererOptions => {
    const render = config.get('render', { infer: true });
    return {
      ...defaultDocumentRendererOptions(),
      limits: {
        maxPages: render.maxPages,
        maxBytes: render.maxBytes,
        timeoutMs: render.timeoutMs,
        maxOldGenerationSizeMb: render.maxHeapMb,
      },
    };
  },
};

/**
 * Renders documents in a worker thread of their own, within their limits (IsolatedRenderer). Closed only
 * at application shutdown, after the documents worker has let its running render finish.
 */
@Injectable()
export class DocumentRenderer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly renderer: IsolatedRenderer;

  constructor(@Inject(DOCUMENT_RENDERER_OPTIONS) private readonly options: DocumentRendererOptions) {
    this.renderer = new IsolatedRenderer({
      entry: options.entry,
      limits: options.limits,
      rendersPerThread: options.rendersPerThread,
    });
  }

  get limits(): IsolationLimits {
    return this.renderer.limits;
  }

  /** Whether a render is running in the thread now. */
  get rendering(): boolean {
    return this.renderer.rendering;
  }

  render(format: DocumentFormat, input: RenderInput, onProgress?: (percent: number) => void): Promise<Buffer> {
    return this.renderer.render(format, input, { onProgress });
  }

  onApplicationBootstrap(): void {
    if (this.options.warmOnStart) this.renderer.warm();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }
}
