/**
 * Identity documents and organisation codes, checked by their published rules. Pure functions: each answers
 * null when the value is right, or a sentence saying what is wrong with it (the field's name is added by the
 * caller), so that a refusal can tell the applicant which field to correct and how.
 */

/** 证件类型 The identity documents an applicant may register with. */
export const ID_DOCUMENT_TYPES = ['resident_id', 'hmt_residence_permit', 'passport', 'hk_macao_permit', 'taiwan_permit'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const ID_DOCUMENT_NAMES: Record<IdDocumentType, { zh: string; en: string }> = {
  resident_id: { zh: '居民身份证', en: 'mainland resident identity card' },
  hmt_residence_permit: { zh: '港澳台居民居住证', en: 'residence permit for Hong Kong, Macao and Taiwan residents' },
  passport: { zh: '护照', en: 'passport' },
  hk_macao_permit: { zh: '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents' },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
};

// GB 11643-1999: weights 2^(17-i) mod 11 of the first 17 digits; the sum mod 11 picks the check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

// GB/T 2260: the provinces of the mainland (the first two digits of an administrative division code).
const MAINLAND_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);
// Residence permits for Hong Kong (810000), Macao (820000) and Taiwan (830000) residents use these in place of an address code.
const HMT_PERMIT_AREAS = new Set(['810000', '820000', '830000']);

/** The GB 11643 check character of the first 17 digits of an 18-digit citizen identification number. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARACTERS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An 18-digit citizen identification number (公民身份号码, GB 11643-1999): 6 digits of the address code, the
 * birth date YYYYMMDD, a 3-digit sequence and the check character (0–9 or X). `today` (YYYY-MM-DD) refuses
 * birth dates after it; the caller gives it from the product's clock.
 */
export function residentIdNumberProblem(value: string, options: { today?: string; hmtPermit?: boolean } = {}): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'must be 18 characters: 17 digits and a check character (a digit or X)';
  if (options.hmtPermit) {
    if (!HMT_PERMIT_AREAS.has(value.slice(0, 6))) return 'must start with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan) for a residence permit';
  } else if (!MAINLAND_PROVINCES.has(value.slice(0, 2))) {
    return `starts with ${value.slice(0, 2)}, which is not the code of a mainland province (GB/T 2260)`;
  }
  const birth = value.slice(6, 14);
  const [year, month, day] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  if (year < 1800 || !isRealDate(year, month, day)) return `has ${birth} as its birth date (digits 7–14), which is not a real date`;
  const iso = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (options.today && iso > options.today) return `has ${birth} as its birth date (digits 7–14), which is in the future`;
  const expected = residentIdCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) return 'has a wrong check character (the last one): a digit was probably mistyped';
  return null;
}

/**
 * Every other document gets a format check only: its issuer's number format. Passports: 5–17 letters and
 * digits (Chinese ones are E, EA… or G with 7–8 digits; foreign ones vary). Hong Kong and Macao residents'
 * permits (回乡证): H or M and 8 digits (10 on older cards). Taiwan residents' permits (台胞证): 8 digits (10 on
 * older ones).
 */
export function idDocumentNumberProblem(type: IdDocumentType, value: string, today?: string): string | null {
  switch (type) {
    case 'resident_id':
      return residentIdNumberProblem(value, { today });
    case 'hmt_residence_permit':
      return residentIdNumberProblem(value, { today, hmtPermit: true });
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(value) ? null : 'must be a passport number of 5–17 letters and digits';
    case 'hk_macao_permit':
      return /^[HM]\d{8}(\d{2})?$/.test(value) ? null : 'must be H or M followed by 8 digits (10 on older permits), such as H12345678';
    case 'taiwan_permit':
      return /^\d{8}(\d{2})?$/.test(value) ? null : 'must be 8 digits (10 on older permits), such as 12345678';
  }
}

// GB 32100-2015: the 31 characters of the code (digits and capital letters without I, O, Z, S, V), each
// worth its position; weights 3^i mod 31; the check character is worth 31 - (sum mod 31), 31 being 0.
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * 统一社会信用代码 (GB 32100-2015): the registering authority (1 character), the kind of organisation (1), the
 * administrative division code of the registering authority (6 digits), the organisation code (9), and the
 * check character.
 */
export function creditCodeProblem(value: string): string | null {
  if (value.length !== 18) return `must be 18 characters long (it has ${value.length})`;
  const foreign = [...value].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (foreign) {
    return /[IOZSV]/.test(foreign)
      ? `contains the letter ${foreign}, which the code never uses (I, O, Z, S and V are left out)`
      : `contains "${foreign}": only digits and capital letters other than I, O, Z, S and V are allowed`;
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return 'must have the 6-digit administrative division code as characters 3–8';
  if (value[17] !== creditCodeCheckCharacter(value.slice(0, 17))) return 'has a wrong check character (the last one): a character was probably mistyped';
  return null;
}

/** Today's date in Beijing time (YYYY-MM-DD), for birth-date checks against the product's clock. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
