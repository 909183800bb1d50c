import type { SourceDocument } from '../source-document';
import { findFiguresInDocument } from './in-document';

const cell = (text: string, covered = false) => ({ text, colSpan: 1, rowSpan: 1, covered });

describe('findFiguresInDocument', () => {
  it('locates figures in paragraphs and in table cells, skipping cells covered by a merge', () => {
    const document: SourceDocument = {
      format: 'docx',
      blocks: [
        { kind: 'paragraph', index: 0, text: '净资产 400.21 万元，较上年减少 1.9%。' },
        {
          kind: 'table',
          index: 1,
          rows: [
            [cell('项目'), cell('金额')],
            [cell('上解经费'), cell('47万元')],
            [cell('合计 178.646万元'), cell('', true)],
          ],
        },
      ],
    };
    expect(findFiguresInDocument(document).map((f) => [f.kind, f.value, f.source])).toEqual([
      ['amount', '400.21', { block: 0, start: 4, end: 13, text: '400.21 万元' }],
      ['percent', '1.9', { block: 0, start: 20, end: 24, text: '1.9%' }],
      ['amount', '47', { block: 1, cell: { row: 1, column: 1 }, start: 0, end: 4, text: '47万元' }],
      ['amount', '178.646', { block: 1, cell: { row: 2, column: 0 }, start: 3, end: 12, text: '178.646万元' }],
    ]);
  });
});
