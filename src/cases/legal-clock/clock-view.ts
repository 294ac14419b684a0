import { type CalendarDate, fromDayNumber, toDayNumber } from '../../calendar/calendar-date.js';
import type { CaseClock } from './case-clock.entity.js';
import type { LimitUnit } from '../../catalog/matter.entity.js';
import { unlessYearMissing, type WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import { calendarPeriodEnd, daysBetween, deadlinesOf, LITIGATION_MONTHS, RECONSIDERATION_DAYS } from './clock-arithmetic.js';
import { specialProcedureLabel } from './special-procedures.js';

/** Days from `from` to `to` in the clock's unit, negative when `to` is earlier; null when the calendar cannot tell yet. */
export function signedDays(unit: LimitUnit, calendar: WorkingDayCalendar, from: CalendarDate, to: CalendarDate): number | null {
  return unlessYearMissing(() => (to >= from ? daysBetween(unit, calendar, from, to) : -daysBetween(unit, calendar, to, from)));
}

const previousDay = (date: CalendarDate) => fromDayNumber(toDayNumber(date) - 1);

/** Working days the parties have to ask for a hearing, and the organ to hold it (Art. 47), and how long before it they are told (Art. 48). */
export const HEARING_REQUEST_DAYS = 5;
export const HEARING_HOLD_DAYS = 20;
export const HEARING_NOTICE_DAYS = 7;

/**
 * A hearing is a clock stop that starts when the parties are told of their right to one: they may ask
 * within 5 working days; asked on the last of them, it is held within 20 working days of the request, the
 * parties told at least 7 days before, read as working days, the stricter reading (DOMAIN.md §1.5).
 */
function hearingDates(calendar: WorkingDayCalendar, toldOn: CalendarDate) {
  const requestBy = unlessYearMissing(() => calendar.addWorkingDays(toldOn, HEARING_REQUEST_DAYS));
  const holdBy = requestBy && unlessYearMissing(() => calendar.addWorkingDays(requestBy, HEARING_HOLD_DAYS));
  const noticeBy = holdBy && unlessYearMissing(() => calendar.lastWorkingDays(previousDay(holdBy), HEARING_NOTICE_DAYS));
  return { toldOn, requestBy, holdBy, noticeBy };
}

/**
 * The clock as the case page shows it: each deadline with the days used and remaining on `today`, in its unit
 * (remaining is negative once overdue), the pause under way, the extension.
 */
export function clockView(stored: CaseClock, today: CalendarDate, calendar: WorkingDayCalendar) {
  // Deadlines the calendar could not give when they were last computed are computed again here.
  const clock = { ...stored, ...deadlinesOf(stored, calendar) };
  const end = clock.stoppedOn ?? today;
  // A special procedure freezes the count: its start day is used, the rest remain until it ends (§1.7(6)).
  const asOf = clock.pausedSince ?? end;
  const paused = clock.pausedSince ? (signedDays(clock.limitUnit, calendar, clock.pausedSince, end) ?? 0) : 0;
  const used = clock.acceptedOn ? signedDays(clock.limitUnit, calendar, clock.acceptedOn, end) : null;
  const limit = (limitDays: number, deadline: CalendarDate | null) => ({
    limitDays,
    deadline,
    usedDays: used === null ? null : used - clock.pausedDays - paused,
    remainingDays: deadline && !clock.stoppedOn ? signedDays(clock.limitUnit, calendar, asOf, deadline) : null,
    overdue: !!deadline && asOf > deadline,
  });
  return {
    unit: clock.limitUnit,
    receivedOn: clock.receivedOn,
    acceptedOn: clock.acceptedOn,
    deemedAccepted: clock.deemedAccepted,
    legal: limit(clock.legalLimitDays, clock.legalDeadline),
    promised: limit(clock.promisedLimitDays, clock.promisedDeadline),
    alert: clock.alert,
    pause: clock.pausedSince && {
      since: clock.pausedSince,
      kind: clock.pauseKind,
      kindName: specialProcedureLabel(clock.pauseKind ?? ''),
      expectedWorkingDays: clock.pauseExpectedDays,
      daysSoFar: paused,
      overrun: clock.pauseOverrun,
      hearing: clock.pauseKind === 'hearing' ? hearingDates(calendar, clock.pausedSince) : null,
    },
    pausedDays: clock.pausedDays,
    extensionDays: clock.extensionDays,
    stoppedOn: clock.stoppedOn,
    // Told with every refusal (Art. 38): the applicant may seek reconsideration or go to court until these days.
    remedies: clock.refusedOn && {
      refusedOn: clock.refusedOn,
      reconsiderationBy: calendarPeriodEnd(calendar, clock.refusedOn, { days: RECONSIDERATION_DAYS }),
      litigationBy: calendarPeriodEnd(calendar, clock.refusedOn, { months: LITIGATION_MONTHS }),
    },
  };
}
