import { describe, expect, it } from '@jest/globals';
import { packageSchedule } from '../../src/calendar/package-schedule.js';
import { WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import { calendarPeriodEnd, deadlinesOf } from '../../src/cases/legal-clock/clock-arithmetic.js';
import { clockView } from '../../src/cases/legal-clock/clock-view.js';
import { clockWith } from '../support/clock-fixture.js';

const schedule = packageSchedule();
const calendar = new WorkingDayCalendar(schedule.days, schedule.years);

describe('calendar periods (calendar days and months, the rest-day rule)', () => {
  it('ends a calendar-day period on its last day when that is a working day', () => {
    // 2026-03-02 + 60 days = 2026-05-01, Labour Day: the period runs on to the first working day after the holiday.
    expect(calendarPeriodEnd(calendar, '2026-03-02', { days: 60 })).toBe('2026-05-06');
    expect(calendarPeriodEnd(calendar, '2026-03-03', { days: 30 })).toBe('2026-04-02');
  });

  it('ends a month period on the same day of the month, or the month’s last day when it has none', () => {
    expect(calendarPeriodEnd(calendar, '2026-03-16', { months: 6 })).toBe('2026-09-16');
    // 2026-03-31 + 6 months: September has no 31st, so 2026-09-30, a Wednesday.
    expect(calendarPeriodEnd(calendar, '2026-03-31', { months: 6 })).toBe('2026-09-30');
    // A period ending on a Saturday moves to Monday.
    expect(calendarPeriodEnd(calendar, '2026-01-10', { months: 6 })).toBe('2026-07-10');
    expect(calendarPeriodEnd(calendar, '2026-01-11', { months: 6 })).toBe('2026-07-13');
  });

  it('leaves a period ending in a year without a loaded schedule unknown', () => {
    expect(calendarPeriodEnd(calendar, '2026-12-01', { days: 60 })).toBeNull();
  });
});

describe('deadlines of a matter whose limits are calendar days', () => {
  it('counts calendar days from acceptance, moved by pauses, ending on a working day', () => {
    const accepted = clockWith({ limitUnit: 'calendar_days', acceptedOn: '2026-09-10', legalLimitDays: 20, promisedLimitDays: 15 });
    // 2026-09-30 is a working day; 2026-09-25 is the Mid-Autumn holiday, so the promised deadline moves to the 28th.
    expect(deadlinesOf(accepted, calendar)).toEqual({ legalDeadline: '2026-09-30', promisedDeadline: '2026-09-28' });
    expect(deadlinesOf({ ...accepted, pausedDays: 5 }, calendar).legalDeadline).toBe('2026-10-08');
  });
});

describe('the clock as the case page shows it', () => {
  it('shows a refusal’s remedy deadlines', () => {
    const refused = clockWith({ refusedOn: '2026-03-02', stoppedOn: '2026-03-02', alert: 'stopped' });
    expect(clockView(refused, '2026-03-05', calendar).remedies).toEqual({ refusedOn: '2026-03-02', reconsiderationBy: '2026-05-06', litigationBy: '2026-09-02' });
  });

  it('shows until when the parties may ask for a hearing, when it must then be held, and when they must be told', () => {
    const hearing = clockWith({ acceptedOn: '2026-06-01', pausedSince: '2026-06-01', pauseKind: 'hearing', pauseExpectedDays: 25, alert: 'paused' });
    // Asked within 5 working days (to 06-08); held within 20 working days of that, skipping the Dragon
    // Boat holiday (06-19): 07-07, the 7th working day after 06-26, the last day to tell the parties.
    expect(clockView(hearing, '2026-06-02', calendar).pause).toMatchObject({
      kind: 'hearing', hearing: { toldOn: '2026-06-01', requestBy: '2026-06-08', holdBy: '2026-07-07', noticeBy: '2026-06-26' },
    });
  });

  it('counts used and remaining working days, negative once overdue', () => {
    const accepted = clockWith({ acceptedOn: '2026-11-02', ...deadlinesOf(clockWith({ acceptedOn: '2026-11-02' }), calendar), alert: 'red' });
    expect(accepted.promisedDeadline).toBe('2026-11-16');
    const view = clockView(accepted, '2026-11-18', calendar);
    expect(view.promised).toMatchObject({ deadline: '2026-11-16', usedDays: 12, remainingDays: -2, overdue: true });
    expect(view.legal).toMatchObject({ deadline: '2026-11-30', remainingDays: 8, overdue: false });
  });
});
