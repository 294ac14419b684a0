import { describe, expect, it } from '@jest/globals';
import { COMMON_PASSWORDS_TOP_10000 } from '../../src/identity/common-passwords.js';
import { characterClasses, isCommonPassword, PASSWORD_RULES, passwordProblems } from '../../src/identity/password-policy.js';

describe('the password rules', () => {
  it('accepts a long password with three or four kinds of character', () => {
    expect(passwordProblems('Grassland-2026')).toEqual([]);
    expect(passwordProblems('grassland-2026')).toEqual([]);
    expect(passwordProblems('Grassland2026')).toEqual([]);
    expect(passwordProblems('草原Grass-2026')).toEqual([]); // Chinese characters count as "other"
  });

  it('needs 10 to 128 characters', () => {
    expect(passwordProblems('Gr-2026ab')).toEqual([PASSWORD_RULES.length]);
    expect(passwordProblems('Gr-2026abc')).toEqual([]);
    expect(passwordProblems('Gr-2026' + 'a'.repeat(121))).toEqual([]);
    expect(passwordProblems('Gr-2026' + 'a'.repeat(122))).toEqual([PASSWORD_RULES.length]);
  });

  it('needs at least three of the four kinds of character', () => {
    expect(characterClasses('abcdefghij')).toBe(1);
    expect(characterClasses('abcdeFGHIJ')).toBe(2);
    expect(characterClasses('abcdeFGH12')).toBe(3);
    expect(characterClasses('abcdeFG-12')).toBe(4);
    expect(passwordProblems('grasslands2026')).toEqual([PASSWORD_RULES.classes]);
    expect(passwordProblems('GRASSLANDS-')).toEqual([PASSWORD_RULES.classes]);
    expect(passwordProblems('1234567890!')).toEqual([PASSWORD_RULES.classes]);
  });

  it('ships the 10,000 most common passwords and refuses them whatever their case', () => {
    expect(COMMON_PASSWORDS_TOP_10000).toHaveLength(10_000);
    expect(new Set(COMMON_PASSWORDS_TOP_10000).size).toBe(10_000);
    expect(COMMON_PASSWORDS_TOP_10000.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PassWord')).toBe(true);
    // On the list and long enough, with three kinds once capitalised: still refused.
    expect(COMMON_PASSWORDS_TOP_10000).toContain('password123');
    expect(passwordProblems('Password123')).toEqual([PASSWORD_RULES.common]);
    expect(COMMON_PASSWORDS_TOP_10000).toContain('1qaz2wsx3edc');
    expect(passwordProblems('1qaz2wsx3EDC')).toEqual([PASSWORD_RULES.common]);
  });

  it('refuses passwords common in China that meet the other rules', () => {
    for (const password of ['Woaini1314', 'Aa123456789', 'P@ssw0rd123', '1qaz@WSX3edc', 'Admin@123456']) {
      expect([password, passwordProblems(password)]).toEqual([password, [PASSWORD_RULES.common]]);
    }
  });

  it('refuses a password that contains the username', () => {
    expect(passwordProblems('zhang.san-2026', 'zhang.san')).toEqual([PASSWORD_RULES.username]);
    expect(passwordProblems('ZHANG.SAN-2026', 'zhang.san')).toEqual([PASSWORD_RULES.username]);
    expect(passwordProblems('Grassland-2026', 'zhang.san')).toEqual([]);
  });

  it('lists every rule a password breaks', () => {
    expect(passwordProblems('password')).toEqual([PASSWORD_RULES.length, PASSWORD_RULES.classes, PASSWORD_RULES.common]);
  });
});
