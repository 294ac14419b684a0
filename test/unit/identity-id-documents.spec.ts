import { describe, expect, it } from '@jest/globals';
import {
  CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, creditCodeProblem, idDocumentNumberProblem, residentIdCheckCharacter, residentIdNumberProblem,
} from '../../src/identity/id-documents.js';

/** Every string that differs from `value` in exactly one position, the new character drawn from `alphabet`. */
function singleCorruptions(value: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const c of alphabet) if (c !== value[i]) out.push(value.slice(0, i) + c + value.slice(i + 1));
  }
  return out;
}

describe('mainland resident ID numbers (GB 11643-1999)', () => {
  // The two examples printed in GB 11643-1999 itself, and a third with the check character 4.
  const VALID = ['11010519491231002X', '440524188001010014', '110101199003074514'];

  it.each(VALID)('accepts %s', (number) => {
    expect(residentIdNumberProblem(number, { today: '2026-11-28' })).toBeNull();
    expect(idDocumentNumberProblem('resident_id', number, '2026-11-28')).toBeNull();
  });

  it('computes the check character from the 17 digits', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it.each(VALID)('refuses every single-character corruption of %s (the check character catches each one)', (number) => {
    const corruptions = singleCorruptions(number, '0123456789X');
    expect(corruptions.length).toBe(17 * 10 + 10);
    for (const corrupted of corruptions) expect([corrupted, residentIdNumberProblem(corrupted)]).toEqual([corrupted, expect.any(String)]);
  });

  it('says that a check character is wrong when only the check character is wrong', () => {
    expect(residentIdNumberProblem('110105194912310021')).toMatch(/check character/);
    expect(residentIdNumberProblem('11010519491231002x')).toMatch(/17 digits and a check character/); // the form upper-cases before this
  });

  it('refuses a wrong length, letters, an unknown province, an impossible or future birth date', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
    expect(residentIdNumberProblem('1101051949123100')).toMatch(/18 characters/);
    expect(residentIdNumberProblem('11010519491231002XX')).toMatch(/18 characters/);
    expect(residentIdNumberProblem('A1010519491231002X')).toMatch(/18 characters/);
    expect(residentIdNumberProblem(withCheck('99010519491231002'))).toMatch(/province/);
    expect(residentIdNumberProblem(withCheck('11010519490230002'))).toMatch(/19490230 .*not a real date/);
    expect(residentIdNumberProblem(withCheck('11010520230229002'))).toMatch(/not a real date/); // 2023 is no leap year
    expect(residentIdNumberProblem(withCheck('11010520240229002'))).toBeNull();
    expect(residentIdNumberProblem(withCheck('11010520261129002'), { today: '2026-11-28' })).toMatch(/in the future/);
    expect(residentIdNumberProblem(withCheck('11010520261128002'), { today: '2026-11-28' })).toBeNull();
  });

  it('checks residence permits of Hong Kong, Macao and Taiwan residents by the same rule, with their own area codes', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
    expect(idDocumentNumberProblem('hmt_residence_permit', withCheck('81000019900307001'))).toBeNull();
    expect(idDocumentNumberProblem('hmt_residence_permit', withCheck('83000019900307001'))).toBeNull();
    expect(idDocumentNumberProblem('hmt_residence_permit', withCheck('11010119900307001'))).toMatch(/810000/);
    expect(idDocumentNumberProblem('resident_id', withCheck('81000019900307001'))).toMatch(/province/);
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  // Published codes of well-known companies: Tencent (Shenzhen), Alibaba (China), Huawei Technologies, Baidu (Beijing), Xiaomi.
  const VALID = ['91440300708461136T', '91330100716105852F', '914403001922038216', '91110000802100433B', '91110108551385082Q'];

  it.each(VALID)('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character, 31 meaning 0', () => {
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T');
    expect(creditCodeCheckCharacter('91440300192203821')).toBe('6');
  });

  it.each(VALID)('refuses every single-character corruption of %s', (code) => {
    const corruptions = singleCorruptions(code, CREDIT_CODE_ALPHABET);
    expect(corruptions.length).toBe(18 * 30);
    for (const corrupted of corruptions) expect([corrupted, creditCodeProblem(corrupted)]).toEqual([corrupted, expect.any(String)]);
  });

  it('has an alphabet of 31 characters without I, O, Z, S and V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOZSV]/);
  });

  it('says which rule a wrong code breaks', () => {
    expect(creditCodeProblem('91440300708461136U')).toMatch(/check character/);
    expect(creditCodeProblem('9144030070846113')).toMatch(/18 characters long \(it has 16\)/);
    expect(creditCodeProblem('91440300708461136O')).toMatch(/letter O, which the code never uses/);
    expect(creditCodeProblem('9144030070846I136T')).toMatch(/letter I/);
    expect(creditCodeProblem('91440300708461136t')).toMatch(/only digits and capital letters/);
    expect(creditCodeProblem('914403007-8461136T')).toMatch(/"-"/);
    const lettersInDivision = '91A40300708461136';
    expect(creditCodeProblem(lettersInDivision + creditCodeCheckCharacter(lettersInDivision))).toMatch(/administrative division/);
  });
});

describe('other ID documents: a format check only', () => {
  it.each([
    ['passport', 'E12345678'], ['passport', 'EA1234567'], ['passport', 'G12345678'], ['passport', 'X1234567'], ['passport', 'AB1234567890'],
    ['hk_macao_permit', 'H12345678'], ['hk_macao_permit', 'M12345678'], ['hk_macao_permit', 'H1234567890'],
    ['taiwan_permit', '12345678'], ['taiwan_permit', '1234567890'],
  ] as const)('accepts a %s %s', (type, number) => {
    expect(idDocumentNumberProblem(type, number)).toBeNull();
  });

  it.each([
    ['passport', 'E123'], ['passport', 'E-1234567'], ['passport', 'E12345678901234567'],
    ['hk_macao_permit', 'A12345678'], ['hk_macao_permit', 'H1234567'], ['hk_macao_permit', '12345678'],
    ['taiwan_permit', '1234567'], ['taiwan_permit', 'T1234567'], ['taiwan_permit', '123456789'],
  ] as const)('refuses a %s %s', (type, number) => {
    expect(idDocumentNumberProblem(type, number)).toEqual(expect.any(String));
  });
});
