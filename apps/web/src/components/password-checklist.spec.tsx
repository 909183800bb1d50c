import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '@evalflow/domain';
import { PasswordChecklist } from './password-checklist';

/** The rules the checklist marks as not met, by their data-rule. */
function unmetRules(): string[] {
  return screen
    .getAllByRole('listitem')
    .filter((item) => item.getAttribute('aria-label')?.endsWith('未满足'))
    .map((item) => item.getAttribute('data-rule') ?? '');
}

describe('PasswordChecklist', () => {
  it.each([
    ['abc', 'zhaoxian.admin'],
    ['zhaoxian.admin-2026A', 'zhaoxian.admin'],
    ['Evalflow@123', 'zhaoxian.admin'],
    ['lowercaseonlyletters', 'zhaoxian.admin'],
    ['Rk7#mQ2v!pLx', 'zhaoxian.admin'],
  ])('marks exactly what checkPasswordPolicy refuses for %s', (password, username) => {
    render(<PasswordChecklist password={password} username={username} />);
    const refused = checkPasswordPolicy(password, { username }).map((p) => p.rule);
    expect(unmetRules().sort()).toEqual([...refused].sort());
  });

  it('names the rules in Chinese and shows a strong password as fully met', () => {
    render(<PasswordChecklist password="Rk7#mQ2v!pLx" username="zhaoxian.admin" />);
    expect(screen.getByRole('listitem', { name: /长度 10–128 个字符：已满足/ })).toBeTruthy();
    expect(screen.getByRole('listitem', { name: /不包含用户名：已满足/ })).toBeTruthy();
    expect(unmetRules()).toEqual([]);
  });

  it('flags a password that contains the username', () => {
    render(<PasswordChecklist password="Zhaoxian.Admin#2026" username="zhaoxian.admin" />);
    expect(screen.getByRole('listitem', { name: /不包含用户名：未满足/ })).toBeTruthy();
    expect(unmetRules()).toEqual(['username']);
  });
});
