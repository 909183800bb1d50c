import { launchChromium, Users } from './browser';
import { stepsOf } from './journey';
import { startStack, type Stack } from './stack';
import type { Browser } from 'playwright-core';

/** A browser suite's stack, Chromium and signed-in users, and its steps. */
export interface BrowserJourney {
  readonly stack: Stack;
  readonly users: Users;
  readonly step: ReturnType<typeof stepsOf>;
}

/**
 * Starts the built api, worker and web on a fresh seeded database and a headless Chromium before the
 * suite's steps, fails each step on any console error or uncaught exception in its pages, and stops
 * everything after the last: the set-up every browser journey shares.
 */
export function browserJourney(): BrowserJourney {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let users: Users | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started (its beforeAll failed?)');
    return value;
  };

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    users = new Users(browser, stack.base);
  }, 90000);

  afterAll(async () => {
    await users?.close();
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    expect(started(users).unexpectedProblems()).toEqual([]);
  });

  return {
    get stack() {
      return started(stack);
    },
    get users() {
      return started(users);
    },
    step: stepsOf(() => started(users)),
  };
}
