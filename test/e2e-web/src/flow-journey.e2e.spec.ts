import type { Page } from 'playwright-core';
import { cjk, screenshot } from './support/browser';
import { browserJourney } from './support/browser-journey';
import { confirmIn, expectText, statusIs, tab } from './support/journey';

/**
 * The workflow as people meet it: a comment's field is a link that leads to the field; the department
 * withdraws a submission with a reason and submits again, with the evaluation team's confirmation asked
 * in the submit dialog; a password an administrator set is changed at first sign-in.
 */
describe('web: comments that lead somewhere, withdrawal, forced password change', () => {
  const journey = browserJourney();
  const step = journey.step;

  /** Opens the department's 2024 部门整体 report from 我的报告 by the row's link (编辑, 处理意见, 查看). */
  async function openOwnReport(page: Page, status: RegExp) {
    await page.getByRole('menuitem', { name: '我的报告' }).click();
    const row = page.getByRole('row', { name: status }).filter({ hasText: '部门整体' }).first();
    await row.waitFor();
    await row.getByRole('link').first().click();
    await page.getByRole('tab', { name: '报告内容' }).waitFor();
  }

  step("a comment's field is a link: it shows the content, scrolls to the field and marks it", async () => {
    const editor = await journey.users.as('luancheng.health.editor');
    await openOwnReport(editor, /已退回/);
    await tab(editor, /审核意见/).click();
    const thread = editor.getByRole('tabpanel').getByRole('article', { name: /项目预算明细 第3行 · 年初预算数/ });
    const link = thread.getByRole('link', { name: /项目预算明细 第3行 · 年初预算数/ });
    expect(await link.getAttribute('href')).toBe('#field-budget-lines-2-amount');
    await link.click();

    // the content tab is shown and the field itself is where the comment pointed
    expect(await tab(editor, '报告内容').getAttribute('aria-selected')).toBe('true');
    await editor.locator('#field-budget-lines-2-amount[data-located="budget.lines.2.amount"]').waitFor();
    await editor.waitForFunction(() => document.activeElement?.id === 'field-budget-lines-2-amount');
    await editor.waitForFunction(() => {
      const box = document.getElementById('field-budget-lines-2-amount')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await screenshot(editor, 'comment-located');
  });

  let reportId = '';

  step('the editor submits, confirming the evaluation team by name; the editor cannot withdraw', async () => {
    const editor = await journey.users.as('zhaoxian.union.editor');
    await openOwnReport(editor, /草稿/);
    reportId = editor.url().split('/reports/')[1] as string;
    await editor.getByRole('button', { name: cjk('提交') }).click();
    const dialog = editor.getByRole('dialog');
    const team = dialog.getByRole('checkbox', { name: /^评价工作组成员（.+）已确认本报告内容$/ });
    await team.check();
    await screenshot(editor, 'submit-dialog');
    await confirmIn(editor, '提交');
    await editor.getByText('已提交（第 1 版）').waitFor();
    await statusIs(editor, '已提交');
    // only the head withdraws: the editor's 撤回 says so
    const withdraw = editor.getByRole('button', { name: cjk('撤回') });
    expect(await withdraw.isDisabled()).toBe(true);
    expect(await withdraw.getAttribute('aria-description')).toContain('请部门负责人');
  });

  const WITHDRAW_REASON = '发现年末实有人数填错，撤回修改后重新提交。';

  step('the head withdraws it with a reason, which the history keeps; the editor submits again', async () => {
    const head = await journey.users.as('zhaoxian.union.head');
    await head.goto(`${journey.stack.base}/reports/${reportId}`);
    await head.getByRole('button', { name: cjk('撤回') }).click();
    const dialog = head.getByRole('dialog');
    await dialog.getByRole('button', { name: cjk('撤回') }).click();
    await expectText(dialog, '请填写撤回的原因');
    await dialog.getByLabel('撤回原因').fill(WITHDRAW_REASON);
    await confirmIn(head, '撤回');
    await head.getByText('已撤回', { exact: true }).waitFor();
    await statusIs(head, '草稿');
    await tab(head, '流程记录').click();
    const withdrawal = head.locator('[data-action="withdraw"]');
    await expectText(withdrawal, `撤回原因：${WITHDRAW_REASON}`);
    // the first submission recorded the team's confirmation, by the editor who was asked
    const revisions = head.getByRole('region', { name: '提交版本' });
    await expectText(revisions, /由 .+ 于 .+ 确认/);
    await screenshot(head, 'withdrawn');

    const editor = await journey.users.as('zhaoxian.union.editor');
    await editor.goto(`${journey.stack.base}/reports/${reportId}`);
    await editor.getByRole('button', { name: cjk('提交') }).click();
    await confirmIn(editor, '提交');
    await editor.getByText('已提交（第 2 版）').waitFor();
    await statusIs(editor, '已提交');
  });

  step('a user whose password the administrator set changes it before anything else', async () => {
    const admin = await journey.stack.apiAs('zhaoxian.admin');
    const departments = (await (
      await fetch(`${journey.stack.base}/api/departments`, { headers: admin })
    ).json()) as Array<{
      id: string;
      name: string;
    }>;
    const union = departments.find((d) => d.name === '赵县总工会');
    const created = await fetch(`${journey.stack.base}/api/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        username: 'zhaoxian.union.clerk',
        displayName: '工会文员',
        departmentId: union?.id,
        roles: ['dept_editor'],
        password: 'Given#ByAdmin-2025',
      }),
    });
    expect(created.status).toBe(201);

    const clerk = await journey.users.anonymous('zhaoxian.union.clerk');
    await clerk.getByLabel('用户名').fill('zhaoxian.union.clerk');
    await clerk.getByLabel('密码').fill('Given#ByAdmin-2025');
    await clerk.getByRole('button', { name: cjk('登录') }).click();
    await clerk.getByRole('heading', { name: '请先修改密码' }).waitFor();
    // nothing else of the app until then
    expect(await clerk.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
    await screenshot(clerk, 'forced-password-change');
    await clerk.getByLabel('当前密码').fill('Given#ByAdmin-2025');
    await clerk.getByLabel('新密码', { exact: true }).fill('Clerk#Own-Secret9');
    await clerk.getByLabel('确认密码').fill('Clerk#Own-Secret9');
    await clerk.getByRole('button', { name: '确认修改' }).click();
    await clerk.getByRole('navigation', { name: '主菜单' }).waitFor();
    await clerk.getByRole('menuitem', { name: '我的报告' }).click();
    await clerk.getByRole('row', { name: /2024/ }).first().waitFor();
  });
});
