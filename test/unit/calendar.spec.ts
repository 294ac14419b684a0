import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { AppError } from '../../src/common/app-error.js';
import { isCalendarDate } from '../../src/calendar/calendar-date.js';
import { type ChineseDaysData, scheduleFrom } from '../../src/calendar/package-schedule.js';
import { type SpecialDay, WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';

/** Every date from `first` to `last`, inclusive. */
function range(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) dates.push(d.toISOString().slice(0, 10));
  return dates;
}

// 国务院办公厅关于2025年部分节假日安排的通知.
const OFFICIAL_2025 = {
  holidays: [
    '2025-01-01', ...range('2025-01-28', '2025-02-04'), ...range('2025-04-04', '2025-04-06'), ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'), ...range('2025-10-01', '2025-10-08'),
  ],
  adjustedWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), DOMAIN.md §9.2.
const OFFICIAL_2026 = {
  holidays: [
    ...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  adjustedWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const specialDays = (...years: (typeof OFFICIAL_2025)[]): SpecialDay[] =>
  years.flatMap((y) => [
    ...y.holidays.map((date) => ({ date, kind: 'holiday' as const })),
    ...y.adjustedWorkingDays.map((date) => ({ date, kind: 'adjusted_working_day' as const })),
  ]);

const official = new WorkingDayCalendar(specialDays(OFFICIAL_2025, OFFICIAL_2026), [2025, 2026]);
const packageData = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const fromPackage = scheduleFrom(packageData);

describe('the chinese-days package agrees with the State Council notices', () => {
  it.each([[2025, OFFICIAL_2025], [2026, OFFICIAL_2026]])('for %i', (year, notice) => {
    const ofYear = (kind: string) => fromPackage.days.filter((d) => d.kind === kind && d.date.startsWith(`${year}-`)).map((d) => d.date).sort();
    expect(ofYear('holiday')).toEqual([...notice.holidays].sort());
    expect(ofYear('adjusted_working_day')).toEqual([...notice.adjustedWorkingDays].sort());
  });

  it('covers 2004 to 2026 and names each date in Chinese and English', () => {
    expect(fromPackage.years).toEqual(range('2004-01-01', '2026-01-01').filter((d) => d.endsWith('-01-01')).map((d) => Number(d.slice(0, 4))));
    expect(fromPackage.days).toContainEqual({ date: '2026-02-17', kind: 'holiday', name: '春节 Spring Festival' });
  });
});

describe.each([
  ['the official lists', official],
  ['the package', new WorkingDayCalendar(fromPackage.days, fromPackage.years)],
])('WorkingDayCalendar built from %s', (_source, calendar) => {
  const all = [OFFICIAL_2025, OFFICIAL_2026];

  it('has no working day on any holiday date of 2025 and 2026', () => {
    for (const date of all.flatMap((y) => y.holidays)) expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
  });

  it('works on every adjusted working day (调休上班), although each falls on a weekend', () => {
    for (const date of all.flatMap((y) => y.adjustedWorkingDays)) {
      expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      expect([date, calendar.isWorkingDay(date)]).toEqual([date, true]);
    }
  });

  it('counts 248 working days in 2026, month by month as published', () => {
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    const months = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'];
    const counts = months.map((end, i) => calendar.workingDaysBetween(i === 0 ? '2025-12-31' : `2026-${months[i - 1]}`, `2026-${end}`));
    expect(counts).toEqual([21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23]);
  });

  it('does not count the start day (民法典 Art. 201), whatever kind of day it is', () => {
    expect(calendar.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03'); // Monday → Tuesday
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-03')).toBe(1);
  });

  it('spans the Spring Festival', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // the Saturday make-up day
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24'); // first day back after 初七
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24–27, 28
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26'); // Sunday make-up day
    expect(calendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-02-07', 1)).toBe('2025-02-08'); // Saturday make-up day
  });

  it('spans National Day', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // the Saturday make-up day
    expect(calendar.addWorkingDays('2026-09-30', 20)).toBe('2026-11-03'); // Art. 42's 20 WD over 国庆
    expect(calendar.workingDaysBetween('2026-09-30', '2026-11-03')).toBe(20);
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('crosses the new year into 2026, whose first working day is the Sunday make-up day', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.workingDaysBetween('2025-12-26', '2026-01-05')).toBe(5); // Dec 29–31, Jan 4, 5
  });
});

describe('a year without a loaded schedule', () => {
  const expectNotLoaded = (run: () => unknown, year: number) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const body = (error as AppError).body;
      expect(body).toMatchObject({ statusCode: 422, code: 'CALENDAR_YEAR_NOT_LOADED', details: { year } });
      expect(body.message.zh).toContain(`${year}年`);
      expect(body.message.en).toContain(String(year));
      return;
    }
    throw new Error('no error was thrown');
  };

  it('is refused, never guessed', () => {
    expectNotLoaded(() => official.isWorkingDay('2030-01-02'), 2030);
    expectNotLoaded(() => official.addWorkingDays('2026-12-30', 2), 2027); // Dec 31 is fine, the next is not
    expectNotLoaded(() => official.workingDaysBetween('2026-12-01', '2027-01-04'), 2027);
    expectNotLoaded(() => official.workingDaysBetween('2024-12-30', '2025-01-02'), 2024);
    // Only the days counted need a schedule: the start day is not one of them.
    expect(official.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    expect(official.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
  });
});

describe('isCalendarDate', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-2-3', '2026-02-03T00:00', '', 20260203, null].map(isCalendarDate)).toEqual(Array(7).fill(false));
  });
});
