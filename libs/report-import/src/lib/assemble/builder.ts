import type { ReportContent } from '@evalflow/domain';
import type { SourceDocument, SourceSpan } from '../source-document';
import type { UnplacedBlock } from '../import-result';
import { cleanText } from './text';

/** What the assembly writes into as it goes: the content, each value's source, and the blocks it used. */
export class Builder {
  readonly sources: Record<string, SourceSpan> = {};
  readonly inferred = new Set<string>();
  readonly unplaced: UnplacedBlock[] = [];
  readonly used = new Set<number>();
  constructor(
    readonly doc: SourceDocument,
    readonly content: ReportContent,
  ) {}

  /** A narrative text as stored: a .txt copied from a PDF loses its spaces beside Chinese text; a .docx is kept as written. */
  text(text: string): string {
    return this.doc.format === 'txt' ? cleanText(text) : text.trim();
  }

  /** Sets the value at a dotted path (arrays by index) and records where it came from. */
  set(path: string, value: unknown, source: SourceSpan | null, inferred = false): void {
    const keys = path.split('.');
    let at = this.content as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    at[keys[keys.length - 1]] = value;
    if (source) {
      this.sources[path] = source;
      this.used.add(source.block);
    }
    if (inferred) this.inferred.add(path);
  }

  /** The span of a whole paragraph, or of `start…end` in it. */
  paragraphSpan(block: number, start?: number, end?: number): SourceSpan {
    const b = this.doc.blocks[block];
    const text = b?.kind === 'paragraph' ? b.text : '';
    const s = start ?? 0;
    const e = end ?? text.length;
    return { block, start: s, end: e, text: text.slice(s, e) };
  }

  cellSpan(block: number, row: number, column: number): SourceSpan {
    const b = this.doc.blocks[block];
    const text = b?.kind === 'table' ? (b.rows[row]?.[column]?.text ?? '') : '';
    return { block, cell: { row, column }, start: 0, end: text.length, text };
  }

  leave(block: number, reason: string): void {
    this.used.add(block);
    const b = this.doc.blocks[block];
    const text =
      b?.kind === 'paragraph'
        ? b.text
        : b
          ? b.rows
              .flat()
              .map((c) => c.text)
              .join(' ')
          : '';
    this.unplaced.push({ block, excerpt: text.replace(/\s+/g, ' ').trim().slice(0, 60), reason });
  }
}
