import type { CalendarDate } from '../../calendar/calendar-date.js';
import type { WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import type { CaseClock } from './case-clock.entity.js';
import { calendarPeriodEnd, LITIGATION_MONTHS, RECONSIDERATION_DAYS } from './clock-arithmetic.js';
import { specialProcedureLabel } from './special-procedures.js';

/** Working days from `from` to `to`, negative when `to` is earlier; null when the calendar cannot tell yet. */
function signedWorkingDays(calendar: WorkingDayCalendar, from: CalendarDate, to: CalendarDate): number | null {
  try {
    return to >= from ? calendar.workingDaysBetween(from, to) : -calendar.workingDaysBetween(to, from);
  } catch {
    return null;
  }
}

/**
 * The clock as the case page shows it: each deadline with the working days used and remaining on `today`
 * (remaining is negative once overdue), the pause under way, the extension.
 */
export function clockView(clock: CaseClock, today: CalendarDate, calendar: WorkingDayCalendar) {
  const end = clock.stoppedOn ?? today;
  const paused = clock.pausedSince ? (signedWorkingDays(calendar, clock.pausedSince, end) ?? 0) : 0;
  const used = clock.acceptedOn ? signedWorkingDays(calendar, clock.acceptedOn, end) : null;
  const limit = (limitDays: number, deadline: CalendarDate | null) => ({
    limitDays,
    deadline,
    usedDays: used === null ? null : used - clock.pausedDays - paused,
    remainingDays: deadline && !clock.stoppedOn ? signedWorkingDays(calendar, today, deadline) : null,
    overdue: !!deadline && end > deadline,
  });
  return {
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
      workingDaysSoFar: paused,
      overrun: clock.pauseOverrun,
    },
    pausedWorkingDays: clock.pausedDays,
    extensionWorkingDays: clock.extensionDays,
    stoppedOn: clock.stoppedOn,
    // Told with every refusal (Art. 38): the applicant may seek reconsideration or go to court until these days.
    remedies: clock.refusedOn && {
      refusedOn: clock.refusedOn,
      reconsiderationBy: calendarPeriodEnd(calendar, clock.refusedOn, { days: RECONSIDERATION_DAYS }),
      litigationBy: calendarPeriodEnd(calendar, clock.refusedOn, { months: LITIGATION_MONTHS }),
    },
  };
}
