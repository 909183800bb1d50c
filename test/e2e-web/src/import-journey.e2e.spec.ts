import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '@evalflow/testing';
import { cjk, screenshot } from './support/browser';
import { confirmIn, expectText, savedPart, statusIs } from './support/journey';
import { browserJourney } from './support/browser-journey';

/**
 * A report started from last year's file in headless Chromium against the built api and worker on a fresh
 * seeded database: the 赵县总工会 editor starts the 2025 部门整体 report from the 2024 DOCX through 新建报告 →
 * 从文件导入, reads the preview and applies it, finds where a figure and an indicator came from (来源) and what
 * was inferred (推断), sees what the rules say of 2024's text in a 2025 report — the title still says 2024,
 * and the 同比 of the assets stands without the year before — fixes them and submits.
 */
describe('web: a report started from last year’s DOCX, in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;
  let editor: Page;
  const DOCX = join(ROOT, 'libs/report-import/src/test/fixtures/zhaoxian-union-2024.docx');
  const HEADING = '赵县总工会2025年度自评报告';

  /** The 来源 (or 推断) marker of a field, by its content path. */
  const marker = (page: Page, path: string) => page.locator(`[data-source-path="${path}"]`);
  /** Hovers a marker and waits for the tooltip naming where the value was read. */
  const hoverSource = async (page: Page, path: string, text: string | RegExp): Promise<Locator> => {
    await marker(page, path).hover();
    const tooltip = page.getByRole('tooltip').filter({ hasText: text });
    await tooltip.waitFor();
    return tooltip;
  };
  /** A field of 资产情况 by its group (本年末, 上年末, 同比增减) and its label. */
  const asset = (page: Page, group: string, label: string) =>
    page.locator('#part-basicInfo').getByRole('group', { name: group, exact: true }).getByLabel(label, { exact: true });
  const type = async (input: Locator, value: string) => {
    await input.fill(value);
    await input.press('Tab');
  };

  step('the editor starts the 2025 report from last year’s DOCX in 新建报告 → 从文件导入', async () => {
    editor = journey.users.keep(await journey.users.as('zhaoxian.union.editor'));
    await editor.getByRole('menuitem', { name: '我的报告' }).click();
    await editor.getByRole('button', { name: /新建报告/ }).click();
    const dialog = editor.getByRole('dialog', { name: '新建绩效自评报告' });
    await dialog.getByText('从文件导入', { exact: true }).click();
    const file = dialog.locator('input[type="file"]');

    // an old .doc is refused in the dialog, before anything is created or sent
    await file.setInputFiles({
      name: '2024年度自评报告.doc',
      mimeType: 'application/msword',
      buffer: Buffer.from('DOC'),
    });
    await expectText(dialog, '请选择 Word 文档（.docx）、文本文件（.txt）或 Excel 工作簿（.xlsx）');

    await file.setInputFiles(DOCX);
    await dialog.locator('[data-chosen-file="zhaoxian-union-2024.docx"]').waitFor();
    await dialog.getByText(/^请选择 Word 文档/).waitFor({ state: 'detached' });
    await expectText(dialog, '2025 年度');
    await screenshot(editor, 'new-report-import');
    await dialog.getByRole('button', { name: '新建并导入' }).click();
    await editor.getByRole('heading', { name: HEADING }).waitFor();
  });

  step('the report opens on its import: the preview says what will be filled, the user applies it', async () => {
    const importing = editor.getByRole('dialog', { name: '从文件导入（Word/文本）' });
    await expectText(importing, '文件：zhaoxian-union-2024.docx');
    // the worker parses it; the dialog follows its progress until the preview is ready
    const filled = importing.getByText(/^将填写/);
    await filled.waitFor({ timeout: 60000 });
    for (const part of ['标题与依据', '（二）部门收支预决算情况', '四、评价结论和评价等级', '绩效自评表']) {
      await expectText(filled, `「${part}」`);
    }
    await expectText(importing, /绩效指标 9 行，\d+ 个字段注明来源，\d+ 个为推断/);
    // what could not be placed is listed, to be typed by hand (the finance bureau's stamp of last year)
    await expectText(importing, /未能归入的内容（\d+ 处/);
    await expectText(importing, '审核结论：审核通过');
    await screenshot(editor, 'import-preview');

    await importing.getByRole('button', { name: /确认导入/ }).click();
    await importing.waitFor({ state: 'detached' });
    await editor.getByText('已从文件导入报告内容').waitFor();
    await statusIs(editor, '草稿');
  });

  step('the draft shows where each value came from: a paragraph, a table cell; the inferred ones marked', async () => {
    // a figure of 资产情况, read from its paragraph
    const assets = marker(editor, 'basicInfo.assets.current.totalAssets');
    await expectText(assets, '来源');
    await hoverSource(editor, 'basicInfo.assets.current.totalAssets', /^第 \d+ 段：「400\.21」$/);

    // an indicator of the 绩效自评表, read from its table's cell
    await expectText(marker(editor, 'scoreTable.indicators.0.level3'), '来源');
    const cell = await hoverSource(
      editor,
      'scoreTable.indicators.0.level3',
      /^第 \d+ 块（表格）第 \d+ 行第 \d+ 列：「上解市总工会经费」$/,
    );
    await screenshot(editor, 'import-sources');
    await editor.mouse.move(0, 0);
    await cell.waitFor({ state: 'hidden' });

    // values the document implies but does not state are 推断, highlighted to be checked
    const headcount = marker(editor, 'basicInfo.staffing.previousHeadcount');
    await expectText(headcount, '推断');
    expect(await headcount.getAttribute('data-inferred')).toBe('true');
    await hoverSource(editor, 'basicInfo.staffing.previousHeadcount', /与2023年相比较减少1人/);
    const nature = marker(editor, 'scoreTable.indicators.0.nature');
    await expectText(nature, '推断');
    expect(await nature.locator('xpath=ancestor::*[@data-inferred="true"][1]').count()).toBe(1);
  });

  step(
    'the rules flag 2024’s figures in a 2025 report; the editor fixes them and submits',
    async () => {
      const errors = editor.getByRole('list', { name: '错误列表' });
      await editor.getByText('还有 3 处错误，改正后才能提交').first().waitFor();
      for (const label of ['资产总额', '负债总额', '净资产']) {
        await expectText(errors, new RegExp(`填报了${label}的同比变化 -?[\\d.]+%，但未填报上年数`));
      }
      await expectText(editor.getByRole('list', { name: '提示列表' }), '标题写的是 2024 年，报告年度为 2025 年');
      expect(await editor.getByRole('button', { name: cjk('提交') }).isDisabled()).toBe(true);
      // under the field too: the 同比 stands without the year before
      const beside = editor.locator('[data-field-messages="basicInfo.assets.yoy.totalAssets"]');
      await expectText(beside, '但未填报上年数');
      await beside.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(editor, 'import-checks');

      // the title of last year's report, made this year's
      await type(editor.getByRole('textbox', { name: '报告标题', exact: true }), '2025年度整体支出绩效自评报告');
      await editor.getByText('标题写的是 2024 年').first().waitFor({ state: 'detached' });
      await savedPart(editor, 'header');

      // the imported figures are 2024's year end: they become 上年末, and 2025's are typed as 本年末
      await editor.locator('#part-basicInfo').getByRole('button', { name: '填写上年末' }).click();
      await type(asset(editor, '上年末', '资产总额'), '400.21');
      await type(asset(editor, '上年末', '负债总额'), '0');
      await type(asset(editor, '上年末', '净资产'), '400.21');
      await type(asset(editor, '本年末', '资产总额'), '392.61');
      await type(asset(editor, '本年末', '净资产'), '392.61');
      await type(
        editor.getByRole('group', { name: '资产情况', exact: true }).getByRole('textbox', { name: '统计时点' }),
        '2025年12月31日',
      );
      // the stated -1.9% (and 0% of no liabilities) now agree with the two years' figures
      await errors.waitFor({ state: 'detached' });
      await savedPart(editor, 'basicInfo');
      await editor.getByText(/^有 \d+ 处提示（不阻止提交）$/).waitFor();

      const submit = editor.getByRole('button', { name: cjk('提交') });
      await expect(submit.isEnabled()).resolves.toBe(true);
      await submit.click();
      await confirmIn(editor, '提交');
      // any number: the content the import replaced was frozen as a revision too, and today takes one
      await editor.getByText(/^已提交（第 \d+ 版）$/).waitFor();
      await statusIs(editor, '已提交');
    },
    120000,
  );
});
