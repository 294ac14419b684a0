import { type CalendarDate, nextDay, startOfShanghaiDay } from '../../calendar/calendar-date.js';
import type { WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import type { Alert, CaseClock } from './case-clock.entity.js';
import type { TimerKind } from './case-timer.entity.js';

/** Working days an organ has to decide on acceptance after receiving an application (Art. 32). */
export const ACCEPTANCE_WINDOW_DAYS = 5;
/** The one extension a decider may grant (Art. 42). */
export const EXTENSION_DAYS = 10;

/**
 * A question the calendar cannot answer yet (the year's schedule is not loaded) leaves the answer open,
 * never guessed: the deadline stays unknown until an administrator loads the year.
 */
function unlessYearMissing<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if ((error as { body?: { code?: string } }).body?.code === 'CALENDAR_YEAR_NOT_LOADED') return null;
    throw error;
  }
}

/** The legal and promised deadlines: the limits counted from acceptance, moved by ended pauses and the extension. */
export function deadlinesOf(clock: CaseClock, calendar: WorkingDayCalendar): Pick<CaseClock, 'legalDeadline' | 'promisedDeadline'> {
  const { acceptedOn } = clock;
  if (!acceptedOn) return { legalDeadline: null, promisedDeadline: null };
  const moved = clock.pausedDays + clock.extensionDays;
  const after = (limit: number) => unlessYearMissing(() => calendar.addWorkingDaysOrSame(acceptedOn, limit === 0 ? 0 : limit + moved));
  return { legalDeadline: after(clock.legalLimitDays), promisedDeadline: after(clock.promisedLimitDays) };
}

/** From this day on the case shows yellow: the first of the last `warningDays` working days before its promised deadline. */
export function yellowFrom(clock: CaseClock, calendar: WorkingDayCalendar): CalendarDate | null {
  const { promisedDeadline } = clock;
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
