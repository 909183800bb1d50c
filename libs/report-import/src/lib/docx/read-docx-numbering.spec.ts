import type { SourceParagraph } from '../source-document';
import { handDocx, p, tbl, tc } from './build-docx.spec-helper';
import { readDocx } from './read-docx';

/** The three levels of a county report's headings: 一、 （一） 1. — and ① at the fourth. */
const HEADINGS_ABSTRACT =
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="2"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>' +
  '<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%5"/><w:isLgl/><w:suff w:val="space"/></w:lvl>' +
  '</w:abstractNum>';
const BULLETS_ABSTRACT =
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>' +
  '<w:lvlText w:val="\uF06C"/></w:lvl></w:abstractNum>';
/** 第一部分 …: a level whose text surrounds the number */
const PARTS_ABSTRACT =
  '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>' +
  '<w:lvlText w:val="第%1部分"/><w:suff w:val="space"/></w:lvl></w:abstractNum>';
const NUMS =
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
  // a list restarted at 一 (Word's 「重新开始于一」): another numId with a start override
  '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>' +
  // a level overridden outright: this list counts （1）（2） in decimal at its second level
  '<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/>' +
  '<w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/></w:lvl></w:lvlOverride></w:num>';
const NUMBERING = HEADINGS_ABSTRACT + BULLETS_ABSTRACT + PARTS_ABSTRACT + NUMS;

/** Heading styles carrying the list, as Chinese Word templates do (标题 1 numbered 一、). */
const STYLES =
  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr>' +
  '<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr>' +
  '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/></w:style>';

const numbered = (numId: number, ilvl: number, text: string, extra = '') =>
  p(text, `${extra}<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

async function read(body: string): Promise<string[]> {
  const doc = await readDocx(await handDocx({ body, styles: STYLES, numbering: NUMBERING }));
  return doc.blocks.map((b) =>
    b.kind === 'paragraph' ? b.text : JSON.stringify(b.rows.map((r) => r.map((c) => c.text))),
  );
}

describe('readDocx: automatic list numbers read as Word shows them', () => {
  it('prefixes 一、（一）1.① from numbering.xml, counting per level and restarting the levels below', async () => {
    const body = [
      numbered(1, 0, '部门基本情况'),
      numbered(1, 1, '部门概况'),
      numbered(1, 2, '部门职能'),
      numbered(1, 2, '组织机构及人员'),
      numbered(1, 3, '人员情况'),
      numbered(1, 3, '资产情况'),
      numbered(1, 1, '部门收支预决算情况'),
      numbered(1, 2, '收入'),
      numbered(1, 0, '自评工作开展情况'),
      numbered(1, 1, '自评的组织工作'),
      numbered(1, 4, '法定编号'),
    ].join('');
    expect(await read(body)).toEqual([
      '一、部门基本情况',
      '（一）部门概况',
      '1.部门职能',
      '2.组织机构及人员',
      '①人员情况',
      '②资产情况',
      '（二）部门收支预决算情况',
      '1.收入',
      '二、自评工作开展情况',
      '（一）自评的组织工作',
      '2.1.1 法定编号',
    ]);
  });

  it('numbers headings through their style’s numbering (the level linked to the style), reading as typed ones', async () => {
    const body = [
      p('部门基本情况', '<w:pStyle w:val="1"/>'),
      p('部门概况', '<w:pStyle w:val="2"/>'),
      p('正文不编号'),
      p('部门收支预决算情况', '<w:pStyle w:val="2"/>'),
      p('自评工作开展情况', '<w:pStyle w:val="1"/>'),
      // numId 0 switches the style's numbering off for one paragraph
      p('不编号的标题', '<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      p('绩效目标实现情况', '<w:pStyle w:val="1"/>'),
    ].join('');
    const doc = await readDocx(await handDocx({ body, styles: STYLES, numbering: NUMBERING }));
    expect(
      (doc.blocks as SourceParagraph[]).map(({ text, style, outlineLevel }) => [text, style, outlineLevel]),
    ).toEqual([
      ['一、部门基本情况', 'heading 1', 0],
      ['（一）部门概况', 'heading 2', 1],
      ['正文不编号', undefined, undefined],
      ['（二）部门收支预决算情况', 'heading 2', 1],
      ['二、自评工作开展情况', 'heading 1', 0],
      ['不编号的标题', 'heading 1', 0],
      ['三、绩效目标实现情况', 'heading 1', 0],
    ]);
  });

  it('counts each numId apart: a restarted list begins again at 一 while the first goes on', async () => {
    const body = [
      numbered(1, 0, '甲'),
      numbered(1, 0, '乙'),
      numbered(3, 0, '新列表'),
      numbered(3, 0, '新列表二'),
      numbered(1, 0, '丙'),
    ].join('');
    expect(await read(body)).toEqual(['一、甲', '二、乙', '一、新列表', '二、新列表二', '三、丙']);
  });

  it('uses a level overridden in w:num, leaves bullets unmarked and writes the suffix space', async () => {
    const body = [
      numbered(5, 0, '部门基本情况'),
      numbered(5, 1, '部门概况'),
      numbered(5, 1, '部门职能'),
      numbered(2, 0, '要点'),
      numbered(4, 0, '部门整体支出'),
      numbered(4, 0, '项目支出'),
      numbered(9, 0, '未定义的列表'),
    ].join('');
    expect(await read(body)).toEqual([
      '一、部门基本情况',
      '（1）部门概况',
      '（2）部门职能',
      '要点',
      '第一部分 部门整体支出',
      '第二部分 项目支出',
      '未定义的列表',
    ]);
  });

  it('counts numbered paragraphs inside table cells in document order', async () => {
    const body = numbered(1, 0, '表前') + tbl(1, tc('', numbered(1, 0, '表中'), p('说明'))) + numbered(1, 0, '表后');
    expect(await read(body)).toEqual(['一、表前', JSON.stringify([['二、表中\n说明']]), '三、表后']);
  });

  it('reads a classic w:numFmt from mc:Fallback and follows a w:numStyleLink to the list it names', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/>' +
      '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice>' +
      '<mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent>' +
      '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="HeadingList"/></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const styles =
      '<w:style w:type="numbering" w:styleId="HeadingList"><w:name w:val="标题列表"/>' +
      '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const doc = await readDocx(
      await handDocx({ body: numbered(2, 0, '丙项') + numbered(2, 0, '丁项'), styles, numbering }),
    );
    expect(doc.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual(['三、丙项', '四、丁项']);
  });
});

describe('readDocx: list numbers written by the docx package', () => {
  it('reads 一、（一）1. of a numbering the docx package defines, each paragraph list counting on', async () => {
    const { Document, LevelFormat, Packer, Paragraph } = await import('docx');
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'headings', level } });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'headings',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
              { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            item('部门基本情况', 0),
            item('部门概况', 1),
            item('部门职能', 2),
            item('组织机构及人员', 2),
            item('部门收支预决算情况', 1),
            item('自评工作开展情况', 0),
            item('自评的组织工作', 1),
          ],
        },
      ],
    });
    const doc = await readDocx(await Packer.toBuffer(document));
    expect(doc.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '一、部门基本情况',
      '（一）部门概况',
      '1.部门职能',
      '2.组织机构及人员',
      '（二）部门收支预决算情况',
      '二、自评工作开展情况',
      '（一）自评的组织工作',
    ]);
  });
});
