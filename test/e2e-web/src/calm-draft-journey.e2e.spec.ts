import type { Page } from 'playwright-core';
import { cjk, screenshot } from './support/browser';
import { browserJourney } from './support/browser-journey';
import { expectText } from './support/journey';

/**
 * A new 部门整体 report in headless Chromium against the built api and worker on a fresh seeded database,
 * as the 赵县总工会 editor meets it: a calm checklist of what remains (no errors before anything is typed),
 * a jump from the checklist to its field, an error under a field only once it is left, a skip link and a
 * table of contents, a new paragraph that takes the cursor, and every missing field shown on a try to submit.
 */
describe('web: a calm new draft, in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;
  let editor: Page;
  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const fieldErrors = (page: Page) => page.locator('[data-field-messages] [data-severity="error"]');

  step('a fresh login page does not ask /api/auth/refresh (no 401 in the console)', async () => {
    const page = await journey.users.anonymous('visitor');
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    await page.getByRole('button', { name: cjk('登录') }).waitFor();
    expect(asked.filter((path) => path.startsWith('/api/'))).toEqual([]);
  });

  step('a new report opens with a checklist of what remains, not with errors', async () => {
    editor = journey.users.keep(await journey.users.as('zhaoxian.union.editor'));
    await editor.getByRole('menuitem', { name: '我的报告' }).click();
    await editor.getByRole('button', { name: /新建报告/ }).click();
    const dialog = editor.getByRole('dialog', { name: '新建绩效自评报告' });
    await dialog.getByRole('button', { name: '新建并打开' }).click();
    await editor.getByRole('heading', { name: /赵县总工会2025年度/ }).waitFor();

    const checklist = editor.locator('[data-checklist="missing"]');
    await expectText(checklist, /^还需填写 \d+ 项$/);
    expect(await checklist.getByRole('listitem').count()).toBeGreaterThan(5);
    // nothing typed, nothing wrong: no 「还有 N 处错误」, nothing red under the fields
    expect(await editor.getByText(/还有 \d+ 处错误/).count()).toBe(0);
    expect(await fieldErrors(editor).count()).toBe(0);
    // the table of contents: each part with its state
    const outline = editor.getByRole('navigation', { name: '报告目录' });
    await expectText(outline, '待填');
    await expectText(outline.locator('[data-part-state="todo"]'), '二、自评工作开展情况');
    await screenshot(editor, 'calm-new-draft');
  });

  step('a checklist item brings its field into view with the cursor in it', async () => {
    const checklist = editor.locator('[data-checklist="missing"]');
    await checklist.getByRole('button', { name: '自评的组织工作' }).click();
    await editor.waitForFunction(() => document.activeElement?.id === 'field-selfEvaluation-organization');
    // scrolled into view (smoothly: wait for it to arrive)
    await editor.waitForFunction(() => {
      const box = document.getElementById('field-selfEvaluation-organization')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    // still nothing red: the user has not left the field yet
    expect(await fieldErrors(editor).count()).toBe(0);

    // leaving it empty: now it says so, under the field and nowhere else
    await editor.keyboard.press('Tab');
    const beside = editor.locator('[data-field-messages="selfEvaluation.organization"]');
    await expectText(beside, '请填写自评的组织工作');
    expect(await fieldErrors(editor).count()).toBe(1);
  });

  step('the skip link and the table of contents move the keyboard; a new paragraph takes the cursor', async () => {
    const skip = editor.getByRole('link', { name: '跳到正文' });
    await skip.focus();
    await editor.keyboard.press('Enter');
    expect(await activeId(editor)).toMatch(/^part-/);

    const outline = editor.getByRole('navigation', { name: '报告目录' });
    await outline.getByRole('link', { name: /二、自评工作开展情况/ }).click();
    expect(await activeId(editor)).toBe('part-selfEvaluation');

    const functions = editor.getByRole('group', { name: '部门职能' });
    await functions.getByRole('button', { name: /添加一段/ }).focus();
    await editor.keyboard.press('Enter');
    await editor.waitForFunction(() => /^field-basicInfo-functions-\d+$/.test(document.activeElement?.id ?? ''));
    // the next keystrokes land in the new paragraph, not on the button
    await editor.keyboard.type('负责全县职工的维权和服务工作。');
    expect(await editor.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(
      '负责全县职工的维权和服务工作。',
    );
  });

  step('the 评价等级 select speaks the county’s words', async () => {
    const grade = editor.getByRole('combobox', { name: '评价等级' });
    await grade.scrollIntoViewIfNeeded();
    await grade.click();
    const options = editor.locator('.ant-select-dropdown:visible .ant-select-item-option-content');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(['优秀', '良好', '中', '差']);
    await editor.keyboard.press('Escape');
  });

  step('a try to submit shows every missing field as an error, and sends nothing', async () => {
    const posts: string[] = [];
    editor.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/transitions')) posts.push(r.url());
    });
    await editor.getByRole('button', { name: cjk('提交') }).click();
    await expectText(editor.locator('.ant-message'), /不能提交/);
    const checklist = editor.locator('[data-checklist="missing"]');
    await expectText(checklist, /^还需填写 \d+ 项，填写后才能提交$/);
    await expectText(editor.locator('[data-field-messages="selfEvaluation.methodAndProcess"]'), '请填写');
    await expectText(editor.locator('[data-field-messages="problems.measures"]'), '请填写改进措施');
    expect(await fieldErrors(editor).count()).toBeGreaterThan(5);
    expect(posts).toEqual([]);
    // now the button says why it waits
    expect(await editor.getByRole('button', { name: cjk('提交') }).isDisabled()).toBe(true);
  });
});
