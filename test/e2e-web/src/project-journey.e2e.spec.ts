import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { cjk, screenshot } from './support/browser';
import { confirmIn, expectText, savedPart, statusIs, tab } from './support/journey';
import { browserJourney } from './support/browser-journey';

/**
 * A 项目支出绩效自评表 in headless Chromium against the built api and worker on a fresh seeded database:
 * the 赵县总工会 editor starts a table for a new project, fills it in, is told what it left out (a checklist,
 * then on a try to submit an error beside its field) and fills it, submits; the reviewer returns it; the editor submits again; the approver approves and
 * downloads its PDF, named after the project.
 */
describe('web: a project table from new to approved, in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;
  let editor: Page;
  const PROJECT = { code: 'E2E-2025-001', name: '职工书屋建设' };
  const RETURN_REASON = '请在偏差原因中说明满意度调查的样本量。';
  const HEADING = `赵县总工会2025年度「${PROJECT.name}」项目自评表`;

  const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
  /** Types into a field and leaves it, as a user tabbing through the table would. */
  const type = async (page: Page, name: string, value: string) => {
    const input = box(page, name);
    await input.fill(value);
    await input.press('Tab');
  };

  step('the editor starts a 项目支出绩效自评表 for a new project from 新建报告', async () => {
    editor = journey.users.keep(await journey.users.as('zhaoxian.union.editor'));
    await editor.getByRole('menuitem', { name: '我的报告' }).click();
    await editor.getByRole('button', { name: /新建报告/ }).click();
    const dialog = editor.getByRole('dialog', { name: '新建绩效自评报告' });
    await dialog.getByText('项目支出绩效自评表', { exact: true }).click();
    // last year's tables of the department are offered to carry on
    await dialog.getByRole('combobox', { name: /沿用 2024 年度的项目/ }).click();
    const offered = editor.locator('.ant-select-dropdown');
    await expectText(offered, /2024年困难职工及劳模帮扶救助专项资金（省级）/);
    await expectText(offered, /2024年市级困难职工及劳模帮扶救助专项资金/);
    await editor.keyboard.press('Escape');

    // a malformed code is refused before anything is sent
    await dialog.getByLabel('项目编码').fill('编码 1');
    await dialog.getByLabel('项目名称').fill(PROJECT.name);
    await dialog.getByRole('button', { name: '新建并打开' }).click();
    await expectText(dialog, /项目编码应为 1–50 位字母、数字/);
    await dialog.getByLabel('项目编码').fill(PROJECT.code);
    await screenshot(editor, 'new-project');
    await dialog.getByRole('button', { name: '新建并打开' }).click();
    await editor.getByRole('heading', { name: HEADING }).waitFor();
    await editor.getByText(`项目编码 ${PROJECT.code}`).first().waitFor();
  });

  step(
    'fills in the table: a missing 实际完成值 is on the checklist, shows beside its field on a try to submit and blocks 提交, until it is typed',
    async () => {
      await type(editor, '目标第1项 预期目标', '为全县职工书屋购置图书不少于 2000 册。');
      await type(editor, '目标第1项 实际完成情况', '购置图书 2000 册并全部上架。');
      await savedPart(editor, 'objectives');

      for (const row of ['年度资金总额', '其中：本年财政拨款']) {
        await type(editor, `${row} 年初预算数`, '5');
        await type(editor, `${row} 全年预算数`, '5');
        await type(editor, `${row} 全年执行数`, '5');
      }
      await type(editor, '执行率', '100');
      await type(editor, '预算执行率得分', '10');
      // the 执行率 computed as typed, with the domain's decimals
      await expectText(editor.locator('#part-scoreTable'), '100.00%');

      const indicators = editor.locator('#part-scoreTable');
      const addIndicator = indicators.getByRole('button', { name: /添加一个/ });
      const rows = [
        ['产出指标', '数量指标', '购置图书册数', '2000', '册', '2000', '50', '50', '图书验收单'],
        ['满意度指标', '服务对象满意度指标', '职工满意度', '90', '%', '', '40', '40', '满意度调查问卷'],
      ];
      for (const [i, values] of rows.entries()) {
        await addIndicator.click();
        const fields = [
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '度量单位',
          '实际完成值',
          '分值',
          '得分',
          '佐证材料',
        ];
        for (const [k, field] of fields.entries()) {
          if (values[k]) await type(editor, `绩效指标第${i + 1}个 ${field}`, values[k]);
        }
      }
      await savedPart(editor, 'scoreTable');

      await type(editor, '总分', '100');
      await editor.getByRole('combobox', { name: '评价等级' }).click();
      await editor
        .locator('.ant-select-dropdown .ant-select-item-option')
        .filter({ hasText: /^优秀$/ })
        .click();
      await savedPart(editor, 'conclusion');
      await type(editor, '填表人', '孟荣敏');
      await type(editor, '联系电话', '0311-84912345');
      await savedPart(editor, 'preparers');

      // the one thing left out: a calm checklist names it; a try to submit shows it under its field, and 提交 waits
      await editor.getByText('还需填写 1 项', { exact: true }).waitFor();
      await editor.getByRole('button', { name: cjk('提交') }).click();
      await editor.getByText('还需填写 1 项，填写后才能提交').waitFor();
      const beside = editor.locator('[data-field-messages="scoreTable.indicators.1.actual"]');
      await expectText(beside, '请填写第 2 个指标的实际完成值');
      expect(await editor.getByRole('button', { name: cjk('提交') }).isDisabled()).toBe(true);
      await beside.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(editor, 'project-editor-error');

      await type(editor, '绩效指标第2个 实际完成值', '95');
      await beside.waitFor({ state: 'detached' });
      await savedPart(editor, 'scoreTable');
      await editor.locator('#part-scoreTable').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(editor, 'project-editor');
      await editor.getByRole('button', { name: cjk('提交') }).click();
      await confirmIn(editor, '提交');
      await editor.getByText('已提交（第 1 版）').waitFor();
      await statusIs(editor, '已提交');
    },
  );

  step('the reviewer finds it under 待审报告 by its project, starts the review and returns it', async () => {
    const reviewer = await journey.users.as('zhaoxian.finance.reviewer');
    await reviewer.getByRole('menuitem', { name: '待审报告' }).click();
    const row = reviewer.getByRole('row', { name: new RegExp(PROJECT.name) });
    await expectText(row, '已提交');
    await row.getByRole('link', { name: '审核' }).click();
    await reviewer.getByRole('heading', { name: HEADING }).waitFor();
    // the table as the department filled it in
    await reviewer.getByText('购置图书册数').first().waitFor();

    await reviewer.getByRole('button', { name: '开始审核' }).click();
    await confirmIn(reviewer, '开始审核');
    await reviewer.getByText('已开始审核').waitFor();
    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByRole('dialog').getByLabel('退回修改原因').fill(RETURN_REASON);
    await confirmIn(reviewer, '退回修改');
    await reviewer.getByText('已退回修改', { exact: true }).waitFor();
  });

  step('the editor reads the reason, adds the deviation note and submits again', async () => {
    await editor.reload();
    await editor.getByRole('heading', { name: HEADING }).waitFor();
    await expectText(editor.getByRole('alert').filter({ hasText: '退回' }), RETURN_REASON);
    await type(editor, '绩效指标第2个 偏差原因分析及改进措施', '调查样本 120 人，有效问卷 118 份。');
    await savedPart(editor, 'scoreTable');
    await editor.getByRole('button', { name: cjk('提交') }).click();
    await confirmIn(editor, '提交');
    await editor.getByText('已提交（第 2 版）').waitFor();
  });

  step(
    'the approver approves it and downloads its PDF, named after the project',
    async () => {
      const approver = await journey.users.as('zhaoxian.finance.approver');
      await approver.getByRole('menuitem', { name: '待审报告' }).click();
      await approver
        .getByRole('row', { name: new RegExp(PROJECT.name) })
        .getByRole('link', { name: '审核' })
        .click();
      await approver.getByRole('heading', { name: HEADING }).waitFor();
      await tab(approver, '修改对比').click();
      await expectText(approver.getByRole('tabpanel'), '调查样本 120 人');

      await approver.getByRole('button', { name: '审核通过' }).click();
      await confirmIn(approver, '审核通过');
      await approver.getByText('已审核通过').waitFor();
      await statusIs(approver, '已通过');

      await tab(approver, '正式文档').click();
      const downloaded = approver.waitForEvent('download', { timeout: 60000 });
      await approver.getByRole('button', { name: '生成并下载 PDF' }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toBe(`赵县总工会2025年度${PROJECT.name}项目支出绩效自评表.pdf`);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      await screenshot(approver, 'project-documents');
    },
    120000,
  );
});
