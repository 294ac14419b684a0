import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A LIKE pattern matching `word` anywhere, with LIKE's own characters (\, %, _) escaped so that they match themselves. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * Narrows the query to rows where every word of `q` (split on spaces) occurs in one of `columns`, case
 * folded for Latin letters: "食品 注销" finds 食品经营许可注销, "scjg-xk" finds SCJG-XK-015.
 */
export function whereEveryWord<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, q: string | undefined, columns: string[]): SelectQueryBuilder<T> {
  (q?.split(' ') ?? []).forEach((word, i) => {
    const parameter = `word${i}`;
    query.andWhere(`(${columns.map((column) => `${column} ILIKE :${parameter} ESCAPE '\\'`).join(' OR ')})`, { [parameter]: containsPattern(word) });
  });
  return query;
}

/** The row offset of a page, counted from 1. */
export const offsetOf = ({ page, pageSize }: { page: number; pageSize: number }) => (page - 1) * pageSize;
