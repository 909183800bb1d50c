import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { browserJourney } from './support/browser-journey';
import { cjk, screenshot } from './support/browser';

/** Elements of `selector` a user (or the printer) would see on the page as it is laid out now. */
const visibleCount = (page: Page, selector: string) =>
  page.evaluate(
    (css) =>
      [...document.querySelectorAll(css)].filter((e) => {
        const box = (e as HTMLElement).getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      }).length,
    selector,
  );

/** How many pages a PDF has (Chromium writes one /Type /Page object per page). */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/**
 * The finance bureau's 首页 in headless Chromium against the built api and worker: the queue leads to a report
 * that prints without the app around it (each part on its own page), the list prints without its filters, and
 * an overdue department is reminded (催报) once.
 */
describe('web: 首页, print and 催报, in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;

  step("a report opened from the reviewer's 首页 prints without header, menu, buttons or comment cards", async () => {
    const reviewer = await journey.users.as('zhaoxian.finance.reviewer');
    const queue = reviewer.locator('.ant-card').filter({ hasText: '待审报告（' });
    await queue.getByRole('link', { name: '审核' }).first().click();
    await reviewer.locator('section[id^="part-"]').first().waitFor();
    const sections = await reviewer.locator('section[id^="part-"]').count();
    expect(sections).toBeGreaterThan(1);
    // on screen: the app around the report, and the reviewer's 对本部分提意见 beside each part
    expect(await visibleCount(reviewer, '.app-header')).toBe(1);
    expect(await visibleCount(reviewer, '.part-side')).toBeGreaterThan(0);

    await reviewer.emulateMedia({ media: 'print' });
    expect(await reviewer.getByRole('navigation', { name: '主菜单' }).isVisible()).toBe(false);
    expect(await visibleCount(reviewer, '.app-header')).toBe(0);
    expect(await visibleCount(reviewer, 'button, .ant-btn, [role="tab"], .part-side')).toBe(0);
    expect(await visibleCount(reviewer, 'section[id^="part-"]')).toBe(sections);
    // each part from the second on starts a page; the part takes the page's width
    const breaks = await reviewer.$$eval('section[id^="part-"]', (all) =>
      all.map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks[0]).not.toBe('page');
    expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
    const [part, content] = await Promise.all([
      reviewer.locator('section[id^="part-"] .ant-card').first().boundingBox(),
      reviewer.locator('.ant-layout-content').boundingBox(),
    ]);
    expect(Math.round(part?.width ?? 0)).toBe(Math.round(content?.width ?? -1));
    const pdf = await reviewer.pdf({ format: 'A4' });
    expect(pagesOf(pdf)).toBeGreaterThanOrEqual(sections);
    await screenshot(reviewer, 'print-report');
  });

  step('the report list prints its rows without the filters or paging', async () => {
    const reviewer = await journey.users.as('zhaoxian.finance.reviewer');
    await reviewer.getByRole('menuitem', { name: '待审报告' }).click();
    await reviewer.locator('.ant-table-row').first().waitFor();
    await reviewer.emulateMedia({ media: 'print' });
    expect(await visibleCount(reviewer, '.ant-table-row')).toBeGreaterThan(0);
    expect(await visibleCount(reviewer, '.app-header, .ant-layout-sider, button, .ant-btn, .ant-pagination')).toBe(0);
    expect(await visibleCount(reviewer, '.ant-select')).toBe(0);
  });

  step('栾城区 reminds an overdue department from its 首页: sent once, then held back for 24 hours', async () => {
    const reviewer = await journey.users.as('luancheng.finance.reviewer');
    const overdue = reviewer.locator('.ant-card').filter({ hasText: '逾期未提交的部门' });
    const remind = overdue.getByRole('button', { name: /^催报 / }).first();
    const label = (await remind.getAttribute('aria-label')) ?? '';
    const department = label.replace(/^催报 /, '');
    await remind.click();
    await reviewer.getByText(`已向${department}发出催报`).waitFor();
    const sent = overdue.getByRole('button', { name: `已催报 ${department}` });
    await sent.waitFor();
    expect(await sent.isDisabled()).toBe(true);
    await screenshot(reviewer, 'home-reviewer');
    // after a reload the server says the same: the next one may go in 24 hours
    await reviewer.reload();
    await overdue.getByRole('button', { name: `已催报 ${department}` }).waitFor();
  });
  step("县级概览 downloads the year's approved PDFs as one .zip, with the job's progress", async () => {
    // the approved 2023 report's PDF, rendered by the worker as the approver would ask for it
    const headers = await journey.stack.apiAs('zhaoxian.finance.approver');
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${journey.stack.base}/api${path}`, { headers, ...init });
    const list = await (await api('/reports?fiscalYear=2023&status=approved')).json();
    const report = list.items.find((r: { departmentName: string }) => r.departmentName === '赵县总工会');
    const asked = await (
      await api(`/reports/${report.id}/documents`, { method: 'POST', body: JSON.stringify({ format: 'pdf' }) })
    ).json();
    const deadline = Date.now() + 60_000;
    let document = asked;
    while (document.status !== 'done' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      document = await (await api(`/documents/${asked.id}`)).json();
    }
    expect(document.status).toBe('done');
    const pdf = Buffer.from(await (await api(`/documents/${asked.id}/file`)).arrayBuffer());

    const approver = await journey.users.as('zhaoxian.finance.approver');
    await approver.getByRole('menuitem', { name: '县级概览' }).click();
    await approver.getByRole('heading', { name: '县级概览' }).waitFor();
    await approver.getByRole('combobox', { name: '年度' }).click();
    await approver.locator('.ant-select-dropdown').getByTitle('2023 年度', { exact: true }).click();
    await approver.getByText(/赵县 2023 年度各预算部门/).waitFor();
    const downloaded = approver.waitForEvent('download');
    await approver.getByRole('button', { name: cjk('下载已通过报告 PDF') }).click();
    const dialog = approver.getByRole('dialog', { name: '下载 2023 年度全部已审核通过报告的 PDF（.zip）' });
    await dialog.getByRole('progressbar', { name: '导出进度' }).waitFor();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('赵县-2023-已审核通过报告PDF.zip');
    await dialog.getByText('已完成：共 1 份 PDF，已开始下载 赵县-2023-已审核通过报告PDF.zip').waitFor();
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const entries = Object.keys(zip.files);
    expect(entries).toEqual([expect.stringMatching(/^赵县总工会2023年度.*\.pdf$/)]);
    expect(Buffer.from(await (zip.file(entries[0]) as JSZip.JSZipObject).async('uint8array')).equals(pdf)).toBe(true);
    await screenshot(approver, 'approved-pdfs-bundle');
  });
});
