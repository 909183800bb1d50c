import { checkPasswordPolicy } from '@evalflow/domain';
import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD_LENGTH, generatePassword } from './generated-password';

describe('generatePassword', () => {
  it('always meets the password policy, even for a username, and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(checkPasswordPolicy(password, { username: 'zhaoxian.union.editor' })).toEqual([]);
      expect(
        /[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password) && /[^A-Za-z0-9]/.test(password),
      ).toBe(true);
      seen.add(password);
    }
    expect(seen.size).toBe(500);
  });
});
