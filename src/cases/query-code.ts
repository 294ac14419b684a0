import { randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: the code is read off paper and typed by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;

/** A case's query code (查询码): 8 characters, about 40 bits, printed on its receipt. */
export function newQueryCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Compares without telling, by its timing, how much of a guess was right; lower case is accepted. */
export function queryCodeMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
