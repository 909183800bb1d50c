import type { FontPaths } from '../fonts';
import type { RenderLimitKind, RenderLimits } from '../limits';
import type { DocumentFormat, RenderInput } from '../render-input';

/** What the render thread is asked: one document at a time. */
export interface RenderRequestMessage {
  type: 'render';
  id: number;
  format: DocumentFormat;
  input: RenderInput;
  limits: RenderLimits;
  fonts?: FontPaths;
}

/**
 * Sent to a thread before its first render: it renders a small document of its own and keeps nothing but
 * what that warmed (its modules loaded, its fonts parsed), so the first real render does not pay ~2 s.
 */
export interface RenderWarmMessage {
  type: 'warm';
  fonts?: FontPaths;
}

export type RenderThreadRequest = RenderRequestMessage | RenderWarmMessage;

/** An error as it crosses the thread boundary (class instances do not). */
export interface RenderErrorShape {
  name: string;
  message: string;
  /** set for RenderLimitExceeded */
  limit?: RenderLimitKind;
  bound?: number;
}

/** What the render thread answers: progress, then the bytes or the error. */
export type RenderThreadMessage =
  | { type: 'progress'; id: number; percent: number }
  | { type: 'done'; id: number; bytes: ArrayBuffer }
  | { type: 'failed'; id: number; error: RenderErrorShape };
