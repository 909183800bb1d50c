import { cleanText } from './text';

/**
 * The department a report names on its first page, read from the three places a cover puts it: alone on the
 * line above the title (「赵县总工会部门」), before the year that starts the title (「中共…办公室 2023年部门整体
 * 支出绩效自评报告」), or after a label (「部门(单位)名称: 岳阳市城市管理监督指挥中心」). Offsets are in the
 * paragraph's text as written; the value is cleaned as the paragraph's text would be.
 */
export interface NameFound {
  value: string;
  start: number;
  end: number;
}

/** Chinese characters (brackets allowed), from the first character on: no digits, no punctuation of a sentence. */
const NAME = /^[\u3400-\u9fff][\u3400-\u9fff（）()·]{1,39}$/;
/** words of a report's title or cover, never of a department's name */
const NOT_NAME = /报告|绩效|自评|评价|预算|决算|支出|附件|目录|公开|说明|征求意见|草稿/;
/** a place alone (「岳阳市」 before 「2018年度部门整体支出」) is not the department */
const PLACE = /^[\u3400-\u9fff]{1,10}(省|市|县|区|州|盟|旗|乡|镇)$/;

export function isDepartmentName(text: string): boolean {
  return NAME.test(text) && !NOT_NAME.test(text) && !PLACE.test(text);
}

const found = (start: number, written: string, value: string): NameFound => ({
  value,
  start,
  end: start + written.length,
});

/** 「赵县总工会部门」 alone on its line: the name, the 「部门」 a cover adds to it left out. */
export function readDepartmentLine(raw: string): NameFound | null {
  const m = /^(\s*)(\S.*?)(?:\s*部\s*门)?\s*$/.exec(raw);
  if (!m) return null;
  const value = cleanText(m[2]);
  return isDepartmentName(value) ? found(m[1].length, m[2], value) : null;
}

/**
 * 「部门(单位)名称: 岳阳市城市管理监督指挥中心」, 「单位名称：…」, 「评价单位(公章):徐闻县前山镇人民政府」 (the unit
 * that evaluates itself, a seal's note in brackets): the name after the label.
 */
export function readDepartmentLabel(raw: string): NameFound | null {
  const m =
    /^\s*(?:(?:预算)?(?:部\s*门|单\s*位)\s*(?:[(（]\s*(?:单\s*位|部\s*门)\s*[)）])?\s*名\s*称|(?:评\s*价|填\s*报|自\s*评)\s*单\s*位)\s*(?:[(（]\s*(?:公\s*章|盖\s*章|签\s*章)\s*[)）])?\s*[:：]\s*(\S(?:.*\S)?)\s*$/.exec(
      raw,
    );
  if (!m) return null;
  const value = cleanText(m[1]);
  return isDepartmentName(value) ? found(m[0].lastIndexOf(m[1]), m[1], value) : null;
}

/**
 * A title line split at the year that starts the title proper: what stands before it (the department's name,
 * or nothing) and where the title starts. `department` is null when nothing stands before the year; `named`
 * is false when something does that is no department's name (and not the one given).
 */
export function splitTitleLine(
  raw: string,
  own: string,
): { department: NameFound | null; named: boolean; titleStart: number } | null {
  const year = /\d{4}\s*年/.exec(raw);
  if (!year) return null;
  const prefix = raw.slice(0, year.index);
  const written = prefix.trim();
  if (!written) return { department: null, named: true, titleStart: year.index };
  const value = cleanText(written);
  const start = prefix.indexOf(written);
  const named = isDepartmentName(value) || (own !== '' && value === own);
  return { department: named ? found(start, written, value) : null, named, titleStart: year.index };
}

/**
 * 「2021年茂名市发展和改革局部门整体支出绩效自评报告」: the name between the year that starts the title and the
 * report's words (整体支出, the 「部门」 a title adds left out), spaces a PDF left anywhere in it.
 */
export function readTitleName(raw: string): NameFound | null {
  const m = /^\s*\d{4}\s*年\s*度?\s*([\u3400-\u9fff（）()·\s]{2,60}?)\s*(?:部\s*门\s*)?整\s*体\s*支\s*出/.exec(raw);
  if (!m) return null;
  const value = cleanText(m[1]).replace(/\s+/g, '');
  // 「2024年度部门整体支出」 names no one
  return isDepartmentName(value) && !/^(部门|单位)$/.test(value) ? found(m[0].indexOf(m[1]), m[1], value) : null;
}
