import { describe, expect, it } from '@jest/globals';
import { figuresOf, round, share, type StatisticsReport } from '../../src/statistics/statistics-figures.js';
import { csvField, statisticsCsv } from '../../src/statistics/statistics-export.js';
import type { RawFigures } from '../../src/statistics/statistics-query.js';

const raw = (overrides: Partial<RawFigures>): RawFigures => ({
  key: 'LCJ', name: '林草局', month: null, is_total: false, received: '0', accepted: '0', refused: '0', completed: '0', on_time: '0', late: '0',
  average_working_days: null, p90_working_days: null, online: '0', supplemented: '0', ratings: '0', average_rating: null, poor_ratings: '0',
  ...overrides,
});

describe('statistics figures', () => {
  it('turns PostgreSQL’s bigint and numeric strings into numbers, rounded the same way everywhere', () => {
    expect(figuresOf(raw({
      received: '3', accepted: '2', refused: '1', completed: '2', on_time: '1', late: '1', average_working_days: '9.6666666666666667',
      p90_working_days: 14.399999999999999, online: '2', supplemented: '1', ratings: '3', average_rating: '2.6666666666666667', poor_ratings: '1',
    }))).toEqual({
      received: 3, accepted: 2, refused: 1, completed: 2, onTime: 1, late: 1, averageWorkingDays: 9.67, p90WorkingDays: 14.4,
      onlineShare: 0.6667, supplementationRate: 0.3333, ratings: 3, averageRating: 2.67, poorRatings: 1,
    });
  });

  it('gives no share and no average of nothing, but a share of 0 of something', () => {
    expect(figuresOf(raw({}))).toMatchObject({ onlineShare: null, supplementationRate: null, averageWorkingDays: null, p90WorkingDays: null, averageRating: null });
    expect(figuresOf(raw({ received: '4', refused: '1' }))).toMatchObject({ onlineShare: 0, supplementationRate: 0 });
    expect(share(0, 0)).toBeNull();
    expect(share(7, 8)).toBe(0.875);
    expect(round(0.125, 2)).toBe(0.13);
  });
});

describe('CSV by RFC 4180', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('林草局')).toBe('林草局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(0)).toBe('0');
    expect(csvField(0.875)).toBe('0.875');
    expect(csvField(null)).toBe('');
  });

  it('starts with a byte order mark and ends every line, the totals last, with CRLF', () => {
    const totals = figuresOf(raw({ received: '1', online: '1' }));
    const report: StatisticsReport = { from: '2026-12-01', to: '2026-12-31', groupBy: 'department', rows: [{ key: 'LCJ', name: '林草局, "总局"', month: '2026-12', ...totals }], totals };
    const csv = statisticsCsv(report);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].split(',')[0]).toBe('部门代码 Department code');
    expect(lines[1]).toBe('LCJ,"林草局, ""总局""",2026-12,1,0,0,0,0,0,,,1,,0,,0');
    expect(lines[2]).toBe('合计 Total,,,1,0,0,0,0,0,,,1,,0,,0');
    expect(lines[3]).toBe('');
  });
});
