import { describe, expect, it } from '@jest/globals';
import { containsPattern } from '../../src/catalog/catalog-search.js';
import { materialType, onlineServiceLevel } from '../../src/catalog/guide-codes.js';

describe('the online service level (网办深度 Ⅰ–Ⅳ) derived from the depth codes', () => {
  it.each([
    [[], 0, 1],
    [[1], 1, 2],
    [[1, 3], 1, 3],
    [[1, 2, 3, 4, 6], 1, 3],
    [[1, 2, 3, 4, 5, 6, 7], 0, 4],
    [[2, 4, 5, 7], 0, 4],
    // Everything online, yet the applicant must come once: not 全程网办.
    [[1, 2, 3, 4, 5, 6, 7], 1, 3],
    // Handled online, but the result is not delivered online.
    [[1, 2, 3, 4, 5], 0, 3],
  ])('%j with %i visits is level %i', (depth, visits, level) => {
    expect(onlineServiceLevel(depth, visits)).toBe(level);
  });
});

describe('the material type from the copies handed in', () => {
  it.each([
    [1, 0, 'original'],
    [0, 2, 'copy'],
    [1, 1, 'original_and_copy'],
    [0, 0, null],
  ])('%i originals and %i copies: %s', (originals, copies, type) => {
    expect(materialType(originals, copies)).toBe(type);
  });
});

describe('search words in a LIKE pattern', () => {
  it.each([
    ['草原', '%草原%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['C:\\x', '%C:\\\\x%'],
  ])('%s becomes %s', (word, pattern) => {
    expect(containsPattern(word)).toBe(pattern);
  });
});
