import { table } from './doc.spec-helper';
import {
  readBudgetLineTable,
  readHeaderlessTeamTable,
  readOrgUnitTable,
  readStaffingTable,
  readTeamTable,
} from './tables';

describe('readOrgUnitTable', () => {
  it('reads each unit’s columns by their header words, in any order', () => {
    const read = readOrgUnitTable(
      table([
        ['序号', '经费保障形式', '单位名称', '单位性质', '机构规格'],
        ['1', '财政拨款', '某某局', '行政', '正科级'],
        ['2', '财政补助', '某某中心', '事业', '股级'],
      ]),
    );
    expect(read?.rows.map((r) => r.value)).toEqual([
      { name: '某某局', nature: '行政', level: '正科级', fundingForm: '财政拨款' },
      { name: '某某中心', nature: '事业', level: '股级', fundingForm: '财政补助' },
    ]);
    expect(read?.rows[1]).toMatchObject({ row: 2, columns: { name: 2, fundingForm: 1 } });
  });

  it('is not a table of units without 单位名称 beside another of its columns', () => {
    expect(readOrgUnitTable(table([['单位名称'], ['某某局']]))).toBeNull();
    expect(
      readOrgUnitTable(
        table([
          ['姓名', '单位'],
          ['张三', '某某局'],
        ]),
      ),
    ).toBeNull();
  });
});

describe('readStaffingTable', () => {
  it('reads 编制数 and 实有人数 per category as whole numbers, a dash as none, the total row left out', () => {
    const read = readStaffingTable(
      table([
        ['人员类别', '编制数', '实有人数'],
        ['行政人员', '5', '4人'],
        ['工勤人员', '—', '1'],
        ['合计', '5', '5'],
      ]),
    );
    expect(read?.rows.map((r) => r.value)).toEqual([
      { category: '行政人员', authorized: 5, actual: 4 },
      { category: '工勤人员', authorized: null, actual: 1 },
    ]);
    expect(read?.skipped).toEqual([]);
  });

  it('lists a row whose count is not a whole number instead of guessing it', () => {
    const read = readStaffingTable(
      table([
        ['类别', '实有人数'],
        ['行政人员', '约4'],
      ]),
    );
    expect(read).toEqual({ rows: [], skipped: [1] });
  });

  it('reads a form with no category column (湖南’s 财政供养人员情况) only when all staff stand in one row', () => {
    const head = ['财政供养人员情况（人）', '编制数', '2024 年实际在职人数', '控制率'];
    const one = readStaffingTable(table([head, ['', '20', '18', '90%']]));
    expect(one?.rows.map((r) => r.value)).toEqual([{ category: '', authorized: 20, actual: 18 }]);
    // two rows and no names: whose numbers are they?
    expect(readStaffingTable(table([head, ['', '20', '18', ''], ['', '3', '3', '']]))).toBeNull();
  });
});

describe('readBudgetLineTable', () => {
  it('reads names, amounts exactly in the header’s unit (元 → 万元), document numbers as written', () => {
    const read = readBudgetLineTable(
      table([
        ['序号', '项目名称', '资金文号', '年初预算（元）', '执行数（元）'],
        ['1', '劳模体检费', '', '28,200', '28,200.00'],
        ['2', '困难职工帮扶', '冀财行【2023】98号', '103,360', ''],
        ['3', '办公费', '', '1,000.05', ''],
        ['合计', '', '', '131,560', ''],
      ]),
    );
    expect(read?.unitFromHeader).toBe(true);
    expect(read?.rows.map((r) => r.value)).toEqual([
      { name: '劳模体检费', amount: '2.82', spent: '2.82', documentNumber: '' },
      { name: '困难职工帮扶', amount: '10.336', spent: null, documentNumber: '冀财行【2023】98号' },
    ]);
    // 1,000.05 元 is 0.100005 万元: more decimals than the schema keeps — listed, never rounded
    expect(read?.skipped).toEqual([3]);
  });

  it('takes 万元 when the header names no unit, and says so; lists a row it cannot read', () => {
    const read = readBudgetLineTable(
      table([
        ['项目名称', '金额'],
        ['上解经费', '47'],
        ['其他', '若干'],
      ]),
    );
    expect(read?.unitFromHeader).toBe(false);
    expect(read?.rows.map((r) => r.value.amount)).toEqual(['47']);
    expect(read?.skipped).toEqual([2]);
  });

  it('leaves the 绩效自评表’s money rows to the score-table reader', () => {
    expect(
      readBudgetLineTable(
        table([
          ['项目', '年初预算数', '全年预算数', '全年执行数'],
          ['年度资金总额', '1', '1', '1'],
        ]),
      ),
    ).toBeNull();
  });
});

describe('readTeamTable', () => {
  it('reads each member by the header words, leaving the signature column', () => {
    const read = readTeamTable(
      table([
        ['姓名', '工作单位', '职务', '职称', '签字'],
        ['杜力伟', '赵县总工会', '党组书记、常务副主席', '', ''],
        ['', '', '', '', ''],
      ]),
    );
    expect(read?.rows.map((r) => r.value)).toEqual([
      { name: '杜力伟', unit: '赵县总工会', position: '党组书记、常务副主席', title: '' },
    ]);
  });

  it('lists a row whose first cell is no person’s name', () => {
    expect(
      readTeamTable(
        table([
          ['姓名', '职务'],
          ['详见附件名单', ''],
        ]),
      )?.skipped,
    ).toEqual([1]);
  });

  it('reads a headerless list only when every row starts with a name and has 3 or 4 cells', () => {
    expect(readHeaderlessTeamTable(table([['贾岩峰', '赵县总工会', '副主席']]))?.rows[0].value).toEqual({
      name: '贾岩峰',
      unit: '赵县总工会',
      position: '副主席',
      title: '',
    });
    expect(readHeaderlessTeamTable(table([['上解经费', '47']]))).toBeNull();
    expect(readHeaderlessTeamTable(table([['合计金额（万元）', '47', '47']]))).toBeNull();
  });
});
