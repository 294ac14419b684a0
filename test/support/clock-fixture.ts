import type { CaseClock } from '../../src/cases/legal-clock/case-clock.entity.js';

/** A grassland-like clock (LCJ-XK-001: legal 20, promised 10 working days, yellow from the 3rd-last), with whatever the test sets. */
export const clockWith = (overrides: Partial<CaseClock>): CaseClock => ({
  caseId: 'c', legalLimitDays: 20, promisedLimitDays: 10, warningDays: 3, limitUnit: 'working_days',
  receivedOn: null, acceptedOn: null, deemedAccepted: false, pausedSince: null, pauseKind: null, pauseExpectedDays: null,
  pauseOverrun: false, pausedDays: 0, extensionDays: 0, extensionAllowanceDays: 10, refusedOn: null,
  legalDeadline: null, promisedDeadline: null, stoppedOn: null, alert: 'none', updatedAt: new Date(),
  matterId: 'm', departmentId: 'd', todoStage: null, urgeCount: 0, lastUrgedAt: null,
  ...overrides,
});
