import { AppError } from '../common/app-error.js';
import { type CalendarDate, fromDayNumber, isWeekend, toDayNumber, yearOfDay } from './calendar-date.js';

export const DAY_KINDS = ['holiday', 'adjusted_working_day'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface SpecialDay {
  date: CalendarDate;
  kind: DayKind;
}

export const yearNotLoaded = (year: number) =>
  new AppError(
    422,
    'CALENDAR_YEAR_NOT_LOADED',
    {
      zh: `${year}年的节假日安排尚未载入工作日历，无法计算工作日`,
      en: `The official holiday schedule for ${year} is not loaded in the working-day calendar, so working days cannot be computed`,
    },
    { year },
  );

/**
 * A question the calendar cannot answer yet (the year's schedule is not loaded) leaves the answer open,
 * never guessed: a deadline stays unknown until an administrator loads the year.
 */
export function unlessYearMissing<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof AppError && error.body.code === 'CALENDAR_YEAR_NOT_LOADED') return null;
    throw error;
  }
}

/**
 * Working-day arithmetic over an in-memory snapshot of the calendar (DOMAIN.md §1.7, §9).
 * A working day is Mon–Fri and not a holiday, or an adjusted working day (调休上班). Only the published
 * schedule can say which days those are, so any day of a year without a loaded schedule is refused, never guessed.
 */
export class WorkingDayCalendar {
  private readonly kinds = new Map<number, DayKind>();
  private readonly years: ReadonlySet<number>;

  constructor(specialDays: Iterable<SpecialDay>, loadedYears: Iterable<number>) {
    for (const day of specialDays) this.kinds.set(toDayNumber(day.date), day.kind);
    this.years = new Set(loadedYears);
  }

  isWorkingDay(date: CalendarDate): boolean {
    return this.isWorking(toDayNumber(date));
  }

  /** The n-th working day strictly after `from`: the start day is not counted (民法典 Art. 201). */
  addWorkingDays(from: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, not ${n}`);
    let day = toDayNumber(from);
    for (let found = 0; found < n; ) if (this.isWorking(++day)) found++;
    return fromDayNumber(day);
  }

  /** The date `from` itself when n is 0 (a limit of 0 days ends the day it starts), else the n-th working day after it. */
  addWorkingDaysOrSame(from: CalendarDate, n: number): CalendarDate {
    return n === 0 ? from : this.addWorkingDays(from, n);
  }

  /** The n-th last working day up to and including `to`: where the last n working days before a deadline begin. */
  lastWorkingDays(to: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, not ${n}`);
    let day = toDayNumber(to) + 1;
    for (let found = 0; found < n; ) if (this.isWorking(--day)) found++;
    return fromDayNumber(day);
  }

  /** The number of working days in (from, to]; the clock-stop rule of §1.7(6) counts exactly these. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    const [start, end] = [toDayNumber(from), toDayNumber(to)];
    if (end < start) throw new RangeError(`${to} is before ${from}`);
    let count = 0;
    for (let day = start + 1; day <= end; day++) if (this.isWorking(day)) count++;
    return count;
  }

  private isWorking(day: number): boolean {
    const year = yearOfDay(day);
    if (!this.years.has(year)) throw yearNotLoaded(year);
    const kind = this.kinds.get(day);
    return kind === 'adjusted_working_day' || (kind !== 'holiday' && !isWeekend(day));
  }
}
