import { render } from '@testing-library/react';
import { Button } from 'antd';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilterBar } from './filter-bar';
import { PageHeader } from './page-header';

/** The print rules (styles.css): what jsdom cannot apply, read as the browser gets them; the e2e-web suite prints. */
const styles = readFileSync(join(import.meta.dirname, '../styles.css'), 'utf8');
const printRules = styles.slice(styles.indexOf('@media print'));

describe('print', () => {
  it('leaves out the header, the menu, buttons, tabs, pagination and what is marked no-print', () => {
    const hidden = printRules.slice(0, printRules.indexOf('display: none !important'));
    for (const selector of [
      '.app-header',
      '.ant-layout-sider',
      "[role='navigation']",
      'button',
      '.ant-btn',
      '.ant-tabs-nav',
      '.ant-pagination',
      '.no-print',
    ]) {
      expect(hidden).toContain(selector);
    }
  });

  it('hides the comment cards beside a part, gives the part the width and starts each part on a new page', () => {
    expect(printRules).toMatch(/\.ant-col:has\(> \.part-side\) \{\s*display: none !important;/);
    expect(printRules).toMatch(/section\[id\^='part-'\] ~ section\[id\^='part-'\] \{\s*break-before: page;/);
    expect(printRules).toMatch(/tr \{\s*break-inside: avoid;/);
  });

  it("marks a page's actions and a list's filters as not printed", () => {
    const { container } = render(
      <>
        <PageHeader title="待审报告" extra={<Button>导出汇总表</Button>} />
        <FilterBar onRefresh={() => undefined}>
          <span>年度</span>
        </FilterBar>
      </>,
    );
    const unprinted = [...container.querySelectorAll('.no-print')].map((e) => e.textContent);
    expect(unprinted).toEqual(['导出汇总表', '年度']);
    expect(container.querySelector('h4')?.closest('.no-print')).toBeNull();
  });
});
