import { UNAMBIGUOUS_ALPHABET, unambiguousCode } from '../query-code.js';

const GROUPS = 4;
const GROUP_LENGTH = 4;
const group = `[${UNAMBIGUOUS_ALPHABET}]{${GROUP_LENGTH}}`;

/** As printed (7KQ2-M9XD-3FHT-W8PA) or typed: any case, with or without the hyphens. */
export const VERIFICATION_CODE_INPUT = new RegExp(`^${group}(-?${group}){${GROUPS - 1}}$`, 'i');
export const VERIFICATION_CODE_EXAMPLE = '7KQ2-M9XD-3FHT-W8PA';

/**
 * The verification code (校验码) printed on a notice or decision: 16 characters, about 79 bits, so that
 * nobody finds a document by guessing; grouped by four to be typed from paper.
 */
export function newVerificationCode(): string {
  return grouped(unambiguousCode(GROUPS * GROUP_LENGTH));
}

/** The stored form of a code that matched VERIFICATION_CODE_INPUT. */
export function normalisedVerificationCode(input: string): string {
  return grouped(input.replaceAll('-', '').toUpperCase());
}

const grouped = (code: string) => code.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
