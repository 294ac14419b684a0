import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { CaseTransitionService, lockCase, type StepEffects } from '../case-transition.service.js';
import { CaseTimer } from './case-timer.entity.js';
import { LegalClockService } from './legal-clock.service.js';

/**
 * Carries out timers that fell due, each once: in one transaction with the case locked, the timer row is
 * checked still pending and due by the product's clock, marked fired, and its effect applied.
 */
@Injectable()
export class CaseTimerFiring {
  private readonly logger = new Logger(CaseTimerFiring.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
    private readonly legalClock: LegalClockService,
    private readonly clock: Clock,
  ) {}

  /** Fires one timer if it is due; a timer cancelled, already fired or not yet due is left as it is. */
  async fire(timerId: string): Promise<boolean> {
    const effects = await this.dataSource.transaction(async (tx): Promise<StepEffects | null> => {
      const timer = await tx.findOneBy(CaseTimer, { id: timerId });
      const kase = timer?.state === 'pending' ? await lockCase(tx, timer.caseId) : null;
      const current = kase && (await tx.findOne(CaseTimer, { where: { id: timerId }, lock: { mode: 'pessimistic_write' } }));
      if (!kase || current?.state !== 'pending' || current.dueAt > this.clock.now()) return null;
      await tx.update(CaseTimer, { id: timerId }, { state: 'fired', settledAt: this.clock.now() });
      if (current.kind === 'deemedAcceptance') return this.transitions.deemAccepted(tx, kase);
      return { serviceRuns: [], timers: await this.legalClock.onTimer(tx, kase, current.kind), stageChanges: [] };
    });
    if (!effects) return false;
    await this.transitions.dispatch(effects);
    return true;
  }

  /** Fires every timer due by now, oldest first: after a restart, a lost job, or the test clock moving on. */
  async fireDue(): Promise<number> {
    await this.transitions.dispatch({ serviceRuns: [], timers: await this.legalClock.settleUnknown(), stageChanges: [] });
    let fired = 0;
    for (;;) {
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM case_timers WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT 100`,
        [this.clock.now()],
      );
      let firedNow = 0;
      for (const { id } of due) if (await this.fire(id)) firedNow++;
      fired += firedNow;
      // Firing a timer can add another already due (an alert after a deemed acceptance): go round until none is.
      if (!firedNow) return fired;
      this.logger.log(`fired ${firedNow} due timer(s)`);
    }
  }
}
