import type { NumberedHeading } from '@evalflow/domain';
import type { RenderInput } from '../render-input';
import { BLANK, chineseDate, numbering, paragraphsOf } from './chinese';
import type { Block, Span } from './document';

/** Block constructors shared by the report kinds. */

/**
 * A heading as the template numbers it (「一、部门基本情况」「第一部分 部门概况」): the renderers set each level in
 * its typeface — level 1 黑体, level 2 楷体, level 3 仿宋 — whatever the numbering.
 */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const h1 = (text: string): Block => heading(1, text);
export const h2 = (text: string): Block => heading(2, text);
export const h3 = (text: string): Block => heading(3, text);

/** A heading of the template's outline, its number before its title; a deeper one than three set as level 3. */
export const outlineHeading = (h: NumberedHeading): Block =>
  [h1, h2, h3][Math.min(h.level, 3) - 1](`${h.number}${h.title}`);

export const paragraph = (text: string): Block => ({ kind: 'paragraph', spans: [{ text }] });
export const caption = (text: string): Block => ({
  kind: 'line',
  spans: [{ text, typeface: 'heading' }],
  align: 'center',
  size: 'body',
});

/** One paragraph each, or the blank mark when there is none. */
export function paragraphs(texts: string[]): Block[] {
  const kept = texts.map((t) => t.trim()).filter(Boolean);
  return (kept.length > 0 ? kept : [BLANK]).map(paragraph);
}

/** A multi-line field as one run of text (a list item, a table cell): line breaks dropped. */
export const oneLine = (text: string) => text.replace(/\s*\n\s*/g, '').trim();

/** 「1.…」 「2.…」: one paragraph an item. */
export function numbered(texts: string[]): Block[] {
  const kept = texts.map(oneLine).filter(Boolean);
  if (kept.length === 0) return [paragraph(BLANK)];
  return kept.map((text, i) => paragraph(`${numbering.level3(i + 1)}${text}`));
}

/** A 楷体 lead-in 「（一）…：」 run into the field's first paragraph, as the sample writes section 五. */
export function leadIn(label: string, text: string): Block[] {
  const [first, ...rest] = paragraphsOf(text);
  const spans: Span[] = [{ text: label, typeface: 'kai' }, { text: first ?? BLANK }];
  return [{ kind: 'paragraph', spans }, ...rest.map(paragraph)];
}

/**
 * 审核结论 / 审核人 / 审核日期 of an approved revision, to the right, one empty line above, after the approver's
 * 审批意见 when one was written (to the left, as a paragraph of its own); nothing for a draft or a submitted
 * revision. `size` is the report's body size or the smaller one of a form.
 */
export function approvalBlock(approval: RenderInput['approval'], size: 'body' | 'small'): Block[] {
  if (!approval) return [];
  const opinion = approval.opinion ? oneLine(approval.opinion) : '';
  const opinionLine: Block[] = opinion
    ? [
        {
          kind: 'line',
          spans: [{ text: '审批意见：', typeface: 'kai' }, { text: opinion }],
          align: 'left',
          size,
          indentChars: 2,
          spaceBefore: true,
        },
      ]
    : [];
  const lines = [
    '审核结论：审核通过',
    `审核人：${approval.approverName}`,
    `审核日期：${chineseDate(approval.approvedAt)}`,
  ];
  return [
    ...opinionLine,
    ...lines.map<Block>((text, i) => ({
      kind: 'line',
      spans: [{ text }],
      align: 'right',
      size,
      indentChars: 2,
      ...(i === 0 ? { spaceBefore: true } : {}),
    })),
  ];
}
