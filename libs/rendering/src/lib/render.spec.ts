import { DOCUMENT_TEMPLATE_VERSION } from '@evalflow/domain';
import {
  CONTENT_TYPES,
  documentFileName,
  findFonts,
  renderDocument,
  TEMPLATE_VERSION,
  type DocumentFormat,
} from '../index';
import { sampleInput } from '../test/sample';
import { locateFonts } from './fonts';

describe('the rendering API', () => {
  it('renders either format through renderDocument', async () => {
    const [docx, pdf] = await Promise.all([
      renderDocument('docx', sampleInput()),
      renderDocument('pdf', sampleInput()),
    ]);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(renderDocument('odt' as DocumentFormat, sampleInput())).rejects.toThrow(
      'unknown document format: odt',
    );
  });

  it('names files as a county office does, with the content type of each format', () => {
    expect(documentFileName({ departmentName: '赵县总工会', fiscalYear: 2024 }, 'pdf')).toBe(
      '赵县总工会2024年度整体支出绩效自评报告.pdf',
    );
    expect(documentFileName({ departmentName: '赵县总工会', fiscalYear: 2024 }, 'docx')).toBe(
      '赵县总工会2024年度整体支出绩效自评报告.docx',
    );
    expect(CONTENT_TYPES).toEqual({
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
    });
  });

  it('versions the layout with the domain’s template version (part of each stored document’s identity)', () => {
    expect(TEMPLATE_VERSION).toBe(DOCUMENT_TEMPLATE_VERSION);
  });
});

describe('findFonts', () => {
  it('finds the Debian fonts: Noto Serif CJK SC Bold, AR PL UMing, Noto Sans CJK SC, AR PL UKai', () => {
    const fonts = findFonts();
    expect(fonts.title).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
      face: 'NotoSerifCJKsc-Bold',
    });
    expect(fonts.body).toEqual({ path: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 'UMingCN' });
    expect(fonts.heading).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      face: 'NotoSansCJKsc-Regular',
    });
    expect(fonts.kai).toEqual({ path: '/usr/share/fonts/truetype/arphic/ukai.ttc', face: 'UKaiCN' });
    expect(fonts.fallbacks.map((f) => f.face)).toEqual(['NotoSerifCJKsc-Regular', 'NotoSansCJKsc-Regular']);
  });

  it('names every missing font and the Debian package to install', () => {
    expect(() => locateFonts(() => false)).toThrow(
      /Install the Debian packages fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai \(apt-get install fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai\)/,
    );
    expect(() => locateFonts((path) => !path.endsWith('ukai.ttc'))).toThrow(
      /AR PL UKai CN for the level-2 headings \(楷体\)[\s\S]*Install the Debian package fonts-arphic-ukai \(apt-get install fonts-arphic-ukai\)/,
    );
  });
});
