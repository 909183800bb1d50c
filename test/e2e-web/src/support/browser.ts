import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '@evalflow/testing';
import { DEMO_PASSWORD } from './stack';

/** Debian's Chromium (tools/system-packages.mjs installs it with apt); playwright-core brings no browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 };
/** A phone held upright (CSS pixels of a current mid-size phone). */
export const PHONE = { width: 390, height: 844 };
/** Every run's screenshots; `E2E_WEB_UPDATE_DOCS=1` also copies them over the committed docs/screenshots. */
export const SCREENSHOT_DIR = process.env['E2E_WEB_SCREENSHOTS'] ?? join(ROOT, 'tmp/e2e-web/screenshots');
const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A console error or an uncaught exception in a page, with whose page it was. */
export interface BrowserProblem {
  user: string;
  text: string;
  url: string;
}

/** A problem a step expects and accepts (e.g. the 404 of a report the user may not see). */
export type Expected = (p: BrowserProblem) => boolean;

/**
 * The browser's own line for a failed response: only the status and the address are known. A page
 * opened without a session asks /api/auth/refresh, and 401 there means "not signed in".
 */
export const failedResponse = (status: number, url: string | RegExp): Expected => {
  const prefix = `Failed to load resource: the server responded with a status of ${status}`;
  return (p) => p.text.startsWith(prefix) && (typeof url === 'string' ? p.url.endsWith(url) : url.test(p.url));
};
// a page without a session hint never asks /api/auth/refresh, so no 401 is expected of it on any page
const ALWAYS_EXPECTED: Expected[] = [];

/** One browser; a context (its own cookies, its own session) per user; console errors collected from all. */
export class Users {
  private readonly contexts: BrowserContext[] = [];
  private problems: BrowserProblem[] = [];
  /** contexts the running step opened, and those a journey keeps across steps */
  private stepContexts: BrowserContext[] = [];
  private readonly kept = new Set<BrowserContext>();

  constructor(
    private readonly browser: Browser,
    private readonly base: string,
  ) {}

  /** A fresh context (1366×768 unless told) whose page shows the login form. */
  async anonymous(user: string, viewport = VIEWPORT): Promise<Page> {
    const context = await this.browser.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      // the app then turns its animations off: a click never lands on a dialog or menu still moving in
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(15000);
    this.contexts.push(context);
    this.stepContexts.push(context);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push({ user, text: msg.text(), url: msg.location().url });
    });
    page.on('pageerror', (error) => this.problems.push({ user, text: `uncaught: ${error.stack ?? error}`, url: '' }));
    await page.goto(`${this.base}/login`);
    await page.getByLabel('用户名').waitFor();
    return page;
  }

  /** Signs `username` in through the login form; resolves on the first page after it (home or 县级概览). */
  async signIn(page: Page, username: string): Promise<Page> {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: cjk('登录') }).click();
    // the sidebar's menu, or on a phone the button that opens it
    await page
      .getByRole('navigation', { name: '主菜单' })
      .or(page.getByRole('button', { name: '打开菜单' }))
      .waitFor();
    await page.getByRole('heading').first().waitFor();
    return page;
  }

  async as(username: string, viewport = VIEWPORT): Promise<Page> {
    return this.signIn(await this.anonymous(username, viewport), username);
  }

  /** A page the journey goes on using in later steps: not closed when the step that opened it ends. */
  keep(page: Page): Page {
    this.kept.add(page.context());
    return page;
  }

  beginStep(): void {
    this.stepContexts = [];
  }

  /**
   * Closes what the step opened and did not keep, before its problems are read: a page left open
   * could still be loading, and its late 403 would be counted against the next step.
   */
  async endStep(): Promise<void> {
    for (const context of this.stepContexts.filter((c) => !this.kept.has(c))) {
      await context.close();
      this.contexts.splice(this.contexts.indexOf(context), 1);
    }
    this.stepContexts = [];
  }

  /** The problems since the last call that no `expected` accepts (and forgets them all). */
  unexpectedProblems(...expected: Expected[]): BrowserProblem[] {
    const all = this.problems;
    this.problems = [];
    return all.filter((p) => ![...ALWAYS_EXPECTED, ...expected].some((accept) => accept(p)));
  }

  /** Every open page as a picture under failures/, named after the failed step: what the user saw. */
  async snapshotAll(step: string): Promise<void> {
    const dir = join(SCREENSHOT_DIR, '..', 'failures');
    await mkdir(dir, { recursive: true });
    const slug = step.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    let n = 0;
    for (const context of this.contexts) {
      for (const page of context.pages()) {
        const name = join(dir, `${slug}-${++n}`);
        await page.screenshot({ path: `${name}.png` }).catch(() => undefined);
        const text = await page.evaluate(() => document.body.innerText).catch(() => '');
        await writeFile(`${name}.txt`, `${page.url()}\n\n${text}`);
      }
    }
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
  }
}

/**
 * Ant Design writes a space between the two characters of a two-character button ("提 交"), and an
 * icon adds its own name in front ("message 回复"); a pattern for the label either way.
 */
export function cjk(label: string): RegExp {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)${chars.join(' ?')}\\s*$`);
}

/** Saves what the page shows now as <name>.png (and over docs/screenshots with E2E_WEB_UPDATE_DOCS=1). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // antd's messages fade out; wait for none to be on screen so the picture shows the page itself
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10000 });
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  if (process.env['E2E_WEB_UPDATE_DOCS'] === '1') {
    await mkdir(DOCS_SCREENSHOTS, { recursive: true });
    await copyFile(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  }
}
