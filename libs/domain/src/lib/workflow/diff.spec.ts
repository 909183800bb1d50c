import { diffContent, jsonEqual } from './diff';

describe('diffContent', () => {
  it('nothing changed, nothing listed; key order does not matter', () => {
    expect(diffContent({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
    expect(jsonEqual({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toBe(true);
  });

  it('names each changed field by its path, with both values', () => {
    expect(
      diffContent(
        { budget: { projectBudgetTotal: '178.65', projectSpent: '178.646' } },
        { budget: { projectBudgetTotal: '178.646', projectSpent: '178.646' } },
      ),
    ).toEqual([{ kind: 'changed', path: 'budget.projectBudgetTotal', from: '178.65', to: '178.646' }]);
  });

  it('a row inserted in the middle is one added row, not every later row changed', () => {
    const rows = ['甲', '乙', '丙', '丁'].map((name) => ({ name }));
    const withNew = [rows[0], rows[1], { name: '新' }, rows[2], rows[3]];
    expect(diffContent({ members: rows }, { members: withNew })).toEqual([
      { kind: 'added', path: 'members.2', to: { name: '新' } },
    ]);
    expect(diffContent({ members: withNew }, { members: rows })).toEqual([
      { kind: 'removed', path: 'members.2', from: { name: '新' } },
    ]);
  });

  it('a row edited in place is diffed field by field', () => {
    const from = [
      { name: '工会经费', amount: '47', documentNumber: 'A' },
      { name: '困难职工帮扶', amount: '82', documentNumber: 'B' },
    ];
    const to = [from[0], { ...from[1], amount: '83' }];
    expect(diffContent({ lines: from }, { lines: to })).toEqual([
      { kind: 'changed', path: 'lines.1.amount', from: '82', to: '83' },
    ]);
  });

  it('rows removed at the end and fields added or removed', () => {
    expect(diffContent({ a: [1, 2, 3], b: 1 }, { a: [1], c: 2 })).toEqual([
      { kind: 'removed', path: 'a.1', from: 2 },
      { kind: 'removed', path: 'a.2', from: 3 },
      { kind: 'removed', path: 'b', from: 1 },
      { kind: 'added', path: 'c', to: 2 },
    ]);
  });

  it('null to a value and a value to null are changes', () => {
    expect(diffContent({ score: null }, { score: '95' })).toEqual([
      { kind: 'changed', path: 'score', from: null, to: '95' },
    ]);
  });
});
