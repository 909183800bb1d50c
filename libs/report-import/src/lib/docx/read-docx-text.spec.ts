import type { SourceParagraph } from '../source-document';
import { handDocx, p } from './build-docx.spec-helper';
import { readDocx } from './read-docx';

const texts = async (body: string, styles?: string) =>
  (await readDocx(await handDocx({ body, styles }))).blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

const run = (inner: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${inner}</w:r>`;
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;

describe('readDocx: the text of a paragraph', () => {
  it('joins runs, with w:tab as a tab and w:br as a line break; a page break is layout, not text', async () => {
    const body = `<w:p>${run(t('项目预算'))}${run('<w:tab/>')}${run(t('178.646万元'))}${run('<w:br/>')}${run(
      t('第二行'),
    )}${run('<w:br w:type="page"/>')}${run(t('续'))}</w:p>`;
    expect(await texts(body)).toEqual(['项目预算\t178.646万元\n第二行续']);
  });

  it('keeps inserted text and leaves out deleted and moved-away text (changes tracked)', async () => {
    const body =
      `<w:p>${run(t('资产总额'))}` +
      `<w:del w:id="1" w:author="a">${run('<w:delText>407.95</w:delText>')}</w:del>` +
      `<w:ins w:id="2" w:author="a">${run(t('400.21'))}</w:ins>` +
      `<w:moveFrom w:id="3" w:author="a">${run(t('旧位置'))}</w:moveFrom>` +
      `<w:moveTo w:id="4" w:author="a">${run(t('万元'))}</w:moveTo></w:p>`;
    expect(await texts(body)).toEqual(['资产总额400.21万元']);
  });

  it('leaves out field codes and keeps their results, nested and across paragraphs (a table of contents)', async () => {
    const begin = run('<w:fldChar w:fldCharType="begin"/>');
    const separate = run('<w:fldChar w:fldCharType="separate"/>');
    const end = run('<w:fldChar w:fldCharType="end"/>');
    const code = (c: string) => run(`<w:instrText xml:space="preserve">${c}</w:instrText>`);
    const body =
      `<w:p>${begin}${code(' TOC \\o "1-3" ')}${separate}${run(t('一、部门基本情况'))}${begin}${code(
        ' PAGEREF _Toc1 \\h ',
      )}${run(t('不可见'))}${separate}${run(t('1'))}${end}</w:p>` +
      `<w:p>${run(t('二、自评工作开展情况'))}${end}</w:p>` +
      `<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2025年5月6日</w:t></w:r></w:fldSimple></w:p>`;
    expect(await texts(body)).toEqual(['一、部门基本情况1', '二、自评工作开展情况', '2025年5月6日']);
  });

  it('leaves out hidden text, reference marks and symbols; keeps hyperlinks, smart tags and equations', async () => {
    const body =
      `<w:p>${run(t('隐藏'), '<w:vanish/>')}${run(t('显示'), '<w:vanish w:val="false"/>')}` +
      `${run('<w:footnoteReference w:id="1"/>')}${run('<w:commentReference w:id="0"/>')}` +
      `${run('<w:sym w:font="Wingdings" w:char="F0FC"/>')}` +
      `<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${run(
        t('链接'),
      )}</w:hyperlink><w:smartTag w:uri="u" w:element="date">${run(t('标记'))}</w:smartTag>` +
      `<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath><w:bookmarkStart w:id="0" w:name="b"/><w:proofErr w:type="spellStart"/></w:p>`;
    expect(await texts(body)).toEqual(['显示链接标记x=1']);
  });

  it('reads content controls, at block and run level, unless they still show their placeholder', async () => {
    const body =
      `<w:sdt><w:sdtPr/><w:sdtContent>${p('控件中的段落')}</w:sdtContent></w:sdt>` +
      `<w:p>${run(t('单位：'))}<w:sdt><w:sdtPr/><w:sdtContent>${run(t('赵县总工会'))}</w:sdtContent></w:sdt></w:p>` +
      `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${p('单击此处输入文字。')}</w:sdtContent></w:sdt>`;
    expect(await texts(body)).toEqual(['控件中的段落', '单位：赵县总工会']);
  });

  it('appends a text box’s paragraphs after the paragraph anchoring it, once (mc:Choice, not also the VML fallback)', async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body =
      `<w:p>${run(t('正文'))}${run(
        `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box(
          '文本框中的说明',
        )}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box(
          '文本框中的说明',
        )}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`,
      )}${run(t('继续'))}</w:p>` + p('下一段');
    expect(await texts(body)).toEqual(['正文继续', '文本框中的说明', '下一段']);
  });

  it('drops empty paragraphs and numbers the blocks that remain from 0', async () => {
    const doc = await readDocx(await handDocx({ body: `${p('一')}<w:p/>${p('   ')}${p('二')}` }));
    expect(doc.format).toBe('docx');
    expect(doc.blocks.map((b) => [b.index, b.kind === 'paragraph' && b.text])).toEqual([
      [0, '一'],
      [1, '二'],
    ]);
  });

  it('decodes entities and keeps spaces as written', async () => {
    expect(await texts(p('A &amp; B &lt;1&gt; &#x4E00; &#19968;  x '))).toEqual(['A & B <1> 一 一  x ']);
  });

  it('reads a file whose WordprocessingML prefix is not 「w」', async () => {
    const buffer = await handDocx({
      namespaces: 'xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
      body: '',
    });
    // the body of this document is written with ns0: rebuild it by hand
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(buffer);
    zip.file(
      'word/document.xml',
      '<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>' +
        '<ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>',
    );
    const doc = await readDocx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(doc.blocks).toEqual([{ kind: 'paragraph', index: 0, text: '前缀不同' }]);
  });
});

describe('readDocx: styles and outline levels', () => {
  const styles =
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>' +
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的一级标题"/><w:basedOn w:val="1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="循环"/><w:basedOn w:val="Loop"/></w:style>' +
    '<w:style w:type="character" w:styleId="c"><w:name w:val="Strong"/></w:style>';

  it('names each paragraph’s style and gives its outline level, through w:basedOn and the built-in heading names', async () => {
    const body =
      p('一、部门基本情况', '<w:pStyle w:val="1"/>') +
      p('（一）部门概况', '<w:pStyle w:val="2"/>') +
      p('二、自评工作', '<w:pStyle w:val="MyHeading"/>') +
      p('正文', '') +
      p('大纲级别写在段落上', '<w:outlineLvl w:val="2"/>') +
      p('正文级别', '<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>') +
      p('未定义的样式', '<w:pStyle w:val="Missing"/>') +
      p('循环的样式', '<w:pStyle w:val="Loop"/>');
    const blocks = (await readDocx(await handDocx({ body, styles }))).blocks as SourceParagraph[];
    expect(blocks.map(({ text, style, outlineLevel }) => ({ text, style, outlineLevel }))).toEqual([
      { text: '一、部门基本情况', style: 'heading 1', outlineLevel: 0 },
      { text: '（一）部门概况', style: '标题 2', outlineLevel: 1 },
      { text: '二、自评工作', style: '我的一级标题', outlineLevel: 0 },
      { text: '正文', style: 'Normal', outlineLevel: undefined },
      { text: '大纲级别写在段落上', style: 'Normal', outlineLevel: 2 },
      { text: '正文级别', style: 'heading 1', outlineLevel: undefined },
      { text: '未定义的样式', style: 'Missing', outlineLevel: undefined },
      { text: '循环的样式', style: '循环', outlineLevel: undefined },
    ]);
  });

  it('gives no style when the file has no styles.xml and the paragraph names none', async () => {
    const doc = await readDocx(await handDocx({ body: p('正文') }));
    expect(doc.blocks).toEqual([{ kind: 'paragraph', index: 0, text: '正文' }]);
  });
});
