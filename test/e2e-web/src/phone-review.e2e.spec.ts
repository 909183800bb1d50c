import type { Locator, Page } from 'playwright-core';
import { browserJourney } from './support/browser-journey';
import { cjk, PHONE, screenshot } from './support/browser';

/** A tablet held upright. */
const TABLET = { width: 768, height: 1024 };
import { confirmIn, statusIs, tab } from './support/journey';

/** The page is no wider than the viewport: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Scrolled to, the control lies wholly inside the viewport's width (so a thumb can reach it). */
async function expectReachable(page: Page, control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
}

/** Opens the header's menu and taps an entry. */
async function goTo(page: Page, entry: string): Promise<void> {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('dialog').getByRole('menuitem', { name: entry }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/**
 * The finance bureau on a phone (390 × 844): 栾城区总工会's 项目自评表 under review is found in the queue,
 * read (content, checks, comments) and acted on, without the page ever scrolling sideways.
 */
describe('web: the review on a phone', () => {
  const journey = browserJourney();
  const step = journey.step;
  const COMMENT = '“参与职工人次”的实际完成值请附签到表。';

  step('the reviewer reads the report, its checks and comments, comments on it and can return it', async () => {
    const reviewer = await journey.users.as('luancheng.finance.reviewer', PHONE);
    // the header: product, menu button and bell; no sidebar
    expect(await reviewer.locator('.ant-layout-sider').count()).toBe(0);
    await expectNoSidewaysScroll(reviewer);

    await goTo(reviewer, '待审报告');
    await reviewer.getByRole('heading', { name: '待审报告' }).waitFor();
    const card = reviewer.locator('.table-cards tr.ant-table-row').filter({ hasText: '栾城区总工会' }).first();
    await card.waitFor();
    await expectNoSidewaysScroll(reviewer);
    await screenshot(reviewer, 'phone-review-queue');
    const open = card.getByRole('link', { name: '审核' });
    await expectReachable(reviewer, open);
    await open.click();

    await reviewer.getByRole('heading', { name: /栾城区总工会2024年度/ }).waitFor();
    await reviewer.locator('section[id^="part-"]').first().waitFor();
    await expectNoSidewaysScroll(reviewer);
    // the checks' summary, and the 绩效指标 as cards whose 实际完成值 and 得分 are on screen
    await reviewer
      .getByText(/^检查结果：|^全部检查通过$/)
      .first()
      .waitFor();
    await expectReachable(reviewer, reviewer.locator('.table-cards td[data-label="实际完成值"]').first());
    await expectReachable(reviewer, reviewer.locator('.table-cards td[data-label="得分"]').first());
    await screenshot(reviewer, 'phone-report');

    // a comment, written and read on the phone
    await tab(reviewer, /审核意见/).click();
    await reviewer.getByLabel('报告部分').click();
    await reviewer.locator('.ant-select-dropdown').getByTitle('项目资金和绩效指标', { exact: true }).click();
    await reviewer.getByLabel('意见', { exact: true }).fill(COMMENT);
    const add = reviewer.getByRole('button', { name: '添加意见' });
    await expectReachable(reviewer, add);
    await add.click();
    await reviewer.getByText('已添加意见').waitFor();
    await reviewer.getByRole('tabpanel').getByText(COMMENT).waitFor();
    await expectNoSidewaysScroll(reviewer);
    await screenshot(reviewer, 'phone-comments');

    // 退回修改 is reachable; its dialog fits the screen, names the open comment and can be left
    const giveBack = reviewer.getByRole('button', { name: '退回修改' });
    await expectReachable(reviewer, giveBack);
    await giveBack.click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByText(COMMENT).first().waitFor();
    await expectReachable(reviewer, dialog.getByLabel('退回修改原因'));
    await expectReachable(reviewer, dialog.getByRole('button', { name: cjk('退回修改') }));
    await expectNoSidewaysScroll(reviewer);
    await dialog.getByRole('button', { name: cjk('取消') }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  step('the approver approves it on the phone', async () => {
    const approver = await journey.users.as('luancheng.finance.approver', PHONE);
    await goTo(approver, '待审报告');
    const card = approver.locator('.table-cards tr.ant-table-row').filter({ hasText: '栾城区总工会' }).first();
    await card.getByRole('link', { name: '审核' }).click();
    await approver.getByRole('heading', { name: /栾城区总工会2024年度/ }).waitFor();
    await tab(approver, /审核意见/).click();
    await approver.getByRole('tabpanel').getByText(COMMENT).waitFor();
    await expectNoSidewaysScroll(approver);

    const approve = approver.getByRole('button', { name: '审核通过' });
    await expectReachable(approver, approve);
    await approve.click();
    await confirmIn(approver, '审核通过');
    await approver.getByText('已审核通过', { exact: true }).waitFor();
    await statusIs(approver, '已通过');
    await expectNoSidewaysScroll(approver);
    await screenshot(approver, 'phone-approved');
  });

  step(
    "on a tablet (768 px) the editor sees the indicators' key columns and opens the rest of a row with 更多",
    async () => {
      const editor = await journey.users.as('zhaoxian.union.editor', TABLET);
      await editor.getByRole('menuitem', { name: '我的报告' }).click();
      await editor
        .getByRole('row', { name: /2024 部门整体/ })
        .getByRole('link', { name: '编辑' })
        .click();
      await editor.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();
      await expectNoSidewaysScroll(editor);
      for (const column of ['三级指标', '年度指标值', '实际完成值', '分值', '得分']) {
        await expectReachable(editor, editor.getByRole('textbox', { name: `绩效指标第1个 ${column}` }));
      }
      expect(await editor.getByRole('textbox', { name: '绩效指标第1个 一级指标' }).count()).toBe(0);
      await editor.getByRole('button', { name: '绩效指标第1个的其他字段' }).click();
      await expectReachable(editor, editor.getByRole('textbox', { name: '绩效指标第1个 一级指标' }));
      await expectReachable(editor, editor.getByRole('textbox', { name: '绩效指标第1个 偏差原因分析及改进措施' }));
      await expectNoSidewaysScroll(editor);
      await screenshot(editor, 'tablet-indicators');
    },
  );
});
