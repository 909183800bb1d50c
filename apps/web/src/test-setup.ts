import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { matchNothing } from './test/viewport';

// jsdom lacks these browser APIs that Ant Design's responsive components call.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: matchNothing,
});
class NoopResizeObserver {
  observe = () => undefined;
  unobserve = () => undefined;
  disconnect = () => undefined;
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

afterEach(() => cleanup());
