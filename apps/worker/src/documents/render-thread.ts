/*
 * The render thread's entry (a webpack entry of its own, render-thread.js beside main.js): the worker's
 * DocumentRenderer starts it in a worker thread, so rendering never blocks the worker's event loop.
 */
import { serveRenderRequests } from '@evalflow/rendering';

serveRenderRequests();
