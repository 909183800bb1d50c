import { zhaoxianSampleBytes } from '../../../test/sample';
import type { SourceBlock, SourceDocument } from '../source-document';
import { readTxt } from '../txt/read-txt';
import { buildOutline, type OutlineHeading } from './outline';

const paragraphs = (
  ...items: Array<string | { text: string; style?: string; outlineLevel?: number }>
): SourceDocument => ({
  format: 'docx',
  blocks: items.map(
    (item, index): SourceBlock => ({ kind: 'paragraph', index, ...(typeof item === 'string' ? { text: item } : item) }),
  ),
});

/** "level marker+title [content]" lines, nested by indentation: the whole outline at a glance. */
function render(headings: OutlineHeading[], depth = 0): string[] {
  return headings.flatMap((h) => [
    `${'  '.repeat(depth)}${h.level} ${h.marker}${h.title} [${h.content.join(',')}]`,
    ...render(h.children, depth + 1),
  ]);
}

describe('buildOutline on the sample', () => {
  const { document } = readTxt(zhaoxianSampleBytes());
  const outline = buildOutline(document);

  it('finds every heading of the sample with its level and nesting, and nothing else', () => {
    expect(render(outline.headings)).toEqual([
      '1 一、部门基本情况 []',
      '  2 （一）部门概况 []',
      '    3 1.部门职能 [7,8,9,10,11]',
      '    3 2．组织机构及人员 [13,14,15,16,17]',
      '  2 （二）部门收支预决算情况 [19]',
      '  2 （三）部门整体支出绩效目标、指标 [21]',
      '1 二、自评工作开展情况 []',
      '  2 （一）自评的组织工作 [24]',
      '  2 （二）自评的方法和过程 [26]',
      '1 三、部门整体支出绩效目标实现情况及指标分析 []',
      '  2 （一）总体绩效目标实现情况 [29]',
      '  2 （二）分项绩效目标实现情况及指标分析 [31,32,33,34,35,36,37,38,39]',
      '1 四、评价结论和评价等级 [41]',
      '1 五、存在的问题及改进措施 []',
      '  2 （一）项目存在的主要问题 []',
      '  2 （二）针对问题提出具体的改进措施或建议 []',
      '1 六、评价工作组人员名单及签字（姓名、工作单位、职务、职称） [46]',
    ]);
    expect(outline.preamble).toEqual([0, 1, 2, 3]);
  });

  it('reads the numbered sentences of 分项绩效目标 as body items, not headings', () => {
    expect(outline.items.map((i) => `${i.block}:${i.level}:${i.ordinal}`)).toEqual([
      '21:3:1',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${30 + n}:3:${n}`),
    ]);
  });

  it('keeps the body written on a heading line, with its span', () => {
    const problems = outline.headings[4].children[0];
    expect(problems.body?.text.startsWith('预算编制不够明确和细化')).toBe(true);
    const block = document.blocks[problems.block];
    expect(block.kind === 'paragraph' && block.text.slice(problems.body?.start, problems.body?.end)).toBe(
      problems.body?.text,
    );
    expect(problems.titleSpan).toMatchObject({ block: problems.block, start: 3, text: '项目存在的主要问题' });
  });
});

describe('buildOutline', () => {
  it('falls back on Word heading styles and outline levels when there is no numbering', () => {
    const outline = buildOutline(
      paragraphs(
        { text: '部门基本情况', style: 'Heading 1' },
        '正文',
        { text: '部门职能', style: '标题 2' },
        { text: '组织机构', outlineLevel: 1 },
        '正文二',
        { text: '自评结论', style: 'heading 1' },
      ),
    );
    expect(render(outline.headings)).toEqual([
      '1 部门基本情况 [1]',
      '  2 部门职能 []',
      '  2 组织机构 [4]',
      '1 自评结论 []',
    ]);
    expect(outline.headings[0].source).toBe('style');
  });

  it('lets a heading style make a heading of a numbered sentence, and numbering give the level', () => {
    const outline = buildOutline(paragraphs({ text: '一、部门基本情况，包括职能和机构', style: 'Heading 1' }, '正文'));
    expect(render(outline.headings)).toEqual(['1 一、部门基本情况，包括职能和机构 [1]']);
  });

  it('nests 1. under 一、 when the part has no （一）, and restarts numbering under each parent', () => {
    const outline = buildOutline(
      paragraphs('一、基本情况', '1.部门职能', '正文', '2.人员情况', '二、自评情况', '1.组织', '2.方法'),
    );
    expect(render(outline.headings)).toEqual([
      '1 一、基本情况 []',
      '  3 1.部门职能 [2]',
      '  3 2.人员情况 []',
      '1 二、自评情况 []',
      '  3 1.组织 []',
      '  3 2.方法 []',
    ]);
  });

  it('treats a restarted short list inside a section as body items when most are sentences', () => {
    const outline = buildOutline(
      paragraphs(
        '第一部分 基本情况',
        '一、部门职能',
        '1.负责全县工会工作，指导基层工会。',
        '2.监督检查工会法的执行情况，维护职工权益。',
        '3.其他事项',
        '二、机构设置',
      ),
    );
    expect(render(outline.headings)).toEqual([
      '0 第一部分基本情况 []',
      '  1 一、部门职能 [2,3,4]',
      '  1 二、机构设置 []',
    ]);
    expect(outline.items.map((i) => i.block)).toEqual([2, 3, 4]);
  });

  it('puts tables under the heading they follow', () => {
    const document: SourceDocument = {
      format: 'txt',
      blocks: [
        { kind: 'paragraph', index: 0, text: '（一）部门概况' },
        { kind: 'table', index: 1, rows: [[{ text: '单位名称', colSpan: 1, rowSpan: 1, covered: false }]] },
      ],
    };
    expect(buildOutline(document).headings[0].content).toEqual([1]);
  });
});
