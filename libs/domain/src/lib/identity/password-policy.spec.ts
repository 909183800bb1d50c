import fc from 'fast-check';
import { checkPasswordPolicy, describePasswordProblems } from './password-policy';

const rules = (password: string, username?: string) => checkPasswordPolicy(password, { username }).map((p) => p.rule);

describe('checkPasswordPolicy', () => {
  it('accepts a long password of three character classes', () => {
    expect(rules('Zhaoxian#2025budget')).toEqual([]);
    expect(rules('县财政局-Review-2025')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(rules('Ab1!')).toEqual(['length']);
    expect(rules('onlylowercaseletters')).toEqual(['classes']);
    expect(rules('Zhaoxian.Admin#2025', 'zhaoxian.admin')).toEqual(['username']);
    expect(rules('Admin@1234')).toEqual(['common']);
  });

  it('refuses the demo password for real accounts', () => {
    expect(rules('evalflow-demo')).toEqual(expect.arrayContaining(['classes', 'common']));
  });

  it('counts characters, not UTF-16 units', () => {
    expect(rules('财政局财政局财政局A1')).toEqual([]); // 11 characters, 3 classes (other, upper, digit)
    expect(rules('财政局A1x')).toEqual(['length']);
  });

  it('words the problems in Chinese', () => {
    expect(describePasswordProblems(checkPasswordPolicy('abc'))).toBe(
      '密码不符合要求：长度应为 10–128 个字符；应至少包含大写字母、小写字母、数字、符号中的三类',
    );
  });

  it('never accepts anything shorter than 10 code points (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9, unit: 'binary' }), (password) => {
        expect(rules(password)).toContain('length');
      }),
    );
  });
});
