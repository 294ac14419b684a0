import { type CalendarDate, nextDay, startOfShanghaiDay, toDayNumber } from '../../calendar/calendar-date.js';
import type { LimitUnit } from '../../catalog/matter.entity.js';
import { unlessYearMissing, type WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import type { Alert, CaseClock } from './case-clock.entity.js';
import type { TimerKind } from './case-timer.entity.js';

/** Working days an organ has to decide on acceptance after receiving an application (Art. 32). */
export const ACCEPTANCE_WINDOW_DAYS = 5;
/** The one extension a decider may grant (Art. 42). */
export const EXTENSION_DAYS = 10;

/** Days in (from, to] in the clock's unit: working days, or calendar days. */
export function daysBetween(unit: LimitUnit, calendar: WorkingDayCalendar, from: CalendarDate, to: CalendarDate): number {
  return unit === 'calendar_days' ? toDayNumber(to) - toDayNumber(from) : calendar.workingDaysBetween(from, to);
}

/** A task's own deadline: its limit counted from the day it opened (a co-department's opinion, the delivery). */
export function taskDeadline(calendar: WorkingDayCalendar, openedOn: CalendarDate, limitDays: number | null): CalendarDate | null {
  return limitDays ? unlessYearMissing(() => calendar.addWorkingDays(openedOn, limitDays)) : null;
}

/** Green, yellow on its last TASK_WARNING_DAYS working days, red after: a task's own alert. */
export function taskAlert(calendar: WorkingDayCalendar, deadline: CalendarDate | null, today: CalendarDate): 'green' | 'yellow' | 'red' | null {
  if (!deadline) return null;
  if (today > deadline) return 'red';
  const yellow = unlessYearMissing(() => calendar.lastWorkingDays(deadline, TASK_WARNING_DAYS));
  return yellow && today >= yellow ? 'yellow' : 'green';
}

const TASK_WARNING_DAYS = 2;

/** The legal and promised deadlines: the limits counted from acceptance, moved by ended pauses and the extension. */
export function deadlinesOf(clock: CaseClock, calendar: WorkingDayCalendar): Pick<CaseClock, 'legalDeadline' | 'promisedDeadline'> {
  const { acceptedOn } = clock;
  if (!acceptedOn) return { legalDeadline: null, promisedDeadline: null };
  const moved = clock.pausedDays + clock.extensionDays;
  const after = (limit: number): CalendarDate | null => {
    if (limit === 0) return acceptedOn;
    if (clock.limitUnit === 'calendar_days') return calendarPeriodEnd(calendar, acceptedOn, { days: limit + moved });
    return unlessYearMissing(() => calendar.addWorkingDays(acceptedOn, limit + moved));
  };
  return { legalDeadline: after(clock.legalLimitDays), promisedDeadline: after(clock.promisedLimitDays) };
}

/** From this day on the case shows yellow: the first of the last `warningDays` working days before its promised deadline. */
export function yellowFrom(clock: CaseClock, calendar: WorkingDayCalendar): CalendarDate | null {
  const { promisedDeadline } = clock;
  // An instant case is due the day it is accepted: it has no days to warn of, only green then red.
  if (clock.promisedLimitDays === 0) return null;
  return promisedDeadline && unlessYearMissing(() => calendar.lastWorkingDays(promisedDeadline, clock.warningDays));
}

/** Where the case stands on `today`, by its promised deadline: supervision follows that clock. */
export function alertOn(clock: CaseClock, today: CalendarDate, calendar: WorkingDayCalendar): Alert {
  if (clock.stoppedOn) return 'stopped';
  if (clock.pausedSince) return 'paused';
  if (!clock.acceptedOn) return 'none';
  if (clock.promisedDeadline && today > clock.promisedDeadline) return 'red';
  const yellow = yellowFrom(clock, calendar);
  return yellow && today >= yellow ? 'yellow' : 'green';
}

/** The first day after the deemed-acceptance window: if no decision on acceptance came by then, the case is accepted. */
export function deemedAcceptanceDay(clock: CaseClock, calendar: WorkingDayCalendar): CalendarDate | null {
  const { receivedOn } = clock;
  return receivedOn && unlessYearMissing(() => nextDay(calendar.addWorkingDays(receivedOn, ACCEPTANCE_WINDOW_DAYS)));
}

/** The timers a clock in this state needs, and when each is due. */
export function timersWanted(clock: CaseClock, calendar: WorkingDayCalendar): { kind: TimerKind; dueAt: Date }[] {
  if (clock.stoppedOn) return [];
  const wanted: { kind: TimerKind; day: CalendarDate | null }[] = [];
  if (clock.receivedOn && !clock.acceptedOn) wanted.push({ kind: 'deemedAcceptance', day: deemedAcceptanceDay(clock, calendar) });
  if (clock.pausedSince && !clock.pauseOverrun && clock.pauseExpectedDays) {
    const { pausedSince, pauseExpectedDays } = clock;
    wanted.push({ kind: 'pauseOverrun', day: unlessYearMissing(() => nextDay(calendar.addWorkingDays(pausedSince, pauseExpectedDays))) });
  }
  if (clock.acceptedOn && !clock.pausedSince && clock.promisedDeadline) {
    if (clock.alert === 'green') wanted.push({ kind: 'alertYellow', day: yellowFrom(clock, calendar) });
    if (clock.alert !== 'red') wanted.push({ kind: 'alertRed', day: nextDay(clock.promisedDeadline) });
  }
  return wanted.filter((timer) => timer.day).map(({ kind, day }) => ({ kind, dueAt: startOfShanghaiDay(day!) }));
}

/** Periods the applicant has after a refusal, in calendar days and months (DOMAIN.md §1.3). */
export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;

/**
 * A period in calendar days or months ends on its last day, or on the first working day after it when
 * that is a rest day (民法典 Arts. 201–203): a month period ends on the same day of the month, or on the
 * month's last day when it has none.
 */
export function calendarPeriodEnd(calendar: WorkingDayCalendar, from: CalendarDate, period: { days?: number; months?: number }): CalendarDate | null {
  const [year, month, day] = from.split('-').map(Number);
  const monthIndex = month - 1 + (period.months ?? 0);
  const lastOfMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  let end = new Date(Date.UTC(year, monthIndex, Math.min(day, lastOfMonth)) + (period.days ?? 0) * 86_400_000).toISOString().slice(0, 10);
  return unlessYearMissing(() => {
    while (!calendar.isWorkingDay(end)) end = nextDay(end);
    return end;
  });
}
