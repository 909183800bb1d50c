import { emptyReportContent } from '@evalflow/domain';
import { provincialInput } from '../../test/projects';
import {
  RICH_MONEY,
  RICH_PROJECT_SENTENCE_END,
  RICH_STAFFING,
  RICH_TABLE,
  richOverallInput,
} from '../../test/rich-overall';
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

  it('says nothing of 收入 or 支出 the sample does not state: （二） is its project sentence and table alone', () => {
    const at = approved.blocks.findIndex((b) => b.kind === 'heading' && b.text === '（二）部门收支预决算情况');
    expect(approved.blocks[at + 1]).toMatchObject({
      kind: 'paragraph',
      spans: [{ text: expect.stringMatching(/^2024年年初项目预算/) }],
    });
    const section = text.slice(text.indexOf('（二）部门收支预决算情况'), text.indexOf('（三）部门整体支出绩效目标'));
    expect(section).not.toMatch(/收入|基本支出|支出合计|执行数/);
    expect(text).toContain('截至2024年年底，我单位实有行政人员4人，与2023年相比较减少1人。');
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

describe('a report of schema v2 stating more than the sample', () => {
  const doc = buildReportDocument(richOverallInput());
  const text = normalise(textOf(doc.blocks));

  it('writes 编制数 and 实有人数 with each staff category', () => {
    expect(notInOrder(text, ['人员情况：包括当年变动情况及原因。', RICH_STAFFING, '资产情况：'])).toEqual([]);
  });

  it('states the year’s 收入 and 支出 in （二）, before the project sentence, and the lines’ 执行数 in the table', () => {
    expect(
      notInOrder(text, [
        '（二）部门收支预决算情况',
        RICH_MONEY,
        '2024年年初项目预算178.646万元，其中上解市总工会经费47万元',
        RICH_PROJECT_SENTENCE_END,
        '项目预算明细',
        RICH_TABLE.head,
        RICH_TABLE.line,
        RICH_TABLE.total,
        '（三）部门整体支出绩效目标、指标',
      ]),
    ).toEqual([]);
  });
});

describe('buildReportDocument', () => {
  it('lays each kind out as its own document', () => {
    expect(buildReportDocument(sampleInput()).subject).toBe('部门整体支出绩效自评报告');
    const project = buildReportDocument(provincialInput());
    expect(project.subject).toBe('项目支出绩效自评表');
    expect(project.blocks[0]).toMatchObject({ kind: 'title', lines: ['项目支出绩效自评表'] });
  });

  it('refuses content of a kind it does not know', () => {
    const input = { ...sampleInput(), content: { kind: 'audit' } } as unknown as Parameters<
      typeof buildReportDocument
    >[0];
    expect(() => buildReportDocument(input)).toThrow('unknown report kind: audit');
  });
});
