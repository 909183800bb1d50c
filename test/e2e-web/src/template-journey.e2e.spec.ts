import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { cjk, screenshot } from './support/browser';
import { confirmIn, expectText, tab } from './support/journey';
import { browserJourney } from './support/browser-journey';

const run = promisify(execFile);

/**
 * A county's own template in headless Chromium against the built api and worker on a fresh seeded
 * database: the 赵县 administrator copies the built-in 河北 部门整体 template, moves 10 分 from 产出指标 to
 * 效益指标, renames the first part and numbers the parts 「第一部分」, publishes it for 2025; the
 * 赵县总工会 editor's new 2025 report then follows it, in the editor and in its PDF.
 */
describe('web: a county template from copy to a report that follows it, in a browser', () => {
  const journey = browserJourney();
  const step = journey.step;
  let admin: Page;
  let editor: Page;
  const BUILTIN = '河北省部门整体支出绩效自评报告（2024年度）';
  const NAME = '赵县部门整体支出绩效自评报告（2025年度）';
  const YEAR = 2025;
  const RENAMED = '部门概况与收支';
  /** The first two parts as the template numbers them now (it was 「一、部门基本情况」). */
  const PART_1 = `第一部分 ${RENAMED}`;
  const PART_2 = '第二部分 自评工作开展情况';

  step('the administrator copies the built-in 河北 部门整体 template under a name of the county’s', async () => {
    admin = journey.users.keep(await journey.users.as('zhaoxian.admin'));
    await admin.getByRole('menuitem', { name: '报告模板' }).click();
    await admin.getByRole('heading', { name: '报告模板' }).waitFor();
    await admin.getByRole('button', { name: `复制「${BUILTIN}」`, exact: true }).click();

    const dialog = admin.getByRole('dialog', { name: '复制模板' });
    await expectText(dialog, `以系统内置模板「${BUILTIN}」第 1 版为基础`);
    const name = dialog.getByLabel('新模板名称');
    expect(await name.inputValue()).toBe(`${BUILTIN}（副本）`);
    await name.fill(NAME);
    await dialog.getByRole('button', { name: '复制并编辑' }).click();
    await dialog.waitFor({ state: 'detached' });

    await admin.getByRole('heading', { name: NAME }).waitFor();
    expect(admin.url()).toMatch(/\/templates\/[^/]+$/);
    await admin.getByText('本县模板', { exact: true }).waitFor();
    await admin.getByText('未发布', { exact: true }).waitFor();
  });

  step(
    'changes two weights (still 100 in all) and the outline, saves the draft and publishes it for 2025',
    async () => {
      await tab(admin, '指标体系').click();
      const weight = (level1: string) => admin.getByRole('textbox', { name: `${level1} 分值`, exact: true });
      expect(await weight('产出指标').inputValue()).toBe('50');
      expect(await weight('效益指标').inputValue()).toBe('30');
      await weight('产出指标').fill('40');
      // 90 in all for a moment: said beside the total, and saving waits
      const total = admin.getByRole('region', { name: '分值合计' });
      await expectText(total, '应为 100 分');
      await admin.getByText('不能保存：有 1 处需要修改，改正后才能保存').waitFor();
      await weight('效益指标').fill('40');
      await expectText(total, '100 分');
      await total.getByText('等于 100 分').waitFor();

      await tab(admin, '提纲与编号').click();
      const first = admin.getByRole('textbox', { name: '标题 1', exact: true });
      expect(await first.inputValue()).toBe('部门基本情况');
      await first.fill(RENAMED);
      await admin.getByRole('combobox', { name: '一级标题编号' }).click();
      await admin.locator('.ant-select-dropdown').getByTitle('第一部分', { exact: true }).click();
      // the preview beside the form numbers and weighs as the template now says
      const preview = admin.getByRole('region', { name: '提纲预览' });
      await expectText(preview, PART_1);
      await expectText(preview, PART_2);
      await expectText(preview, '产出指标 40、效益指标 40、满意度指标 10、预算执行率 10');

      await admin.getByRole('button', { name: '保存草稿' }).click();
      await admin.getByText('草稿已保存', { exact: true }).waitFor();
      await admin.getByText('有未保存的修改', { exact: true }).waitFor({ state: 'detached' });
      await screenshot(admin, 'template-editor');

      await admin.getByRole('button', { name: /发布到年度/ }).click();
      const dialog = admin.getByRole('dialog', { name: '发布到年度' });
      await expectText(dialog, '将当前草稿发布为新版本（第 1 版）');
      const year = dialog.getByLabel('年度', { exact: true });
      await year.fill(String(YEAR));
      // 2025 has none of the county's yet (the seed's own template is for 2026)
      await expectText(dialog, `${YEAR} 年度尚未发布此类报告的模板，目前使用系统默认模板。`);
      await confirmIn(admin, '发布');

      await admin.getByText(`已发布为第 1 版，${YEAR} 年度此后新建的报告按此版本填报。`).waitFor();
      await admin.getByText('最新：第 1 版', { exact: true }).waitFor();
      await admin.getByText(`${YEAR} 年度适用第 1 版`, { exact: true }).waitFor();
      const versions = admin.locator('.ant-card').filter({ hasText: '版本记录' });
      await versions.getByRole('row', { name: /第 1 版/ }).waitFor();

      // the list says so too, under 部门整体
      await admin.getByRole('link', { name: '返回列表' }).click();
      const row = admin.getByRole('row', { name: new RegExp(NAME) });
      await expectText(row, `${YEAR} 年度 · 第 1 版`);
    },
  );

  step(
    'the 赵县总工会 editor starts the 2025 部门整体 report: its parts and framework are the template’s',
    async () => {
      editor = journey.users.keep(await journey.users.as('zhaoxian.union.editor'));
      await editor.getByRole('menuitem', { name: '我的报告' }).click();
      await editor.getByRole('button', { name: /新建报告/ }).click();
      const dialog = editor.getByRole('dialog', { name: '新建绩效自评报告' });
      await dialog.getByText('部门整体支出绩效自评报告', { exact: true }).click();
      await dialog.getByRole('combobox', { name: '评价年度' }).click();
      await editor.locator('.ant-select-dropdown').getByTitle(`${YEAR} 年度`, { exact: true }).click();
      await dialog.getByRole('button', { name: '新建并打开' }).click();
      await editor.getByRole('heading', { name: `赵县总工会${YEAR}年度自评报告` }).waitFor();

      // the cards are titled by the template's outline, numbered its way
      const cardTitle = async (part: string) => {
        const title = editor.locator(`#part-${part} .ant-card-head-title`);
        await title.waitFor();
        return (await title.textContent())?.trim();
      };
      expect(await cardTitle('basicInfo')).toBe(`${PART_1} · （一）部门概况`);
      expect(await cardTitle('budget')).toBe(`${PART_1} · （二）部门收支预决算情况`);
      expect(await cardTitle('selfEvaluation')).toBe(PART_2);
      expect(await editor.getByText('部门基本情况').count()).toBe(0);

      // above the indicators: the weights the county set for the year
      const framework = editor.getByRole('group', { name: '本年度指标体系' });
      await framework.waitFor();
      const standing = async (level1: string) =>
        (await framework.locator(`[data-framework="${level1}"]`).textContent())?.trim();
      expect(await standing('产出指标')).toMatch(/^产出指标 \S+ \/ 40$/);
      expect(await standing('效益指标')).toMatch(/^效益指标 \S+ \/ 40$/);
      expect(await standing('满意度指标')).toMatch(/^满意度指标 \S+ \/ 10$/);
      expect(await standing('预算执行率')).toMatch(/^预算执行率 \S+ \/ 10$/);
      await framework.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(editor, 'template-report-framework');
    },
  );

  step(
    'the editor downloads the report’s PDF: its parts are the renamed, renumbered ones',
    async () => {
      await tab(editor, '正式文档').click();
      const downloaded = editor.waitForEvent('download', { timeout: 60000 });
      await editor.getByRole('button', { name: cjk('生成并下载 PDF') }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toBe(`赵县总工会${YEAR}年度整体支出绩效自评报告.pdf`);
      const path = await download.path();
      expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');
      // read back as a reader's tools see it (poppler-utils, as libs/rendering's tests do)
      const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
      // lines break where the page does; the words are what is read
      const text = stdout.replace(/\s+/g, '');
      const at = (heading: string) => text.indexOf(heading.replace(/\s+/g, ''));
      expect(at(PART_1)).toBeGreaterThanOrEqual(0);
      expect(at(PART_2)).toBeGreaterThan(at(PART_1));
      expect(text).not.toContain('部门基本情况');
      expect(text).not.toContain('一、部门概况与收支');
      await editor.getByRole('tabpanel').getByText('已生成').first().waitFor();
    },
    120000,
  );
});
