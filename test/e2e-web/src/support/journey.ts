import type { Locator, Page } from 'playwright-core';
import { cjk, type Users } from './browser';

/** The steps of a journey, as each user clicks them: shared by the browser suites. */

/**
 * A test whose failure leaves a picture of every open page (tmp/e2e-web/failures). Each step owns the
 * pages it opens: they are closed when it ends (unless kept with users.keep), so nothing they still
 * load can be counted against the next step.
 */
export function stepsOf(users: () => Users) {
  return (name: string, fn: () => Promise<void>, timeout?: number) =>
    it(
      name,
      async () => {
        users().beginStep();
        try {
          await fn();
        } catch (error) {
          await users().snapshotAll(name);
          throw error;
        } finally {
          await users().endStep();
        }
      },
      timeout,
    );
}

export async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.getByText(text).first().waitFor();
}

/** Waits until the editor says the part is saved (autosave runs about 1.5 s after typing stops). */
export async function savedPart(page: Page, part: string): Promise<void> {
  await page.locator(`#part-${part} [data-save-status="saved"]`).waitFor();
}

export const tab = (page: Page, name: string | RegExp) => page.getByRole('tab', { name });

/** Confirms the open dialog with its button and waits for it to close. */
export async function confirmIn(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: cjk(button) }).click();
  await dialog.waitFor({ state: 'detached' });
}

export const statusIs = (page: Page, label: string) => page.getByText(label, { exact: true }).first().waitFor();
