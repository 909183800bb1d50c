import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { cjk, failedResponse, screenshot } from './support/browser';
import { confirmIn, expectText, savedPart, statusIs, tab } from './support/journey';
import { browserJourney } from './support/browser-journey';

/**
 * The web app in headless Chromium against the built api and worker on a fresh seeded database:
 * the 赵县总工会 2024 draft goes editor → reviewer → editor → approver, as
 * each of them would click it, and ends as a PDF. Each step also fails on any console error or
 * uncaught exception in any page, and the main screens are saved as screenshots.
 */
describe('web: the review journey in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;
  let editor: Page;
  let reportId: string;
  const RETURN_REASON = '请补充“存在的问题及改进措施”中的具体整改时限。';
  const COMMENT = '改进措施没有写明完成时限，请补充。';
  const REPLY = '已补充：2025年6月底前完成预算编制细化。';
  const OPINION = '同意。请于次年一季度报送整改情况。';
  const run = promisify(execFile);

  step('the editor signs in, finds the 2024 draft under 我的报告 and submits it', async () => {
    editor = journey.users.keep(await journey.users.anonymous('zhaoxian.union.editor'));
    await screenshot(editor, 'login');
    await journey.users.signIn(editor, 'zhaoxian.union.editor');

    await editor.getByRole('menuitem', { name: '我的报告' }).click();
    const row2024 = editor.getByRole('row', { name: /2024 部门整体/ });
    await row2024.waitFor();
    await expectText(row2024, '草稿');
    await screenshot(editor, 'my-reports');

    await row2024.getByRole('link', { name: '编辑' }).click();
    await editor.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();
    reportId = editor.url().split('/reports/')[1] as string;
    await editor.getByText('五、存在的问题及改进措施').first().waitFor();

    // a slip while drafting: 82 typed as 28; the rule names the budget total, the list jumps to it
    const line2 = editor.getByRole('textbox', { name: '项目预算明细第2行 年初预算数' });
    await line2.fill('28');
    const errors = editor.getByRole('list', { name: '错误列表' });
    await errors.waitFor();
    await editor.getByText('还有 1 处错误，改正后才能提交').waitFor();
    expect(await editor.getByRole('button', { name: cjk('提交') }).isDisabled()).toBe(true);
    // by keyboard: the jump is a button like any other
    await errors.getByRole('button', { name: /定位到.*项目支出.*年初预算数/ }).focus();
    await editor.keyboard.press('Enter');
    const total = editor.getByRole('textbox', { name: '项目支出 年初预算数' });
    expect(await total.evaluate((el) => el === document.activeElement)).toBe(true);
    const beside = editor.locator('[data-field-messages="budget.expenditure.project.budget"]');
    await expectText(beside, /项目预算明细合计 124\.646/);
    await savedPart(editor, 'budget');
    await screenshot(editor, 'editor-error');

    await line2.fill('82');
    await errors.waitFor({ state: 'detached' });
    expect(await beside.count()).toBe(0);
    await savedPart(editor, 'budget');
    await screenshot(editor, 'editor');

    await editor.getByRole('button', { name: cjk('提交') }).click();
    await confirmIn(editor, '提交');
    await editor.getByText('已提交（第 1 版）').waitFor();
    await statusIs(editor, '已提交');
  });

  step('the reviewer opens it from 待审报告, comments on it and returns it with a reason', async () => {
    const reviewer = await journey.users.as('zhaoxian.finance.reviewer');
    // the finance bureau's home lists what waits for it; 县级概览 is one click away
    await reviewer.getByText('待审报告（', { exact: false }).first().waitFor();
    await reviewer.getByRole('menuitem', { name: '县级概览' }).click();
    await reviewer.getByRole('heading', { name: '县级概览' }).waitFor();
    const union = reviewer.getByRole('row', { name: /赵县总工会/ });
    await expectText(union, '已提交');
    // the charts come in a chunk of their own, after the figures; each is an image described in words
    await reviewer.getByRole('img', { name: /^等级分布：/ }).waitFor();
    await screenshot(reviewer, 'dashboard');
    await reviewer.getByRole('menuitem', { name: '待审报告' }).click();
    const row = reviewer.getByRole('row', { name: /赵县总工会.*2024/ }).filter({ hasText: '部门整体' });
    await expectText(row, '已提交');
    await screenshot(reviewer, 'review-queue');
    await row.getByRole('link', { name: '审核' }).click();
    await reviewer.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();

    await reviewer.getByRole('button', { name: '开始审核' }).click();
    await confirmIn(reviewer, '开始审核');
    await reviewer.getByText('已开始审核').waitFor();

    await tab(reviewer, /审核意见/).click();
    await reviewer.getByLabel('报告部分').click();
    // the visible options of an antd Select carry their label as title (the role="option" copies are hidden)
    await reviewer.locator('.ant-select-dropdown').getByTitle('五、存在的问题及改进措施', { exact: true }).click();
    await reviewer.getByLabel('意见', { exact: true }).fill(COMMENT);
    await reviewer.getByRole('button', { name: '添加意见' }).click();
    await reviewer.getByText('已添加意见').waitFor();
    await reviewer.getByRole('tabpanel').getByText(COMMENT).waitFor();
    await screenshot(reviewer, 'comments');

    await reviewer.getByRole('button', { name: '退回修改' }).click();
    const dialog = reviewer.getByRole('dialog');
    await expectText(dialog, COMMENT); // the open comment goes with the return
    await dialog.getByLabel('退回修改原因').fill(RETURN_REASON);
    await confirmIn(reviewer, '退回修改');
    await reviewer.getByText('已退回修改', { exact: true }).waitFor();
  });

  step('the editor sees the reason and the comment, replies, corrects the report and submits again', async () => {
    await editor.reload();
    await editor.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();
    const notice = editor.getByRole('alert').filter({ hasText: '退回' });
    await expectText(notice, RETURN_REASON);
    await expectText(notice, '还有 1 条未解决的审核意见');

    await tab(editor, /审核意见/).click();
    const thread = editor.getByRole('tabpanel').getByRole('article', { name: /五、存在的问题及改进措施/ });
    await expectText(thread, COMMENT);
    await thread.getByRole('button', { name: cjk('回复') }).click();
    await thread.getByLabel('回复内容').fill(REPLY);
    await thread.getByRole('button', { name: '发送回复' }).click();
    await editor.getByText('已回复').waitFor();
    await expectText(thread, REPLY);

    // the correction is typed into the editor, where the comment stands beside its part, and saved by itself
    await tab(editor, '报告内容').click();
    await editor.locator('#part-problems').getByText(COMMENT).waitFor();
    const measures = editor.getByRole('textbox', { name: '改进措施', exact: true });
    await measures.fill(`${await measures.inputValue()}2025年6月底前完成预算编制细化。`);
    await savedPart(editor, 'problems');
    await editor.getByRole('button', { name: cjk('提交') }).click();
    await confirmIn(editor, '提交');
    await editor.getByText('已提交（第 2 版）').waitFor();
  });

  step(
    'the approver sees what changed under 修改对比, approves with an 审批意见, and downloads the PDF that prints it',
    async () => {
      const approver = await journey.users.as('zhaoxian.finance.approver');
      await approver.getByRole('menuitem', { name: '待审报告' }).click();
      await approver
        .getByRole('row', { name: /赵县总工会.*2024/ })
        .filter({ hasText: '部门整体' })
        .getByRole('link', { name: '审核' })
        .click();
      await approver.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();
      expect(approver.url()).toMatch(new RegExp(`/reports/${reportId}$`)); // the one the editor drafted

      await tab(approver, '修改对比').click();
      const change = approver.getByRole('tabpanel').getByRole('row', { name: /五、存在的问题及改进措施/ });
      await expectText(change, '2025年6月底前完成预算编制细化');
      await screenshot(approver, 'diff');

      await approver.getByRole('button', { name: '审核通过' }).click();
      await approver.getByRole('dialog').getByRole('textbox', { name: '审批意见（可不填）' }).fill(OPINION);
      await confirmIn(approver, '审核通过');
      await approver.getByText('已审核通过').waitFor();
      await statusIs(approver, '已通过');

      await tab(approver, '流程记录').click();
      await approver.getByRole('tabpanel').getByText(RETURN_REASON).waitFor();
      await approver.getByRole('tabpanel').getByText(OPINION).waitFor();
      await screenshot(approver, 'history');

      await tab(approver, '正式文档').click();
      const downloaded = approver.waitForEvent('download', { timeout: 60000 });
      await approver.getByRole('button', { name: '生成并下载 PDF' }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // the approval opinion is printed on the approved PDF (read back with poppler-utils)
      const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
      expect(stdout.replace(/\s+/g, '')).toContain(OPINION);
      await approver.getByRole('tabpanel').getByText('已生成').first().waitFor();
      await screenshot(approver, 'documents');
    },
    120000,
  );

  step(
    'next year the editor starts the 2025 report from the approved 2024 one, and sees what was carried over',
    async () => {
      await editor.getByRole('menuitem', { name: '我的报告' }).click();
      await editor.getByRole('button', { name: /新建报告/ }).click();
      const dialog = editor.getByRole('dialog', { name: '新建绩效自评报告' });
      await expectText(dialog, '2025 年度');
      await dialog.getByRole('button', { name: '新建并打开' }).click();
      await editor.getByRole('heading', { name: '赵县总工会2025年度自评报告' }).waitFor();
      const notice = editor.getByRole('alert').filter({ hasText: '已根据上一年度通过的报告预填以下内容' });
      await notice.waitFor();
      expect(await notice.getByRole('listitem').count()).toBeGreaterThan(0);
      // the department and its team come over; this year's figures are left to fill in
      expect(await editor.getByRole('textbox', { name: '部门名称' }).inputValue()).toBe('赵县总工会');
      await screenshot(editor, 'new-report');
    },
  );

  step('a stale autosave shows both versions, and the user keeps theirs without losing a word', async () => {
    // the same returned report open in two windows of the 卫生健康局 editor
    const first = await journey.users.as('luancheng.health.editor');
    const second = await journey.users.as('luancheng.health.editor');
    for (const page of [first, second]) {
      await page.getByRole('menuitem', { name: '我的报告' }).click();
      await page
        .getByRole('row', { name: /已退回/ })
        .getByRole('link', { name: '处理意见' })
        .click();
      await page.getByRole('textbox', { name: '改进措施', exact: true }).waitFor();
    }
    const MINE = '（第二个窗口补充）建立季度绩效监控台账。';
    const THEIRS = '（第一个窗口补充）下半年开展一次绩效运行监控。';
    const measures = (page: Page) => page.getByRole('textbox', { name: '改进措施', exact: true });
    const before = await measures(first).inputValue();

    await measures(first).fill(before + THEIRS);
    await savedPart(first, 'problems');
    await measures(second).fill(before + MINE);

    const dialog = second.getByRole('dialog', { name: /改进措施|内容已被他人修改/ });
    await dialog.waitFor();
    await expectText(dialog, THEIRS);
    await expectText(dialog, MINE);
    await second.locator('#part-problems [data-save-status="conflict"]').waitFor();
    await screenshot(second, 'conflict');
    await dialog.getByRole('button', { name: '保留我的版本' }).click();
    await dialog.waitFor({ state: 'detached' });
    await savedPart(second, 'problems');

    await first.reload();
    expect(await measures(first).inputValue()).toBe(before + MINE);
    // the browser logs the refused save (412) itself; nothing else may have gone wrong
    expect(journey.users.unexpectedProblems(failedResponse(412, /\/parts\/problems$/))).toEqual([]);
  });

  step("a department user cannot open another department's report by its address", async () => {
    const reviewer = await journey.stack.apiAs('luancheng.finance.reviewer');
    const list = (await (await fetch(`${journey.stack.base}/api/reports`, { headers: reviewer })).json()) as {
      items: Array<{ id: string; departmentName: string }>;
    };
    const education = list.items.find((r) => r.departmentName === '栾城区教育局');
    expect(education).toBeDefined();
    const url = `${journey.stack.base}/reports/${education?.id}`;
    const itsApi = new RegExp(`/api/reports/${education?.id}(/|$)`);

    // another county's report: 404, "不存在，或您无权查看"
    await editor.goto(url);
    await editor.getByText('报告不存在', { exact: true }).waitFor();
    await editor.getByText('该报告不存在，或您无权查看。').waitFor();
    await expectNoReportContent(editor);

    // another department of the same county: refused (403)
    const health = await journey.users.as('luancheng.health.editor');
    await health.goto(url);
    await health
      .getByRole('alert')
      .filter({ hasText: /无权|没有.*权限|不存在/ })
      .waitFor();
    await expectNoReportContent(health);

    expect(journey.users.unexpectedProblems(failedResponse(404, itsApi), failedResponse(403, itsApi))).toEqual([]);
  });

  step('fits a tablet: the editor and the overview at 768 px wide scroll down, never sideways', async () => {
    const tablet = { width: 768, height: 1024 };
    const editorPage = await journey.users.as('luancheng.health.editor', tablet);
    await editorPage.getByRole('menuitem', { name: '我的报告' }).click();
    await editorPage
      .getByRole('row', { name: /已退回/ })
      .getByRole('link', { name: '处理意见' })
      .click();
    await editorPage.getByRole('textbox', { name: '项目支出 年初预算数' }).waitFor();
    expect(await overflowsSideways(editorPage)).toBe(false);
    await screenshot(editorPage, 'tablet-editor');

    const reviewer = await journey.users.as('luancheng.finance.reviewer', tablet);
    await reviewer.getByRole('menuitem', { name: '县级概览' }).click();
    await reviewer.getByRole('heading', { name: '县级概览' }).waitFor();
    await reviewer.getByRole('row', { name: /栾城区卫生健康局/ }).waitFor();
    expect(await overflowsSideways(reviewer)).toBe(false);
  });

  step('the county administrator sees 设置 and 用户管理', async () => {
    const admin = await journey.users.as('zhaoxian.admin');
    await admin.getByRole('menuitem', { name: '设置' }).click();
    await admin.getByRole('heading', { name: '设置' }).waitFor();
    await admin.getByText('评价等级划分', { exact: true }).waitFor();
    await screenshot(admin, 'settings');
    await admin.getByRole('menuitem', { name: '用户管理' }).click();
    await admin.getByRole('row', { name: /zhaoxian\.union\.editor/ }).waitFor();
    await screenshot(admin, 'users');
  });
});

/** Whether the page is wider than the window (wide tables may scroll inside themselves, the page may not). */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

async function expectNoReportContent(page: Page): Promise<void> {
  expect(await page.getByRole('tab').count()).toBe(0);
  expect(await page.getByText('栾城区教育局').count()).toBe(0);
  expect(await page.getByRole('button', { name: cjk('提交') }).count()).toBe(0);
}
