/**
 * Calendar dates as 'YYYY-MM-DD' strings. Deadlines are whole days in Asia/Shanghai, so no time of day
 * or time zone may creep in: arithmetic runs on day numbers counted in UTC, where every day has 24 hours.
 */
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date in the YYYY-MM-DD form (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  const match = typeof value === 'string' ? FORMAT.exec(value) : null;
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01; the caller has checked the format. */
export function toDayNumber(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export const yearOfDay = (dayNumber: number): number => new Date(dayNumber * DAY_MS).getUTCFullYear();

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export const isWeekend = (dayNumber: number): boolean => {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China keeps no daylight saving time

/** The calendar date in Asia/Shanghai at this instant: the day an event counts on. */
export function dateInShanghai(at: Date): CalendarDate {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a calendar day begins in Asia/Shanghai. */
export function startOfShanghaiDay(date: CalendarDate): Date {
  return new Date(toDayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

export const nextDay = (date: CalendarDate): CalendarDate => fromDayNumber(toDayNumber(date) + 1);
