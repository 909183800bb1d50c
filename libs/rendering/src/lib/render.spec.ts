import { DOCUMENT_TEMPLATE_VERSION } from '@evalflow/domain';
import {
  CONTENT_TYPES,
  documentFileName,
  documentSubject,
  findFonts,
  renderDocument,
  TEMPLATE_VERSION,
  type DocumentFormat,
} from '../index';
import { pdfInfo } from '../test/extract';
import { provincialInput } from '../test/projects';
import { sampleInput } from '../test/sample';
import { locateFonts } from './fonts';

describe('the rendering API', () => {
  it('renders either format of either kind through renderDocument', async () => {
    const [docx, pdf, projectDocx, projectPdf] = await Promise.all([
      renderDocument('docx', sampleInput()),
      renderDocument('pdf', sampleInput()),
      renderDocument('docx', provincialInput()),
      renderDocument('pdf', provincialInput()),
    ]);
    for (const buffer of [docx, projectDocx]) expect(buffer.subarray(0, 2).toString()).toBe('PK');
    for (const buffer of [pdf, projectPdf]) expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfInfo(pdf).Title).toBe('赵县总工会2024年度整体支出绩效自评报告');
    expect(pdfInfo(projectPdf).Title).toBe(
      '赵县总工会2024年度2024年困难职工及劳模帮扶救助专项资金（省级）项目支出绩效自评表',
    );
    await expect(renderDocument('odt' as DocumentFormat, sampleInput())).rejects.toThrow(
      'unknown document format: odt',
    );
  });

  it('names files as a county office does, by kind, with the content type of each format', () => {
    expect(documentFileName(sampleInput(), 'pdf')).toBe('赵县总工会2024年度整体支出绩效自评报告.pdf');
    expect(documentFileName(sampleInput(), 'docx')).toBe('赵县总工会2024年度整体支出绩效自评报告.docx');
    expect(documentFileName(provincialInput(), 'pdf')).toBe(
      '赵县总工会2024年度2024年困难职工及劳模帮扶救助专项资金（省级）项目支出绩效自评表.pdf',
    );
    expect(documentSubject(provincialInput())).toEqual({
      kind: 'project',
      departmentName: '赵县总工会',
      fiscalYear: 2024,
      projectName: '2024年困难职工及劳模帮扶救助专项资金（省级）',
    });
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
