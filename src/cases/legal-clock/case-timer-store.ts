import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../../infrastructure/queue/job-queue.js';
import type { CaseTimer, TimerKind } from './case-timer.entity.js';

export interface TimerJob {
  timerId: string;
}

const TIMER_RETRY = { attempts: 5, backoffMs: 1_000 };

/** Keeps each case's pending timers equal to what its clock needs, and wakes the workers when they fall due. */
@Injectable()
export class CaseTimerStore {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * Cancels the pending timers the clock no longer needs (or needs at another moment) and adds the missing
   * ones, in the caller's transaction; returns the new ones, to be dispatched once it commits.
   */
  async reconcile(tx: EntityManager, caseId: string, wanted: { kind: TimerKind; dueAt: Date }[]): Promise<CaseTimer[]> {
    const now = this.clock.now();
    const pending: CaseTimer[] = await tx.query(`SELECT id, kind, due_at AS "dueAt" FROM case_timers WHERE case_id = $1 AND state = 'pending'`, [caseId]);
    const same = (timer: CaseTimer, w: { kind: TimerKind; dueAt: Date }) => timer.kind === w.kind && new Date(timer.dueAt).getTime() === w.dueAt.getTime();
    const stale = pending.filter((timer) => !wanted.some((w) => same(timer, w))).map((timer) => timer.id);
    if (stale.length) await tx.query(`UPDATE case_timers SET state = 'cancelled', settled_at = $2 WHERE id = ANY($1)`, [stale, now]);
    const added: CaseTimer[] = [];
    for (const { kind, dueAt } of wanted.filter((w) => !pending.some((timer) => same(timer, w)))) {
      const [row] = await tx.query(
        `INSERT INTO case_timers (case_id, kind, due_at, state, created_at) VALUES ($1, $2, $3, 'pending', $4) RETURNING id, kind, due_at AS "dueAt"`,
        [caseId, kind, dueAt, now],
      );
      added.push(row);
    }
    return added;
  }

  /** A delayed job per timer; in embedded mode one too far off is left to the sweep. */
  async dispatch(timers: Pick<CaseTimer, 'id' | 'dueAt'>[]): Promise<void> {
    for (const timer of timers) {
      const delayMs = Math.max(0, new Date(timer.dueAt).getTime() - this.clock.now().getTime());
      await this.queue.enqueue<TimerJob>(QUEUES.caseTimers, `timer-${timer.id}`, { timerId: timer.id }, { ...TIMER_RETRY, delayMs });
    }
  }
}
