import { createContext, useContext, type ReactNode } from 'react';
import { Flex, Tag, Tooltip } from 'antd';
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

/** How an inferred field stands out: a pale gold ground, for the user to check it. */
export const INFERRED_STYLE = { background: '#fffbe6', borderRadius: 4, padding: 4, margin: -4 };

/** The 来源 marker beside an imported field's label: the source text on hover; 推断 when it was inferred. */
export function SourceMarker({
  path,
  span,
  inferred,
  inCell = false,
}: {
  path: string;
  span: SourceSpanView | undefined;
  inferred: boolean;
  /** under a table cell's input rather than beside a label */
  inCell?: boolean;
}) {
  const title = span ? `${placeOf(span)}：「${span.text}」` : '由导入推断得出，请核对';
  return (
    <Tooltip title={title}>
      <Tag
        color={inferred ? 'gold' : 'blue'}
        data-source-path={path}
        data-inferred={inferred || undefined}
        style={{ marginInlineStart: inCell ? 0 : 6, fontSize: 11, lineHeight: '16px', cursor: 'help' }}
        tabIndex={0}
        aria-label={`来源：${title}`}
      >
        {inferred ? '推断' : '来源'}
      </Tag>
    </Tooltip>
  );
}

/**
 * A table cell's input (绩效指标, 预算明细, 资金情况, 部门职能…) with its 来源 marker under it and, when inferred,
 * highlighted: what FieldShell does beside a label, for the fields that have none. A cell without a source
 * renders its input alone.
 */
export function SourcedCell({ path, children }: { path: string; children: ReactNode }) {
  const source = useFieldSource(path);
  if (!source) return children;
  return (
    <Flex
      vertical
      gap={2}
      align="flex-start"
      data-inferred={source.inferred || undefined}
      style={source.inferred ? INFERRED_STYLE : undefined}
    >
      <div style={{ alignSelf: 'stretch' }}>{children}</div>
      <SourceMarker path={path} span={source.span} inferred={source.inferred} inCell />
    </Flex>
  );
}
