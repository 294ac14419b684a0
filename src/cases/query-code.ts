import { randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: codes are read off paper and typed by hand.
export const UNAMBIGUOUS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;

/** Random characters of the unambiguous alphabet, about 5 bits each. */
export function unambiguousCode(length: number): string {
  return Array.from({ length }, () => UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)]).join('');
}

/** A case's query code (查询码): 8 characters, about 40 bits, printed on its receipt. */
export const newQueryCode = (): string => unambiguousCode(LENGTH);

/** Compares without telling, by its timing, how much of a guess was right; lower case is accepted. */
export function queryCodeMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
