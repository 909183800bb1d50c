import { emptyReportContent } from '@evalflow/domain';
import {
  APPROVAL_DATE,
  draftInput,
  normalise,
  notInOrder,
  numbersNotInOrder,
  sampleFacts,
  sampleInput,
} from '../../test/sample';
import { buildReportDocument } from './build';
import { BLANK } from './chinese';
import { blockTexts, type Block } from './document';

const textOf = (blocks: Block[]) => blocks.flatMap(blockTexts).join('\n');

describe('the report as blocks (what both formats render)', () => {
  const approved = buildReportDocument(sampleInput());
  const text = normalise(textOf(approved.blocks));

  it.each(Object.entries(sampleFacts()))('shows the sample’s %s in order', (_, facts) => {
    expect(notInOrder(text, facts)).toEqual([]);
  });

  it('would notice a fact missing or out of order', () => {
    const { headings } = sampleFacts();
    expect(notInOrder(text, [...headings].reverse())).not.toEqual([]);
    expect(notInOrder(text, ['一、部门基本情况', '七、不存在的章节'])).toEqual(['七、不存在的章节 (missing)']);
    expect(notInOrder(text, ['二、自评工作开展情况', '一、部门基本情况'])).toEqual(['一、部门基本情况 (out of order)']);
    expect(numbersNotInOrder('178.646')).not.toEqual([]);
  });

  it('shows every number of the sample in order', () => {
    expect(numbersNotInOrder(textOf(approved.blocks))).toEqual([]);
  });

  it('numbers headings 一、（一）1. and gives each level its typeface', () => {
    const headings = approved.blocks.filter((b) => b.kind === 'heading');
    expect(headings.filter((h) => h.level === 1).map((h) => h.text.slice(0, 2))).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
    ]);
    expect(headings.find((h) => h.level === 2)?.text).toBe('（一）部门概况');
    expect(headings.find((h) => h.level === 3)?.text).toBe('1.部门职能');
  });

  it('opens with the 附件 label and the two-line title, and ends with the 绩效自评表 on its own page', () => {
    expect(approved.blocks[0]).toEqual({ kind: 'attachment', text: '附件4' });
    expect(approved.blocks[1]).toMatchObject({
      kind: 'title',
      lines: ['赵县总工会部门', '2024年度整体支出绩效自评报告'],
    });
    const pageBreak = approved.blocks.findIndex((b) => b.kind === 'pageBreak');
    expect(approved.blocks[pageBreak + 1]).toMatchObject({ kind: 'title', lines: ['部门整体支出绩效自评表'] });
    expect(approved.title).toBe('赵县总工会2024年度整体支出绩效自评报告');
  });

  it('fills the 绩效自评表 from the score table: funding, indicators with merged 一级/二级 cells, totals', () => {
    const tables = approved.blocks.filter((b) => b.kind === 'table').map((b) => b.table);
    const [funding, indicators] = tables.slice(-2);
    expect(blockTexts({ kind: 'table', table: funding })).toEqual(
      expect.arrayContaining(['年度资金总额', '178.646', '100%', '其中：本年财政拨款', '上年结转资金', '其他资金']),
    );
    expect(indicators.rows[1][0]).toMatchObject({ text: '产出指标', rowSpan: 5 });
    expect(indicators.rows[2][0]).toBeNull();
    expect(indicators.rows[2][3]?.text).toBe('≥28.826万元');
    const total = indicators.rows[indicators.rows.length - 1].filter((c) => c !== null).map((c) => c.text);
    expect(total).toEqual(['总分', '100', '95', '评价等级：优秀']);
  });

  it('adds the approval block (approver, date in China time) to an approved revision only', () => {
    expect(text).toContain(normalise(`审核人：王建国审核日期：${APPROVAL_DATE}`));
    expect(approved.watermark).toBeNull();
    const draft = buildReportDocument(draftInput());
    expect(textOf(draft.blocks)).not.toContain('审核人');
    expect(draft.watermark).toBe('草稿');
  });

  it('renders an empty draft with blank marks instead of failing', () => {
    const content = emptyReportContent({ departmentName: '某县文化馆', fiscalYear: 2025 });
    const draft = buildReportDocument({ ...draftInput(), content, fiscalYear: 2025, departmentName: '某县文化馆' });
    const out = textOf(draft.blocks);
    expect(out).toContain('某县文化馆');
    expect(out).toContain(BLANK);
    expect(out).toContain('一、部门基本情况');
    expect(out).toContain('部门整体支出绩效自评表');
  });
});
