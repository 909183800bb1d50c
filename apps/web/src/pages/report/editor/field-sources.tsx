import { createContext, useContext } from 'react';
import { Tag, Tooltip } from 'antd';
import type { SourceSpanView } from '../../../api/report-imports-api';

/** Where the fields of an imported report came from, by content path, and which were inferred. */
export interface FieldSources {
  sources: Record<string, SourceSpanView>;
  inferred: ReadonlySet<string>;
}

export const FieldSourcesContext = createContext<FieldSources | null>(null);

/** Where in the document a span is: a table's cell or a paragraph (numbered from 1, as people count). */
export function placeOf(span: SourceSpanView): string {
  return span.cell
    ? `第 ${span.block + 1} 块（表格）第 ${span.cell.row + 1} 行第 ${span.cell.column + 1} 列`
    : `第 ${span.block + 1} 段`;
}

/** The source of one field and whether it was inferred; null when it has neither (or nothing was imported). */
export function useFieldSource(path: string): { span: SourceSpanView | undefined; inferred: boolean } | null {
  const found = useContext(FieldSourcesContext);
  if (!found) return null;
  const span = found.sources[path];
  const inferred = found.inferred.has(path);
  return span || inferred ? { span, inferred } : null;
}

/** The 来源 marker beside an imported field's label: the source text on hover; 推断 when it was inferred. */
export function SourceMarker({
  path,
  span,
  inferred,
}: {
  path: string;
  span: SourceSpanView | undefined;
  inferred: boolean;
}) {
  const title = span ? `${placeOf(span)}：「${span.text}」` : '由导入推断得出，请核对';
  return (
    <Tooltip title={title}>
      <Tag
        color={inferred ? 'gold' : 'blue'}
        data-source-path={path}
        data-inferred={inferred || undefined}
        style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px', cursor: 'help' }}
        tabIndex={0}
        aria-label={`来源：${title}`}
      >
        {inferred ? '推断' : '来源'}
      </Tag>
    </Tooltip>
  );
}
