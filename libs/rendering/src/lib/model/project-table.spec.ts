import { emptyProjectContent } from '@evalflow/domain';
import { luanchengUnionSports2024, zhaoxianCityRelief2024 } from '@evalflow/samples';
import { squash } from '@evalflow/samples/testing';
import { PROVINCIAL_CODE, provincialFacts, provincialInput, projectInput } from '../../test/projects';
import { APPROVAL_DATE, notInOrder } from '../../test/sample';
import { buildReportDocument } from './build';
import { blockTexts, type Block, type TableModel } from './document';

const textOf = (blocks: Block[]) => squash(blocks.flatMap(blockTexts).join(''));
const tablesOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const rowTexts = (table: TableModel) => table.rows.map((row) => row.flatMap((c) => (c ? [c.text] : [])));

/**
 * The grid positions each row's cells cover, row spans included: a well-formed table covers every
 * column of every row exactly once.
 */
function coverage(table: TableModel): number[][] {
  const covered = table.rows.map(() => new Array<number>(table.widths.length).fill(0));
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered[r + dr][c + dc] += 1;
    }),
  );
  return covered;
}

describe('the 项目支出绩效自评表 as blocks', () => {
  const doc = buildReportDocument(provincialInput());

  it('is the form’s title, the year, one table and its foot, named after the project', () => {
    expect(doc.blocks.slice(0, 2)).toEqual([
      { kind: 'title', size: 'form', lines: ['项目支出绩效自评表'] },
      { kind: 'line', spans: [{ text: '（2024年度）' }], align: 'center', size: 'small' },
    ]);
    expect(tablesOf(doc.blocks)).toHaveLength(1);
    expect(doc.blocks.some((b) => b.kind === 'pageBreak' || b.kind === 'heading')).toBe(false);
    expect(doc.title).toBe('赵县总工会2024年度2024年困难职工及劳模帮扶救助专项资金（省级）项目支出绩效自评表');
    expect(doc.subject).toBe('项目支出绩效自评表');
    expect(doc.author).toBe('赵县总工会');
  });

  it('shows every fact of the table in reading order, and not the 项目编码', () => {
    expect(notInOrder(textOf(doc.blocks), provincialFacts())).toEqual([]);
    expect(textOf(doc.blocks)).not.toContain(PROVINCIAL_CODE);
  });

  it('is one well-formed grid in the small (五号) size: every position covered once', () => {
    const [table] = tablesOf(doc.blocks);
    expect(table.size).toBe('small');
    expect(table.widths).toHaveLength(9);
    for (const row of coverage(table)) expect(row).toEqual(new Array(9).fill(1));
    for (const row of table.rows) expect(row).toHaveLength(9);
  });

  it('merges the block labels and runs of 一级/二级指标 down their rows', () => {
    const [table] = tablesOf(doc.blocks);
    const labelled = table.rows.flatMap((row) => (row[0]?.rowSpan ? [[row[0].text, row[0].rowSpan]] : []));
    // 项目资金: head + 4 money rows; 年度总体目标: head + 1 goal; 绩效指标: head + 5 indicators
    expect(labelled).toEqual([
      ['项目资金（万元）', 5],
      ['年度总体目标', 2],
      ['绩效指标', 6],
    ]);
    const output = table.rows.find((row) => row[1]?.text === '产出指标');
    expect(output?.[1]?.rowSpan).toBe(3);
  });

  it('scores the total money row only, and totals the 分值 exactly', () => {
    const rows = rowTexts(tablesOf(doc.blocks)[0]);
    expect(rows.find((r) => r[0] === '年度资金总额')).toEqual([
      '年度资金总额',
      '10.336',
      '10.336',
      '10.336',
      '10',
      '100%',
      '10',
    ]);
    expect(rows.find((r) => r[0] === '上年结转资金')).toEqual(['上年结转资金', '0', '0', '0', '—', '—', '—']);
    expect(rows.find((r) => r[0] === '总分')).toEqual(['总分', '100', '97', '']);
    expect(rows.find((r) => r[0] === '评价等级')).toEqual(['评价等级', '优秀']);
  });

  it('grades by the county’s bands when no grade is stated', () => {
    const content = provincialInput().content;
    content.conclusion = { totalScore: '85.5', grade: null, basis: '' };
    const rows = rowTexts(tablesOf(buildReportDocument(projectInput(content)).blocks)[0]);
    expect(rows.find((r) => r[0] === '评价等级')).toEqual(['评价等级', '良好']);
  });

  it('numbers several goals 1. 2. side by side, and adds the funding’s 偏差原因 as a row', () => {
    const content = luanchengUnionSports2024();
    content.objectives.items.push({ expected: '职工满意度不低于90%', actual: '满意度93%' });
    content.scoreTable.funding.deviationNote = '部分活动节约开支，执行率95.38%';
    const text = textOf(buildReportDocument(projectInput(content, { departmentName: '栾城区总工会' })).blocks);
    expect(
      notInOrder(text, [
        '年度资金总额6.56.56.21095.38%9.54',
        '其他资金000———',
        '偏差原因部分活动节约开支，执行率95.38%',
        '年度总体目标预期目标实际完成情况',
        '1.在五一劳动节',
        '1.举办职工运动会',
        '2.职工满意度不低于90%2.满意度93%',
        '总分10095.04',
      ]),
    ).toEqual([]);
  });

  it('leaves a draft’s missing values empty, as the paper form would be, and blanks the date to write by hand', () => {
    const doc = buildReportDocument(projectInput(zhaoxianCityRelief2024(), { watermark: '草稿', approval: null }));
    const rows = rowTexts(tablesOf(doc.blocks)[0]);
    expect(rows.find((r) => r.includes('困难劳模生活得到改善'))).toEqual([
      '效益指标',
      '社会效益指标',
      '困难劳模生活得到改善',
      '明显改善',
      '',
      '30',
      '',
      '',
    ]);
    expect(rows.find((r) => r[0] === '总分')).toEqual(['总分', '100', '', '']);
    expect(rows.find((r) => r[0] === '评价等级')).toEqual(['评价等级', '']);
    expect(blockTexts(doc.blocks[doc.blocks.length - 2])).toEqual([
      '填表人：孟荣敏\u3000\u3000联系电话：0311-84912345\u3000\u3000填报日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日',
    ]);
    expect(doc.watermark).toBe('草稿');
    expect(textOf(doc.blocks)).not.toContain('审核');
  });

  it('renders a new, empty table without failing', () => {
    const content = emptyProjectContent({
      departmentName: '某县文化馆',
      project: { code: 'P1', name: '公共文化服务' },
    });
    const doc = buildReportDocument(projectInput(content, { departmentName: '某县文化馆', approval: null }));
    const text = textOf(doc.blocks);
    expect(text).toContain('项目名称公共文化服务主管部门某县文化馆实施单位某县文化馆');
    expect(text).toContain('填表人：联系电话：填报日期：年月日');
    expect(doc.title).toBe('某县文化馆2024年度公共文化服务项目支出绩效自评表');
    for (const row of coverage(tablesOf(doc.blocks)[0])) expect(row).toEqual(new Array(9).fill(1));
  });

  it('ends an approved revision with the approval block; a draft or submitted one has none', () => {
    expect(doc.blocks.slice(-3).map((b) => blockTexts(b)[0])).toEqual([
      '审核结论：审核通过',
      '审核人：王建国',
      `审核日期：${APPROVAL_DATE}`,
    ]);
    expect(doc.watermark).toBeNull();
  });
});
