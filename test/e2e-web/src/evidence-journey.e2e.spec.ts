import type { Page } from 'playwright-core';
import { cjk, screenshot } from './support/browser';
import { confirmIn, expectText, statusIs, tab } from './support/journey';
import { browserJourney } from './support/browser-journey';

/** A one-page PDF (its cross-reference offsets computed), small enough to be written here. */
function onePagePdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 24 60 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/**
 * 佐证材料 in headless Chromium against the built api and worker on a fresh seeded database: the 赵县总工会
 * editor attaches a PDF to an indicator row of the 2024 draft and submits it; the finance bureau's reviewer
 * opens the report, finds the file beside the same indicator, previews it and downloads it, and sees it
 * frozen with the submitted version.
 */
describe('web: 佐证材料 beside an indicator, from the department to the finance bureau', () => {
  const journey = browserJourney();
  const step = journey.step;
  const FILE = '职工慰问发放签收表.pdf';
  let editor: Page;
  let reportId: string;
  /** the 三级指标 of the row the file is attached to (the first of the seeded table) */
  let indicator: string;

  const evidenceButton = (page: Page) => page.locator(`[data-evidence-indicator="${indicator}"]`).first();

  step('the editor attaches a PDF to an indicator row and sees 佐证 (1) beside it', async () => {
    editor = journey.users.keep(await journey.users.as('zhaoxian.union.editor'));
    await editor.getByRole('menuitem', { name: '我的报告' }).click();
    await editor
      .getByRole('row', { name: /2024 部门整体/ })
      .getByRole('link', { name: '编辑' })
      .click();
    await editor.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();
    reportId = editor.url().split('/reports/')[1] as string;

    const first = editor.locator('[data-evidence-indicator]').first();
    await expectText(first, '佐证 (0)');
    indicator = (await first.getAttribute('data-evidence-indicator')) as string;
    expect(indicator).not.toBe('');
    await first.click();
    const drawer = editor.getByRole('dialog', { name: `佐证材料：${indicator}` });
    await expectText(drawer, '本指标尚未上传佐证材料');
    await expectText(drawer, /^已用 0 字节 \/ 上限 200 MB$/);

    await drawer.locator('input[type="file"]').setInputFiles({
      name: FILE,
      mimeType: 'application/pdf',
      buffer: onePagePdf('Evidence for the indicator'),
    });
    await drawer.locator(`[data-evidence-file="${FILE}"]`).waitFor();
    await expectText(drawer, 'PDF');
    await screenshot(editor, 'evidence-drawer');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await expectText(evidenceButton(editor), '佐证 (1)');
  });

  step('the editor submits the report with its file', async () => {
    await editor.getByRole('button', { name: cjk('提交') }).click();
    await confirmIn(editor, '提交');
    await editor.getByText('已提交（第 1 版）').waitFor();
    await statusIs(editor, '已提交');
  });

  step(
    'the reviewer opens the report, previews the file beside its indicator and downloads it',
    async () => {
      const reviewer = await journey.users.as('zhaoxian.finance.reviewer');
      await reviewer.getByRole('menuitem', { name: '待审报告' }).click();
      await reviewer
        .getByRole('row', { name: /赵县总工会.*2024/ })
        .filter({ hasText: '部门整体' })
        .getByRole('link', { name: '审核' })
        .click();
      await reviewer.getByRole('heading', { name: '赵县总工会2024年度自评报告' }).waitFor();
      expect(reviewer.url()).toMatch(new RegExp(`/reports/${reportId}$`));

      // read-only, beside the row in the 绩效自评表
      const button = evidenceButton(reviewer);
      await expectText(button, '佐证 (1)');
      await button.click();
      const drawer = reviewer.getByRole('dialog', { name: `佐证材料：${indicator}` });
      await drawer.locator(`[data-evidence-file="${FILE}"]`).waitFor();
      expect(await drawer.getByRole('button', { name: `删除「${FILE}」` }).count()).toBe(0);
      expect(await drawer.locator('input[type="file"]').count()).toBe(0);

      await drawer.getByRole('button', { name: `预览「${FILE}」` }).click();
      const preview = reviewer.getByRole('dialog', { name: `预览：${FILE}` });
      const frame = preview.locator('iframe[data-evidence-preview]');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toMatch(/^blob:/);
      await screenshot(reviewer, 'evidence-preview');

      const [download] = await Promise.all([
        reviewer.waitForEvent('download'),
        preview.getByRole('button', { name: cjk('下载') }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(FILE);
      await preview.getByRole('button', { name: cjk('关闭') }).click();
      await preview.waitFor({ state: 'detached' });

      // the files the submitted version froze, under 流程记录
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      await tab(reviewer, '流程记录').click();
      const versions = reviewer.getByRole('region', { name: '提交版本' });
      await versions.locator('.ant-table-row-expand-icon').first().click();
      await versions.locator(`[data-evidence-file="${FILE}"]`).waitFor();
    },
    120000,
  );
});
