import { describe, expect, it } from '@jest/globals';
import { type SpecialDay, WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import type { CaseClock } from '../../src/cases/legal-clock/case-clock.entity.js';
import {
  alertOn, deadlinesOf, deemedAcceptanceDay, timersWanted, yellowFrom,
} from '../../src/cases/legal-clock/clock-arithmetic.js';
import { clockView } from '../../src/cases/legal-clock/clock-view.js';
import { clockWith } from '../support/clock-fixture.js';

/** Every date from `first` to `last`, inclusive. */
function range(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) dates.push(d.toISOString().slice(0, 10));
  return dates;
}

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), DOMAIN.md §9.2; 2026 is the only year loaded.
const HOLIDAYS_2026 = [
  ...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
];
const MAKE_UP_WORKING_DAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
const SPECIAL_DAYS: SpecialDay[] = [
  ...HOLIDAYS_2026.map((date) => ({ date, kind: 'holiday' as const })),
  ...MAKE_UP_WORKING_DAYS_2026.map((date) => ({ date, kind: 'adjusted_working_day' as const })),
];
const calendar = new WorkingDayCalendar(SPECIAL_DAYS, [2026]);

/** A clock accepted on `acceptedOn`, its deadlines computed as the service does (LegalClockService.settle). */
const accepted = (acceptedOn: string, overrides: Partial<CaseClock> = {}): CaseClock => {
  const clock = clockWith({ receivedOn: acceptedOn, acceptedOn, ...overrides });
  return { ...clock, ...deadlinesOf(clock, calendar) };
};

/** The clock as the service leaves it on `today`: deadlines and the alert recomputed. */
const settledOn = (clock: CaseClock, today: string): CaseClock => {
  const withDeadlines = { ...clock, ...deadlinesOf(clock, calendar) };
  return { ...withDeadlines, alert: alertOn(withDeadlines, today, calendar) };
};

/** The instant a day begins in Asia/Shanghai (UTC+8). */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

describe('the legal and promised deadlines (DOMAIN.md §1.4, §1.7)', () => {
  it('counts working days after the acceptance day across National Day, the Saturday make-up day included', () => {
    // 09-29, 09-30, [10-01..10-07 off], 10-08, 10-09, 10-10 (Saturday, worked), 10-12 … : the 10th is 10-16, the 20th 10-30.
    expect(deadlinesOf(accepted('2026-09-28'), calendar)).toEqual({ legalDeadline: '2026-10-30', promisedDeadline: '2026-10-16' });
  });

  it('does not count the acceptance day itself, even when accepted on a holiday', () => {
    // Accepted on 10-03 (a holiday): the first working day counted is 10-08.
    expect(deadlinesOf(accepted('2026-10-03', { promisedLimitDays: 1 }), calendar).promisedDeadline).toBe('2026-10-08');
  });

  it('gives a limit of 0 (an instant case) the acceptance day itself', () => {
    expect(deadlinesOf(accepted('2026-09-28', { promisedLimitDays: 0 }), calendar)).toEqual({ legalDeadline: '2026-10-30', promisedDeadline: '2026-09-28' });
    expect(deadlinesOf(accepted('2026-12-17', { promisedLimitDays: 0 }), calendar).promisedDeadline).toBe('2026-12-17');
  });

  it('has no deadline before acceptance', () => {
    expect(deadlinesOf(clockWith({ receivedOn: '2026-12-01' }), calendar)).toEqual({ legalDeadline: null, promisedDeadline: null });
  });

  it('moves both deadlines by the working days of ended special procedures', () => {
    // Accepted 09-28, paused two working days: 22 and 12 working days after 09-28.
    expect(deadlinesOf(accepted('2026-09-28', { pausedDays: 2 }), calendar)).toEqual({ legalDeadline: '2026-11-03', promisedDeadline: '2026-10-20' });
  });

  it('extends the legal deadline to the 10th working day after the original one', () => {
    const original = accepted('2026-09-28').legalDeadline!;
    expect(original).toBe('2026-10-30');
    expect(deadlinesOf(accepted('2026-09-28', { extensionDays: 10 }), calendar).legalDeadline).toBe(calendar.addWorkingDays(original, 10));
    expect(deadlinesOf(accepted('2026-09-28', { extensionDays: 10 }), calendar).legalDeadline).toBe('2026-11-13');
  });

  it('leaves a deadline that falls in a year without a loaded schedule null, never guessed', () => {
    // Accepted 12-04: the 10th working day is 12-18, the 20th would be in January 2027, which is not loaded.
    expect(deadlinesOf(accepted('2026-12-04'), calendar)).toEqual({ legalDeadline: null, promisedDeadline: '2026-12-18' });
    // The last deadline that still fits in 2026: accepted 12-03, the 20th working day is 12-31.
    expect(deadlinesOf(accepted('2026-12-03'), calendar).legalDeadline).toBe('2026-12-31');
  });
});

describe('the yellow day: the 3rd-last working day up to the promised deadline (DOMAIN.md §7)', () => {
  it('is two working days before the deadline', () => {
    expect(yellowFrom(accepted('2026-12-01'), calendar)).toBe('2026-12-11'); // promised 12-15 (Tue): 12-15, 12-14, 12-11 (Fri)
    expect(yellowFrom(accepted('2026-09-28'), calendar)).toBe('2026-10-14'); // promised 10-16
  });

  it('skips a holiday between it and the deadline', () => {
    // Promised 10-08 (one working day after 09-30): 10-08, 09-30, 09-29.
    const clock = accepted('2026-09-30', { promisedLimitDays: 1 });
    expect(clock.promisedDeadline).toBe('2026-10-08');
    expect(yellowFrom(clock, calendar)).toBe('2026-09-29');
  });

  it('follows the matter’s warning days', () => {
    expect(yellowFrom(accepted('2026-12-01', { warningDays: 1 }), calendar)).toBe('2026-12-15');
  });

  it('is unknown while the promised deadline is', () => {
    expect(yellowFrom(accepted('2026-12-18'), calendar)).toBeNull(); // promised deadline in 2027
  });
});

describe('the alert on a given day', () => {
  const clock = accepted('2026-12-01'); // promised 12-15, legal 12-29

  it('is none before acceptance', () => {
    expect(alertOn(clockWith({ receivedOn: '2026-12-01' }), '2026-12-03', calendar)).toBe('none');
  });

  it('is green up to the day before the yellow day', () => {
    expect(alertOn(clock, '2026-12-01', calendar)).toBe('green');
    expect(alertOn(clock, '2026-12-10', calendar)).toBe('green');
  });

  it('is yellow from the yellow day through the promised deadline, the weekend between included', () => {
    for (const day of ['2026-12-11', '2026-12-12', '2026-12-13', '2026-12-14', '2026-12-15']) expect([day, alertOn(clock, day, calendar)]).toEqual([day, 'yellow']);
  });

  it('is yellow on a holiday inside the last working days', () => {
    const overHoliday = accepted('2026-09-30', { promisedLimitDays: 1 }); // yellow from 09-29, promised 10-08
    expect(alertOn(overHoliday, '2026-10-03', calendar)).toBe('yellow');
  });

  it('is red from the calendar day after the promised deadline, a rest day included', () => {
    expect(alertOn(clock, '2026-12-16', calendar)).toBe('red');
    const fridayDeadline = accepted('2026-12-04'); // promised 12-18, a Friday
    expect(alertOn(fridayDeadline, '2026-12-18', calendar)).toBe('yellow');
    expect(alertOn(fridayDeadline, '2026-12-19', calendar)).toBe('red');
  });

  it('is paused while a special procedure runs, even past the deadline', () => {
    expect(alertOn({ ...clock, pausedSince: '2026-12-02' }, '2026-12-21', calendar)).toBe('paused');
  });

  it('is stopped once the case ended, whatever else holds', () => {
    expect(alertOn({ ...clock, stoppedOn: '2026-12-17' }, '2026-12-21', calendar)).toBe('stopped');
    expect(alertOn({ ...clock, stoppedOn: '2026-12-03', pausedSince: '2026-12-02' }, '2026-12-21', calendar)).toBe('stopped');
  });

  it('gives an instant case no yellow phase: green on its acceptance day, red the next calendar day (DOMAIN.md §7)', () => {
    const instant = accepted('2026-12-17', { promisedLimitDays: 0 });
    expect(alertOn(instant, '2026-12-17', calendar)).toBe('green');
    expect(alertOn(instant, '2026-12-18', calendar)).toBe('red');
  });
});

describe('the day a case is accepted by law (Art. 32, DOMAIN.md §1.7(4))', () => {
  it('is the day after the 5th working day after receipt', () => {
    expect(deemedAcceptanceDay(clockWith({ receivedOn: '2026-12-01' }), calendar)).toBe('2026-12-09'); // window 12-02 … 12-08
    expect(deemedAcceptanceDay(clockWith({ receivedOn: '2026-12-04' }), calendar)).toBe('2026-12-12'); // Friday: window 12-07 … 12-11
  });

  it('skips National Day and counts its Saturday make-up day', () => {
    // 09-29, 09-30, 10-08, 10-09, 10-10 (Saturday, worked): accepted by law from Sunday 10-11.
    expect(deemedAcceptanceDay(clockWith({ receivedOn: '2026-09-28' }), calendar)).toBe('2026-10-11');
  });

  it('counts from the next working day when the application is received on a holiday', () => {
    // Received 10-03 (online, a holiday): 10-08, 10-09, 10-10, 10-12, 10-13.
    expect(deemedAcceptanceDay(clockWith({ receivedOn: '2026-10-03' }), calendar)).toBe('2026-10-14');
  });

  it('is unknown without a receipt pending, or when the window ends in a year not loaded', () => {
    expect(deemedAcceptanceDay(clockWith({}), calendar)).toBeNull();
    expect(deemedAcceptanceDay(clockWith({ receivedOn: '2026-12-28' }), calendar)).toBeNull();
    expect(deemedAcceptanceDay(clockWith({ receivedOn: '2026-12-23' }), calendar)).toBe('2026-12-31');
  });
});

describe('the timers each state of the clock needs', () => {
  const kinds = (clock: CaseClock) => timersWanted(clock, calendar).map(({ kind, dueAt }) => [kind, dueAt.toISOString()]);

  it('wants the deemed acceptance at the start of the day after the window, while an application waits', () => {
    expect(kinds(clockWith({ receivedOn: '2026-12-01' }))).toEqual([['deemedAcceptance', startOfDay('2026-12-09').toISOString()]]);
  });

  it('wants none before receipt, and none while a supplementation notice is out', () => {
    expect(kinds(clockWith({}))).toEqual([]);
  });

  it('wants the yellow and the red alerts of a green case, at the start of their days', () => {
    expect(kinds(settledOn(accepted('2026-12-01'), '2026-12-01'))).toEqual([
      ['alertYellow', startOfDay('2026-12-11').toISOString()],
      ['alertRed', startOfDay('2026-12-16').toISOString()],
    ]);
  });

  it('wants only the red alert of a yellow case, and nothing of a red one', () => {
    expect(kinds(settledOn(accepted('2026-12-01'), '2026-12-11'))).toEqual([['alertRed', startOfDay('2026-12-16').toISOString()]]);
    expect(kinds(settledOn(accepted('2026-12-01'), '2026-12-16'))).toEqual([]);
  });

  it('wants only the overrun of a running special procedure: the day after its declared working days', () => {
    // Paused 12-02 for 1 working day (12-03): overrun from 12-04; no alert timer while paused.
    const paused = settledOn(accepted('2026-12-01', { pausedSince: '2026-12-02', pauseKind: 'expertReview', pauseExpectedDays: 1 }), '2026-12-02');
    expect(paused.alert).toBe('paused');
    expect(kinds(paused)).toEqual([['pauseOverrun', startOfDay('2026-12-04').toISOString()]]);
    // Declared 3 working days from Friday 12-04: 12-07, 12-08, 12-09, overrun from 12-10.
    expect(kinds(settledOn(accepted('2026-12-01', { pausedSince: '2026-12-04', pauseKind: 'testing', pauseExpectedDays: 3 }), '2026-12-04')))
      .toEqual([['pauseOverrun', startOfDay('2026-12-10').toISOString()]]);
  });

  it('wants nothing more once the overrun is flagged', () => {
    const overrun = settledOn(accepted('2026-12-01', { pausedSince: '2026-12-02', pauseKind: 'expertReview', pauseExpectedDays: 1, pauseOverrun: true }), '2026-12-04');
    expect(kinds(overrun)).toEqual([]);
  });

  it('wants nothing once the case has ended', () => {
    expect(kinds(settledOn(accepted('2026-12-01', { stoppedOn: '2026-12-03' }), '2026-12-03'))).toEqual([]);
    expect(kinds(clockWith({ receivedOn: '2026-12-01', stoppedOn: '2026-12-01' }))).toEqual([]);
  });

  it('wants no timer on a day the calendar cannot tell yet, rather than a guessed one', () => {
    expect(kinds(clockWith({ receivedOn: '2026-12-28' }))).toEqual([]);
    // Accepted 12-18: the promised deadline is in 2027, so neither alert can be placed.
    expect(kinds(settledOn(accepted('2026-12-18'), '2026-12-18'))).toEqual([]);
  });
});

describe('the clock as the case page shows it', () => {
  const pick = ({ promised, legal }: ReturnType<typeof clockView>) => ({ promised, legal });

  it('counts used and remaining working days across National Day', () => {
    // Accepted 09-28; on 10-09: used 09-29, 09-30, 10-08, 10-09; promised remaining 10-10, 10-12 … 10-16.
    const view = clockView(settledOn(accepted('2026-09-28'), '2026-10-09'), '2026-10-09', calendar);
    expect(view.promised).toEqual({ limitDays: 10, deadline: '2026-10-16', usedDays: 4, remainingDays: 6, overdue: false });
    expect(view.legal).toEqual({ limitDays: 20, deadline: '2026-10-30', usedDays: 4, remainingDays: 16, overdue: false });
    // A holiday adds nothing: on 10-05 only 09-29 and 09-30 are used.
    expect(clockView(accepted('2026-09-28'), '2026-10-05', calendar).promised).toMatchObject({ usedDays: 2, remainingDays: 8 });
  });

  it('shows remaining days 0 on the deadline and negative after it, with overdue', () => {
    const clock = accepted('2026-12-01');
    expect(clockView(clock, '2026-12-15', calendar).promised).toMatchObject({ usedDays: 10, remainingDays: 0, overdue: false });
    expect(clockView(clock, '2026-12-16', calendar).promised).toMatchObject({ usedDays: 11, remainingDays: -1, overdue: true });
    expect(clockView(clock, '2026-12-16', calendar).legal).toMatchObject({ remainingDays: 9, overdue: false });
  });

  it('counts the deadlines moved by an ended special procedure, its days not used', () => {
    // Accepted 12-01, paused (12-02, 12-04]: 2 working days; on 12-07, 4 working days passed, 2 of them used.
    const view = clockView(settledOn(accepted('2026-12-01', { pausedDays: 2 }), '2026-12-07'), '2026-12-07', calendar);
    expect(view.promised).toEqual({ limitDays: 10, deadline: '2026-12-17', usedDays: 2, remainingDays: 8, overdue: false });
    expect(view.legal).toMatchObject({ deadline: '2026-12-31', usedDays: 2, remainingDays: 18 });
    expect(view.pausedDays).toBe(2);
  });

  it('freezes the days while a special procedure runs: day S is used, the rest remain (DOMAIN.md §1.7(6))', () => {
    // Accepted 12-01, paused since 12-02 (promised 12-15): 1 day used, WD in (12-02, 12-15] = 9 remain, whatever day it is.
    const paused = settledOn(accepted('2026-12-01', { pausedSince: '2026-12-02', pauseKind: 'expertReview', pauseExpectedDays: 1 }), '2026-12-02');
    // On 12-07, and on 12-21, after the promised deadline it had before the pause: nothing is counted while paused (Art. 45).
    const days = ['2026-12-07', '2026-12-21'];
    expect(days.map((today) => ({ today, ...pick(clockView(paused, today, calendar)) }))).toEqual(days.map((today) => ({
      today,
      promised: { limitDays: 10, deadline: '2026-12-15', usedDays: 1, remainingDays: 9, overdue: false },
      legal: { limitDays: 20, deadline: '2026-12-29', usedDays: 1, remainingDays: 19, overdue: false },
    })));
    expect(clockView(paused, '2026-12-07', calendar).pause).toMatchObject({ since: '2026-12-02', kind: 'expertReview', expectedWorkingDays: 1, daysSoFar: 3 });
  });

  it('stops counting on the day the case ended', () => {
    const ended = settledOn(accepted('2026-12-01', { stoppedOn: '2026-12-17' }), '2026-12-17');
    const view = clockView(ended, '2026-12-28', calendar);
    expect(view).toMatchObject({ alert: 'stopped', stoppedOn: '2026-12-17' });
    expect(view.promised).toEqual({ limitDays: 10, deadline: '2026-12-15', usedDays: 12, remainingDays: null, overdue: true });
    expect(view.legal).toEqual({ limitDays: 20, deadline: '2026-12-29', usedDays: 12, remainingDays: null, overdue: false });
  });

  it('shows a deadline in a year not loaded as null, with no remaining days and not overdue', () => {
    const view = clockView(settledOn(accepted('2026-12-04'), '2026-12-04'), '2026-12-21', calendar);
    expect(view.legal).toEqual({ limitDays: 20, deadline: null, usedDays: 11, remainingDays: null, overdue: false });
    expect(view.promised).toMatchObject({ deadline: '2026-12-18', remainingDays: -1, overdue: true });
  });

  it('shows a case accepted by law as of its day of receipt', () => {
    const deemed = settledOn(clockWith({ receivedOn: '2026-12-04', acceptedOn: '2026-12-04', deemedAccepted: true }), '2026-12-12');
    expect(clockView(deemed, '2026-12-12', calendar)).toMatchObject({
      receivedOn: '2026-12-04', acceptedOn: '2026-12-04', deemedAccepted: true, alert: 'green',
      promised: { deadline: '2026-12-18', usedDays: 5, remainingDays: 5 },
    });
  });
});
