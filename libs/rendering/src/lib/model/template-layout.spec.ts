import { defaultTemplate, type TemplateDefinition } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { squash } from '@evalflow/samples/testing';
import { provincialInput } from '../../test/projects';
import { normalise, notInOrder, sampleFacts, sampleInput } from '../../test/sample';
import {
  COUNTY_PROJECT,
  countyProjectInput,
  EIGHT_PART,
  EIGHT_PART_HEADINGS,
  EIGHT_PART_OMITTING,
  EIGHT_PART_ORDER,
  eightPartInput,
} from '../../test/templates';
import { buildReportDocument } from './build';
import { blockTexts, type Block, type TableModel } from './document';

const textOf = (blocks: Block[]) => normalise(blocks.flatMap(blockTexts).join('\n'));
const headingsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: squash(b.text) }] : []));

describe('the 部门整体 report under the eight-part built-in', () => {
  const doc = buildReportDocument(eightPartInput());
  const text = textOf(doc.blocks);

  it('has the template’s headings in order, 第一部分…第八部分 with （一） below, each at its level', () => {
    expect(headingsOf(doc.blocks).map((h) => h.text)).toEqual(EIGHT_PART_HEADINGS);
    expect(headingsOf(doc.blocks).filter((h) => h.level === 1)).toHaveLength(8);
    expect(doc.blocks.find((b) => b.kind === 'heading')).toEqual({
      kind: 'heading',
      level: 1,
      text: '第一部分 部门概况',
    });
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.level === 2)).toEqual({
      kind: 'heading',
      level: 2,
      text: '（一）部门职能',
    });
  });

  it('puts each section under its heading: the goals before the money, the 自评表 after a page break', () => {
    expect(notInOrder(text, EIGHT_PART_ORDER.map(normalise))).toEqual([]);
    expect(text.indexOf(normalise(ZHAOXIAN_UNION_2024.goals.items[0].text))).toBeLessThan(
      text.indexOf('2024年年初项目预算'),
    );
    const pageBreak = doc.blocks.findIndex((b) => b.kind === 'pageBreak');
    expect(doc.blocks[pageBreak + 1]).toMatchObject({ kind: 'title', lines: [EIGHT_PART.document.tableTitle] });
  });

  it('still shows every passage, sentence, number, team member and budget line of the sample, and none of the 河北 headings', () => {
    const { headings, ...facts } = sampleFacts();
    // in another order (the goals before the money): each is there
    for (const fact of Object.values(facts).flat()) expect(text).toContain(fact);
    for (const heading of headings.filter((h) => /^[一二三四五六]、/.test(h))) expect(text).not.toContain(heading);
  });

  it('takes the title from the template’s pattern and the 附件 label from the template when the header has none', () => {
    const input = eightPartInput();
    input.content.header.title = '';
    input.content.header.attachmentLabel = ' ';
    const blank = buildReportDocument(input);
    expect(blank.blocks.slice(0, 2)).toEqual([
      { kind: 'attachment', text: '附件2' },
      { kind: 'title', size: 'main', lines: ['赵县总工会', '2024年度部门整体支出绩效自评报告'] },
    ]);
    expect(blank.title).toBe('赵县总工会2024年度部门整体支出绩效自评报告');
    // the header's own title and label win
    expect(doc.blocks.slice(0, 2)).toEqual([
      { kind: 'attachment', text: '附件4' },
      { kind: 'title', size: 'main', lines: ['赵县总工会部门', '2024年度整体支出绩效自评报告'] },
    ]);
  });

  it('under the 河北 built-in, a blank header falls back to its pattern and 附件4, as the sample reads', () => {
    const input = sampleInput();
    input.content.header.title = '';
    input.content.header.attachmentLabel = '';
    const hebei = buildReportDocument(input);
    const sample = buildReportDocument(sampleInput());
    expect(hebei).toEqual(sample);
  });

  it('leaves out what a template omits, and numbers what is left anew', () => {
    const omitting = buildReportDocument(eightPartInput({ template: EIGHT_PART_OMITTING }));
    const out = textOf(omitting.blocks);
    expect(headingsOf(omitting.blocks).map((h) => h.text)).toEqual([
      '第一部分部门概况',
      '（一）部门职能',
      '（二）机构设置和人员情况',
      '第二部分部门收支及预算执行情况',
      '第三部分绩效自评工作开展情况',
      '第四部分绩效目标完成情况',
      '（一）总体完成情况',
      '（二）各项指标完成情况',
      '第五部分自评结论',
      '第六部分存在问题及整改措施',
      '第七部分评价工作组',
    ]);
    expect(out).not.toContain('资产情况');
    expect(out).not.toContain('400.21');
    expect(out).not.toContain(normalise(ZHAOXIAN_UNION_2024.goals.items[0].text));
    expect(out).not.toContain('改进措施或建议');
    expect(out).not.toContain(normalise(ZHAOXIAN_UNION_2024.problems.measures).slice(0, 20));
    // the one lead-in left under its heading is （一）
    expect(out).toContain('第六部分存在问题及整改措施（一）项目存在的主要问题：');
    // the 自评表 is always there
    expect(out).toContain('部门整体支出绩效自评表');
  });

  it('numbers lead-ins one level below their heading, counting within it', () => {
    const nested: TemplateDefinition = {
      ...defaultTemplate('department_overall'),
      outline: [
        ...defaultTemplate('department_overall').outline.filter((n) => n.title !== '存在的问题及改进措施'),
        {
          title: '问题与措施',
          sections: [],
          children: [
            { title: '存在的问题', sections: ['problems.problems'], children: [] },
            { title: '改进措施', sections: ['problems.measures'], children: [] },
          ],
        },
      ],
    };
    const out = textOf(buildReportDocument(sampleInput({ template: nested })).blocks);
    expect(
      notInOrder(out, [
        '六、问题与措施',
        '（一）存在的问题1.项目存在的主要问题：',
        '（二）改进措施1.针对问题提出具体的改进措施或建议：',
      ]),
    ).toEqual([]);
  });

  it('writes a heading numbered 「none」 as its title alone, and ignores a section id it does not know', () => {
    const plain: TemplateDefinition = {
      ...EIGHT_PART,
      numbering: { level1: 'none', level2: 'arabic-paren', level3: 'arabic' },
      outline: [{ title: '评价结论', sections: ['conclusion', 'no.such.section'], children: [] }],
    };
    const blocks = buildReportDocument(eightPartInput({ template: plain })).blocks;
    expect(headingsOf(blocks)).toEqual([{ level: 1, text: '评价结论' }]);
    expect(blocks[blocks.findIndex((b) => b.kind === 'heading') + 1]).toMatchObject({
      kind: 'paragraph',
      spans: [{ text: expect.stringContaining('总得分95分') }],
    });
  });

  it('refuses a template of the other kind', () => {
    expect(() => buildReportDocument(sampleInput({ template: defaultTemplate('project') }))).toThrow(
      'a department_overall report cannot be rendered with a project template',
    );
  });
});

describe('the 项目支出绩效自评表 under a county’s template', () => {
  const doc = buildReportDocument(countyProjectInput());
  const table = doc.blocks.find((b): b is { kind: 'table'; table: TableModel } => b.kind === 'table')
    ?.table as TableModel;

  it('opens with the template’s 附件 label and title', () => {
    expect(doc.blocks.slice(0, 3)).toEqual([
      { kind: 'attachment', text: '附件3' },
      { kind: 'title', size: 'form', lines: [COUNTY_PROJECT.document.tableTitle] },
      { kind: 'line', spans: [{ text: '（2024年度）' }], align: 'center', size: 'small' },
    ]);
  });

  it('labels the goals with the template’s title and leaves out the 填报信息 it omits', () => {
    const text = squash(doc.blocks.flatMap(blockTexts).join(''));
    // the national form's table, cell for cell, but for the label
    const national = buildReportDocument(provincialInput()).blocks.find((b) => b.kind === 'table') as {
      table: TableModel;
    };
    const relabelled = national.table.rows.map((row) =>
      row.map((c) => (c?.text === '年度总体目标' ? { ...c, text: '年度目标' } : c)),
    );
    expect(table.rows).toEqual(relabelled);
    expect(text).not.toContain('填表人');
    expect(table.rows.find((row) => row[0]?.text === '年度目标')?.[0]?.rowSpan).toBe(2);
    expect(text).toContain('评价等级优秀');
  });

  it('leaves out the goals block when the template omits it, the grid still whole', () => {
    const noGoals = {
      ...COUNTY_PROJECT,
      outline: COUNTY_PROJECT.outline.filter((n) => !n.sections.includes('objectives')),
    };
    const rows = (
      buildReportDocument(provincialInput({ template: noGoals })).blocks.find((b) => b.kind === 'table') as {
        table: TableModel;
      }
    ).table.rows;
    expect(rows.some((row) => row.some((c) => c?.text === '预期目标'))).toBe(false);
    expect(rows).toHaveLength(15);
    for (const row of rows) expect(row).toHaveLength(9);
  });

  it('is unchanged under the national built-in: no 附件 label, 项目支出绩效自评表', () => {
    const national = buildReportDocument(provincialInput());
    expect(national.blocks[0]).toEqual({ kind: 'title', size: 'form', lines: ['项目支出绩效自评表'] });
  });
});
