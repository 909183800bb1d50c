import { indicatorSchema } from '../report/schema/score-table';
import {
  checkLibraryEntry,
  indicatorFromLibrary,
  LIBRARY_TEXT_LIMITS,
  libraryEntryChanges,
  NATURE_LABELS,
  type LibraryEntryFields,
} from './entry';
import { readNature } from './natures';
import {
  countImportActions,
  LIBRARY_COLUMNS,
  librarySheetRows,
  parseLibrarySheet,
  planLibraryImport,
  type SheetCell,
} from './sheet';

const HEADER = ['一级指标', '二级指标', '三级指标', '计量单位', '指标性质', '建议指标值', '佐证材料', '说明'];

const ACCURACY: LibraryEntryFields = {
  level1: '产出指标',
  level2: '质量指标',
  level3: '资金发放准确率',
  unit: '%',
  nature: '=',
  suggestedTarget: '100',
  suggestedEvidence: '银行代发明细',
  note: '',
};

describe('指标库 entries', () => {
  it('trims the texts and fills the optional ones with empty text', () => {
    expect(
      checkLibraryEntry({ level1: ' 产出指标 ', level2: '质量指标\t', level3: '\n资金发放准确率', nature: '=' }),
    ).toEqual({
      ok: true,
      entry: { ...ACCURACY, unit: '', suggestedTarget: '', suggestedEvidence: '' },
    });
  });

  it('names each problem by its field, in the fields’ order, in Chinese', () => {
    const checked = checkLibraryEntry({
      level1: '   ',
      level2: '数量指标',
      level3: '甲'.repeat(201),
      nature: '>',
      note: '注'.repeat(501),
    });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'level1', message: '请填写一级指标' },
        { field: 'level3', message: '三级指标不能超过 200 个字符' },
        { field: 'nature', message: '指标性质只能是 ≥、≤、= 或 定性' },
        { field: 'note', message: '说明不能超过 500 个字符' },
      ],
    });
  });

  it('refuses fields it does not know', () => {
    expect(checkLibraryEntry({ ...ACCURACY, weight: '10' })).toMatchObject({ ok: false });
  });

  it('fits a report’s 绩效自评表 row at every limit, linked to the entry', () => {
    const longest = Object.fromEntries(
      Object.entries(LIBRARY_TEXT_LIMITS).map(([field, max]) => [field, '指'.repeat(max)]),
    ) as unknown as LibraryEntryFields;
    const entry = { ...longest, nature: 'qualitative' as const, id: '9a1c0b7e-4a53-4c1e-9b1a-2f0d3c4b5a69' };
    expect(checkLibraryEntry({ ...longest, nature: 'qualitative' }).ok).toBe(true);
    const row = indicatorFromLibrary(entry);
    expect(indicatorSchema.safeParse(row).success).toBe(true);
    expect(row).toMatchObject({ target: entry.suggestedTarget, evidence: entry.suggestedEvidence, actual: '' });
    expect(row.libraryEntryId).toBe(entry.id);
  });

  it('lists the fields that changed', () => {
    expect(libraryEntryChanges(ACCURACY, { ...ACCURACY, unit: '％', note: '新' })).toEqual(['unit', 'note']);
    expect(libraryEntryChanges(ACCURACY, { ...ACCURACY })).toEqual([]);
  });
});

describe('指标性质 as spreadsheets write it', () => {
  it.each([
    ['≥', '>='],
    ['>=', '>='],
    ['＞=', '>='],
    ['＞＝', '>='],
    ['≧', '>='],
    [' 不低于 ', '>='],
    ['大于等于', '>='],
    ['≤', '<='],
    ['<=', '<='],
    ['＜=', '<='],
    ['≦', '<='],
    ['不超过', '<='],
    ['=', '='],
    ['＝', '='],
    ['等于', '='],
    ['定性', 'qualitative'],
    ['定性指标', 'qualitative'],
    ['Qualitative', 'qualitative'],
  ])('reads %s as %s', (cell, nature) => {
    expect(readNature(cell)).toEqual({ ok: true, nature });
  });

  it('asks for a direction when a sheet only says 定量, and refuses strict or unknown signs', () => {
    expect(readNature('定量')).toEqual({
      ok: false,
      message: '定量指标请写明方向：≥（不低于）、≤（不高于）或 =（等于）',
    });
    expect(readNature('>')).toEqual({ ok: false, message: '「>」不是可用的指标性质，请改为 ≥ 或 ≤' });
    expect(readNature('约')).toEqual({ ok: false, message: '「约」不是可用的指标性质，只能是 ≥、≤、= 或 定性' });
    expect(readNature('  ')).toEqual({ ok: false, message: '请填写指标性质（≥、≤、= 或 定性）' });
  });

  it('labels every nature the way it reads back', () => {
    for (const [nature, label] of Object.entries(NATURE_LABELS)) {
      expect(readNature(label)).toEqual({ ok: true, nature });
    }
  });
});

describe('reading a 指标库 sheet', () => {
  it('reads the entries with the sheet’s row numbers, skipping blank rows', () => {
    const rows: SheetCell[][] = [
      HEADER,
      ['产出指标', '质量指标', '资金发放准确率', '%', '＝', '100', '银行代发明细', ''],
      [],
      ['', null, undefined, '  '],
      ['满意度指标', '服务对象满意度指标', '受益对象满意度', '%', '≥', '90', '满意度调查问卷', '抽样不少于 30 份'],
    ];
    const sheet = parseLibrarySheet(rows);
    expect(sheet.errors).toEqual([]);
    expect(sheet.dataRows).toBe(2);
    expect(sheet.rows).toEqual([
      { row: 2, entry: ACCURACY },
      {
        row: 5,
        entry: {
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          level3: '受益对象满意度',
          unit: '%',
          nature: '>=',
          suggestedTarget: '90',
          suggestedEvidence: '满意度调查问卷',
          note: '抽样不少于 30 份',
        },
      },
    ]);
  });

  it('finds the columns by their headers (in any order, under a title, with common other names)', () => {
    const rows: SheetCell[][] = [
      ['赵县预算绩效指标库（2025 年）'],
      [],
      ['性质', '三级指标', '二级指标', '一级指标*', '备注', '单位'],
      ['定性', '政策知晓度', '社会效益指标', '效益指标', '宣传覆盖', ''],
    ];
    const sheet = parseLibrarySheet(rows);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows).toEqual([
      {
        row: 4,
        entry: {
          level1: '效益指标',
          level2: '社会效益指标',
          level3: '政策知晓度',
          unit: '',
          nature: 'qualitative',
          suggestedTarget: '',
          suggestedEvidence: '',
          note: '宣传覆盖',
        },
      },
    ]);
  });

  it('answers each row’s problems by row and column, and no entry for such a row', () => {
    const rows: SheetCell[][] = [
      HEADER,
      ['产出指标', '', '资金发放准确率', '%', '定量', '100', '', ''],
      ['产出指标', '数量指标', '补助人数', '人'.repeat(21), '≥', '1'.repeat(101), '', ''],
      ['产出指标', '质量指标', '资金发放准确率', '%', '=', '100', '', ''],
      ['产出指标', '质量指标', '资金发放准确率', '%', '≥', '99', '', ''],
    ];
    const sheet = parseLibrarySheet(rows);
    expect(sheet.errors).toEqual([
      { row: 2, column: '二级指标', message: '请填写二级指标' },
      { row: 2, column: '指标性质', message: '定量指标请写明方向：≥（不低于）、≤（不高于）或 =（等于）' },
      { row: 3, column: '计量单位', message: '计量单位不能超过 20 个字符' },
      { row: 3, column: '建议指标值', message: '建议指标值不能超过 100 个字符' },
      { row: 5, column: '三级指标', message: '与第 4 行重复：一级、二级、三级指标都相同' },
    ]);
    expect(sheet.rows.map((r) => r.row)).toEqual([4]);
    expect(sheet.dataRows).toBe(4);
  });

  it('says what is missing when the header cannot be found or lacks a required column', () => {
    expect(
      parseLibrarySheet([
        ['名称', '数值'],
        ['甲', '1'],
      ]),
    ).toEqual({
      rows: [],
      errors: [
        {
          row: 1,
          column: '',
          message:
            '没有找到表头：表头应为 一级指标、二级指标、三级指标、计量单位、指标性质、建议指标值、佐证材料、说明',
        },
      ],
      dataRows: 2,
    });
    expect(
      parseLibrarySheet([
        ['一级指标', '二级指标', '三级指标'],
        ['甲', '乙', '丙'],
      ]).errors,
    ).toEqual([{ row: 1, column: '指标性质', message: '缺少「指标性质」列' }]);
    expect(parseLibrarySheet([]).errors).toHaveLength(1);
    expect(parseLibrarySheet([HEADER, [], ['  ']]).errors).toEqual([
      { row: 2, column: '', message: '表头下方没有指标' },
    ]);
  });

  it('takes a sparse list of rows (a spreadsheet library skips empty rows) with the sheet’s numbers', () => {
    const rows: Array<SheetCell[] | undefined> = [];
    rows[0] = HEADER;
    rows[41] = ['产出指标', '质量指标', '资金发放准确率', '%', '=', '100', '银行代发明细', ''];
    const sheet = parseLibrarySheet(rows);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows).toEqual([{ row: 42, entry: ACCURACY }]);
  });

  it('reads its own export back unchanged', () => {
    const entries: LibraryEntryFields[] = (['>=', '<=', '=', 'qualitative'] as const).map((nature, i) => ({
      ...ACCURACY,
      level3: `指标${i}`,
      nature,
    }));
    const rows = librarySheetRows(entries);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[0]).toEqual(LIBRARY_COLUMNS.map((c) => c.header));
    expect(rows.slice(1).map((r) => r[4])).toEqual(['≥', '≤', '=', '定性']);
    const sheet = parseLibrarySheet(rows);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows.map((r) => r.entry)).toEqual(entries);
  });
});

describe('planning an import', () => {
  const existing = [
    { ...ACCURACY, id: 'id-accuracy', active: true },
    { ...ACCURACY, level3: '资金到位率', id: 'id-arrival', active: false },
    { ...ACCURACY, level3: '补助标准执行率', id: 'id-standard', active: true },
  ];

  it('creates new names, updates changed or archived entries, and leaves the rest', () => {
    const plan = planLibraryImport(
      [
        { row: 2, entry: ACCURACY },
        { row: 3, entry: { ...ACCURACY, level3: '资金到位率' } },
        { row: 4, entry: { ...ACCURACY, level3: '补助标准执行率', suggestedTarget: '98' } },
        { row: 6, entry: { ...ACCURACY, level3: '发放及时率' } },
      ],
      existing,
    );
    expect(plan.map(({ row, action, existingId, changes }) => ({ row, action, existingId, changes }))).toEqual([
      { row: 2, action: 'unchanged', existingId: 'id-accuracy', changes: [] },
      { row: 3, action: 'update', existingId: 'id-arrival', changes: ['active'] },
      { row: 4, action: 'update', existingId: 'id-standard', changes: ['suggestedTarget'] },
      { row: 6, action: 'create', existingId: null, changes: [] },
    ]);
    expect(countImportActions(plan)).toEqual({ create: 1, update: 2, unchanged: 1 });
  });

  it('matches names exactly (another 二级指标 is another entry)', () => {
    const [row] = planLibraryImport([{ row: 2, entry: { ...ACCURACY, level2: '数量指标' } }], existing);
    expect(row.action).toBe('create');
  });
});
