import { readFile } from 'node:fs/promises';
import { Workbook, type Worksheet } from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { cjk, screenshot } from './support/browser';
import { confirmIn, expectText, tab } from './support/journey';
import { browserJourney } from './support/browser-journey';

/**
 * The finance bureau's year in headless Chromium against the built api and worker on a fresh seeded
 * database. 抽评: the 赵县 reviewer draws a 2024 batch at random with a stated seed, writes a finding and
 * two 整改事项 on the picked 项目支出绩效自评表 (one already past due); the 赵县总工会 editor sees the overdue
 * one on the home page, answers the other with text and a PDF, and the reviewer closes it. 随决算公开: the
 * approver publishes the approved 2023 report, the public page of 赵县 (no sign-in) lists it and serves
 * its PDF, and after a withdrawal it is gone. 复核评分: the reviewer re-scores an indicator of the picked
 * table, the approver approves it, the department then sees 自评 / 复核 / 差异, and the 汇总表 downloaded from
 * 县级概览 carries the re-score.
 */
describe('web: 抽评 with 整改 and 随决算公开, in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;
  let reviewer: Page;
  let approver: Page;
  let visitor: Page;
  let reportId: string;
  const YEAR = 2024;
  const SEED = '20240417';
  const RULE = `随机抽取 50%，种子 ${SEED}`;
  const PROJECT = '2024年困难职工及劳模帮扶救助专项资金（省级）';
  const FINDING = '慰问对象名单未经公示，发放记录缺少领取人签字。';
  const ITEM = '补齐慰问金发放签领记录并在单位内公示';
  const OWNER = '赵县总工会办公室 王明';
  const LATE_ITEM = '建立困难职工动态台账';
  const ANSWER = '已补齐全部 86 份签领记录，并于单位公示栏公示 5 个工作日。';
  const EVIDENCE = '签领记录汇总.pdf';
  const WITHDRAWAL = '决算数据更正，更正后重新公开。';
  const RESCORE_NOTE = '部分签领记录缺失，扣 1 分。';
  /** the re-score's totals as the API answered them after saving */
  let rescored: { self: string; reScore: string; difference: string; final: string };
  /** The county's 行政区划代码: the address of its public page. */
  const ZHAOXIAN = '130133';

  const itemCard = (page: Page, title: string): Locator =>
    page.locator('[data-testid^="rectification-"]').filter({ hasText: title });

  step('the reviewer draws a 2024 抽评 batch at random with a stated seed, previewed before it is saved', async () => {
    reviewer = journey.users.keep(await journey.users.as('zhaoxian.finance.reviewer'));
    await reviewer.getByRole('menuitem', { name: '抽评' }).click();
    await reviewer.getByRole('heading', { name: '抽评', exact: true }).waitFor();
    await chooseYear(reviewer, YEAR);
    await reviewer.getByText('本年度尚无抽评批次').waitFor();

    await reviewer.getByRole('button', { name: '新建抽评' }).click();
    const dialog = reviewer.getByRole('dialog', { name: `新建抽评（${YEAR}年度）` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: '随机抽取' }).check();
    await dialog.getByLabel('抽取比例').fill('50');
    await dialog.getByLabel('随机种子').fill(SEED);
    await dialog.getByRole('button', { name: cjk('预览') }).click();
    // the rule is read back with its seed; of the year's one submitted report, 50% rounds to that one
    await expectText(dialog, `${RULE}：在 1 份可抽评报告中选中 1 份`);
    const picked = dialog.getByRole('row', { name: new RegExp(`赵县总工会 · ${PROJECT}`) });
    await expectText(picked, '已提交');
    await screenshot(reviewer, 'spot-check-batch');
    await dialog.getByRole('button', { name: '保存批次' }).click();
    await dialog.waitFor({ state: 'detached' });

    const batch = reviewer.getByRole('row', { name: new RegExp(`${YEAR}年度重点绩效评价`) });
    await expectText(batch, RULE);
    await expectText(batch, '尚无整改事项');
    await batch.getByRole('button', { name: /展开/ }).click();
    await reviewer
      .getByRole('row', { name: new RegExp(PROJECT) })
      .getByRole('link', { name: '查看' })
      .click();
    await reviewer.waitForURL(/\/reports\/[^/]+$/);
    reportId = reviewer.url().split('/reports/')[1] as string;
  });

  step('on the picked report the reviewer records a finding and two 整改事项, one already past due', async () => {
    await tab(reviewer, '抽评整改').click();
    const panel = reviewer.getByRole('tabpanel');
    await expectText(panel, RULE); // the batch's rule stands on the report too
    await panel.getByLabel('新的问题').fill(FINDING);
    await panel.getByRole('button', { name: '添加问题' }).click();
    await expectText(panel, `1. ${FINDING}`);

    await proposeItem(reviewer, ITEM, OWNER, chinaDate(30));
    await itemCard(reviewer, ITEM).getByText('待整改').waitFor();
    // the due date passed ten days ago: the card says so in red
    await proposeItem(reviewer, LATE_ITEM, OWNER, chinaDate(-10));
    await itemCard(reviewer, LATE_ITEM).getByText('已逾期').waitFor();
    await expectText(panel, '整改事项（2 项，其中 1 项已逾期）');
    expect(await itemCard(reviewer, ITEM).getByText('已逾期').count()).toBe(0);

    // 县级概览 counts the open items of the department and the overdue one in red
    await reviewer.getByRole('menuitem', { name: '县级概览' }).click();
    await reviewer.getByText('未办结整改事项（逾期 1）').waitFor();
    const union = reviewer.getByRole('row', { name: /赵县总工会/ });
    await expectText(union, '未办结 2');
    await expectText(union, '逾期 1');
    // and the 抽评 page lists it under 逾期未办结
    await reviewer.getByRole('menuitem', { name: '抽评' }).click();
    // the overview's own 年度 select stays until the new page is in: wait for the page first
    await reviewer.getByRole('heading', { name: '抽评', exact: true }).waitFor();
    await chooseYear(reviewer, YEAR);
    const overdue = reviewer.locator('.ant-card').filter({ hasText: '逾期未办结的整改事项（1）' });
    await expectText(overdue, LATE_ITEM);
    await expectText(reviewer.getByRole('row', { name: new RegExp(`${YEAR}年度重点绩效评价`) }), '逾期 1');
  });

  step('the department editor finds the overdue item on the home page and answers the other with a PDF', async () => {
    const editor = await journey.users.as('zhaoxian.union.editor');
    const inbox = editor.locator('.ant-card').filter({ hasText: '逾期未办结的整改事项（1）' });
    await expectText(inbox, `${LATE_ITEM}（责任人 ${OWNER}，期限 ${chinaDate(-10)}）`);
    await inbox.getByRole('link', { name: '赵县总工会' }).click();
    await editor.waitForURL(new RegExp(`/reports/${reportId}$`));

    await tab(editor, '抽评整改').click();
    const panel = editor.getByRole('tabpanel');
    await expectText(panel, FINDING);
    const card = itemCard(editor, ITEM);
    await expectText(card, OWNER);
    // the department answers; it neither closes nor proposes
    expect(await card.getByRole('button', { name: cjk('办结') }).count()).toBe(0);
    expect(await panel.getByText('提出整改事项').count()).toBe(0);

    await card
      .getByLabel('上传佐证材料')
      .setInputFiles({ name: EVIDENCE, mimeType: 'application/pdf', buffer: tinyPdf() });
    await editor.getByText('已上传佐证材料').waitFor();
    await card.getByRole('button', { name: EVIDENCE }).waitFor();

    await card.getByRole('button', { name: cjk('答复') }).click();
    const dialog = editor.getByRole('dialog', { name: '答复整改事项' });
    await dialog.getByLabel('整改情况').fill(ANSWER);
    await dialog.getByLabel('佐证材料说明').fill('签领记录 86 份及公示照片');
    await confirmIn(editor, '提交答复');
    await card.getByText('已答复', { exact: true }).waitFor();
    await expectText(card, ANSWER);
  });

  step('the reviewer sees 已答复 with the evidence, downloads it and closes the item (已办结)', async () => {
    await reviewer.goto(`${journey.stack.base}/reports/${reportId}`);
    await tab(reviewer, '抽评整改').click();
    const card = itemCard(reviewer, ITEM);
    await card.getByText('已答复', { exact: true }).waitFor();
    await expectText(card, ANSWER);

    const downloaded = reviewer.waitForEvent('download');
    await card.getByRole('button', { name: EVIDENCE }).click();
    const bytes = await readFile(await (await downloaded).path());
    expect(bytes.equals(tinyPdf())).toBe(true);

    await card.getByRole('button', { name: cjk('办结') }).click();
    await card.getByText('已办结', { exact: true }).waitFor();
    await expectText(card, /赵县财政局审核人 办结$/); // a line of its history, with who closed it
    expect(await card.getByRole('button', { name: cjk('办结') }).count()).toBe(0);
    await screenshot(reviewer, 'rectification');
  });

  step('the department sees it closed and can no longer answer it', async () => {
    const head = await journey.users.as('zhaoxian.union.head');
    await head.goto(`${journey.stack.base}/reports/${reportId}`);
    await tab(head, '抽评整改').click();
    const card = itemCard(head, ITEM);
    await card.getByText('已办结', { exact: true }).waitFor();
    await expectText(card, ANSWER);
    expect(await card.getByRole('button', { name: cjk('答复') }).count()).toBe(0);
    // the overdue one is still open, and still answerable
    await itemCard(head, LATE_ITEM)
      .getByRole('button', { name: cjk('答复') })
      .waitFor();
  });

  step('the reviewer re-scores the first indicator of the picked table beside its self-score', async () => {
    await reviewer.goto(`${journey.stack.base}/reports/${reportId}`);
    await tab(reviewer, '复核评分').click();
    const panel = reviewer.getByRole('tabpanel');
    const score = panel.getByRole('textbox', { name: /^第 1 项指标.*的复核得分$/ });
    // one point below the row's 分值 (the placeholder says 0–分值)
    const weight = Number(((await score.getAttribute('placeholder')) ?? '').split('–')[1]);
    expect(weight).toBeGreaterThanOrEqual(1);
    await score.fill(String(weight - 1));
    await panel.getByRole('textbox', { name: /^第 1 项指标.*的复核说明$/ }).fill(RESCORE_NOTE);
    // the totals follow the keystroke, before anything is saved
    const totals = panel.getByRole('region', { name: '复核评分合计' });
    await expectText(totals, '得分差（自评 − 复核）');
    await panel.getByRole('button', { name: '保存复核评分' }).click();
    await reviewer.getByText('复核评分已保存').waitFor();
    const res = await fetch(`${journey.stack.base}/api/reports/${reportId}/rescore`, {
      headers: await journey.stack.apiAs('zhaoxian.finance.reviewer'),
    });
    rescored = (await res.json()).totals;
    expect(rescored.reScore).not.toBeNull();
    expect(Number(rescored.difference)).toBeGreaterThan(0);
    await expectText(totals, rescored.reScore);
  });

  step('the approver approves it; the department then sees 自评, 复核 and 差异', async () => {
    const approve = await journey.users.as('zhaoxian.finance.approver');
    await approve.goto(`${journey.stack.base}/reports/${reportId}`);
    await approve.getByRole('button', { name: '审核通过' }).click();
    await confirmIn(approve, '审核通过');
    await approve.getByText('已审核通过').waitFor();

    const editor = await journey.users.as('zhaoxian.union.editor');
    await editor.goto(`${journey.stack.base}/reports/${reportId}`);
    await tab(editor, '复核评分').click();
    const panel = editor.getByRole('tabpanel');
    await expectText(panel, RESCORE_NOTE);
    const totals = panel.getByRole('region', { name: '复核评分合计' });
    await expectText(totals, rescored.reScore);
    await expectText(totals, rescored.difference);
    // read only for the department
    expect(await panel.getByRole('button', { name: '保存复核评分' }).count()).toBe(0);
  });

  step('the 汇总表 downloaded from 县级概览 carries the re-score beside the self-score', async () => {
    await reviewer.getByRole('menuitem', { name: '县级概览' }).click();
    await reviewer.getByText(/赵县 2024 年度各预算部门/).waitFor();
    const downloaded = reviewer.waitForEvent('download');
    await reviewer.getByRole('button', { name: /导出汇总表/ }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('赵县-2024-绩效自评汇总表.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总表') as Worksheet;
    const headers = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    const at = (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header)).value;
    let found = 0;
    sheet.eachRow((row, n) => {
      if (n < 3 || at(n, '项目名称') !== PROJECT) return;
      found = n;
    });
    expect(found).toBeGreaterThan(2);
    expect(at(found, '状态')).toBe('已通过');
    expect(at(found, '复核得分')).toBe(Number(rescored.reScore));
    expect(at(found, '得分差(自评−复核)')).toBe(Number(rescored.difference));
    expect(at(found, '最终得分')).toBe(Number(rescored.final));
  });

  step(
    'the approver publishes the approved 2023 report, told what the public version leaves out',
    async () => {
      approver = journey.users.keep(await journey.users.as('zhaoxian.finance.approver'));
      await approver.getByRole('menuitem', { name: '待审报告' }).click();
      await approver
        .getByRole('row', { name: /赵县总工会.*2023/ })
        .filter({ hasText: '部门整体' })
        .getByRole('link', { name: '查看' })
        .click();
      await approver.getByRole('heading', { name: '赵县总工会2023年度自评报告' }).waitFor();

      await approver.getByRole('button', { name: cjk('公开') }).click();
      const dialog = approver.getByRole('dialog', { name: '公开报告（随决算公开）' });
      const omits = dialog.getByRole('list', { name: '公开版不包含' });
      await expectText(omits, '审核意见及其回复、修改记录、财政复核评分');
      await expectText(omits, '正文中的电话号码、手机号码、电子邮箱和联系人信息');
      await confirmIn(approver, '确认公开');
      await approver.getByText(/^已公开（\d{4}-\d{2}-\d{2}）/).waitFor();

      // the worker renders the public PDF; the register says 公开中 once it is there
      await until(async () => (await publications()).some((p) => p.documentStatus === 'done'), 60000);
      await approver.getByRole('menuitem', { name: '公开登记' }).click();
      const row = approver.getByRole('row', { name: /赵县总工会.*2023/ });
      await expectText(row, '公开中');
      await expectText(row, '第 1 版');
      await expectText(row, '赵县财政局领导');
    },
    120000,
  );

  step('anyone, without signing in, finds it on 赵县’s public page and downloads its PDF', async () => {
    visitor = journey.users.keep(await journey.users.anonymous('public'));
    await visitor.goto(`${journey.stack.base}/gongkai/${ZHAOXIAN}`);
    await visitor.getByRole('heading', { name: '赵县预算绩效自评报告公开' }).waitFor();
    const year = visitor.getByRole('region', { name: '2023年度' });
    const row = year.getByRole('row', { name: /赵县总工会/ });
    await expectText(row, '部门整体支出绩效自评报告');
    // nothing else is public: one report in one year
    expect(await visitor.getByRole('region').count()).toBe(1);
    expect(await year.getByRole('row').count()).toBe(2); // the header and the report
    await screenshot(visitor, 'public-page');

    const downloaded = visitor.waitForEvent('download');
    await row.getByRole('link', { name: /公开版 PDF/ }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/（公开版）\.pdf$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  step('the approver withdraws it with a reason; the public page lists it no more', async () => {
    const [published] = await publications();
    await approver.reload();
    const row = approver.getByRole('row', { name: /赵县总工会.*2023/ });
    await row.getByRole('button', { name: '撤销公开' }).click();
    const dialog = approver.getByRole('dialog', { name: '撤销公开' });
    await expectText(dialog, '将立即从公开页面移除');
    await dialog.getByLabel('撤销原因').fill(WITHDRAWAL);
    await confirmIn(approver, '撤销公开');
    await approver.getByText('已撤销公开').waitFor();
    await expectText(row, '已撤销');
    await expectText(row, WITHDRAWAL);
    await screenshot(approver, 'publications');

    // the visitor who had the page open reloads it
    await visitor.reload();
    await visitor.getByRole('heading', { name: '赵县预算绩效自评报告公开' }).waitFor();
    await visitor.getByText('暂无公开的报告').waitFor();
    // and its PDF is gone from its address too
    const pdf = await fetch(`${journey.stack.base}/api/public/counties/${ZHAOXIAN}/publications/${published?.id}/pdf`);
    expect(pdf.status).toBe(404);
  });

  /** The 公开登记 as the approver's API sees it. */
  async function publications(): Promise<Array<{ id: string; documentStatus: string }>> {
    const headers = await journey.stack.apiAs('zhaoxian.finance.approver');
    const res = await fetch(`${journey.stack.base}/api/publications`, { headers });
    expect(res.status).toBe(200);
    return (await res.json()) as Array<{ id: string; documentStatus: string }>;
  }
});

/** Picks the fiscal year in the page's 年度 select (the visible options carry their label as title). */
async function chooseYear(page: Page, year: number): Promise<void> {
  await page.getByRole('combobox', { name: '年度' }).click();
  await page.locator('.ant-select-dropdown').getByTitle(`${year}年度`, { exact: true }).click();
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
}

/** Proposes a 整改事项 with its owner and due date (typed into the date picker) and waits for its card. */
async function proposeItem(page: Page, title: string, owner: string, dueOn: string): Promise<void> {
  const form = page.locator('.ant-card').filter({ hasText: '提出整改事项' });
  await form.getByLabel('整改事项').fill(title);
  await form.getByLabel('责任人').fill(owner);
  const due = form.getByLabel('整改期限');
  await due.click();
  await due.fill(dueOn);
  await due.press('Enter');
  await form.getByRole('button', { name: cjk('提出') }).click();
  await page.locator('[data-testid^="rectification-"]').filter({ hasText: title }).waitFor();
  expect(await form.getByLabel('整改事项').inputValue()).toBe('');
}

/** Today in China (the app's calendar) shifted by `days`, as YYYY-MM-DD. */
function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

/** The smallest PDF the evidence check accepts by its first bytes: a header, an empty catalogue, the trailer. */
function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
      'trailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** Asks again until `done` holds (each ask waits on the server's answer), failing after `timeoutMs`. */
async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
