/**
 * The page of GB/T 9704-2012 (党政机关公文格式), which county offices follow for reports too: A4, a text
 * block of 156 mm × 225 mm with 37 mm above it and 28 mm to its left; 22 lines of 28 characters in
 * 三号 (16 pt) 仿宋; the title in 二号 (22 pt) 小标宋; page numbers in 四号 (14 pt) with a dash on either
 * side, 7 mm below the text block, to the right on odd pages and to the left on even ones, one
 * character in from the edge.
 */

/** points per millimetre */
export const PT_PER_MM = 72 / 25.4;

export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** the page number's distance below the text block */
export const FOOTER_GAP_MM = 7;

/** type sizes (pt): 二号, 小二, 三号, 四号, 小四, 五号 */
export const SIZE = { title: 22, formTitle: 18, body: 16, pageNumber: 14, table: 12, small: 10.5 } as const;

/** 22 lines in 225 mm: the fixed line pitch (Word's 「固定值 28.95 磅」) */
export const LINE_PITCH = 28.95;
export const TITLE_PITCH = 36;
export const FORM_TITLE_PITCH = 30;
export const TABLE_PITCH = { normal: 18, small: 13.5, dense: 13 } as const;
/** the space a line set apart has above it: an empty line in body text, half a line of 小四 under a form (which must fit its page) */
export const SPACE_BEFORE = { body: LINE_PITCH, small: TABLE_PITCH.normal / 2 } as const;
/** cell padding (pt); a dense table (a form that must fit one page) sits tighter */
export const CELL_PADDING = { normal: { x: 3, y: 2 }, dense: { x: 2, y: 1.5 } } as const;
/** 28 characters in 156 mm: 16 pt characters drawn 0.25 pt closer */
export const BODY_CHARACTER_SPACING = -0.25;

export const TEXT_WIDTH_PT = (PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right) * PT_PER_MM;

/**
 * The fonts a DOCX names: those of GB/T 9704 as installed on county office computers (Windows, WPS).
 * A computer without one substitutes its own; the PDF embeds free stand-ins instead (fonts.ts).
 */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  kai: '楷体_GB2312',
} as const;
