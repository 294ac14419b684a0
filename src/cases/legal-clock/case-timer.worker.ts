import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ClockSync } from '../../common/clock-sync.js';
import { PeriodicSweep } from '../../common/periodic-sweep.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../../infrastructure/queue/job-queue.js';
import { CaseTimerFiring } from './case-timer-firing.js';
import type { TimerJob } from './case-timer-store.js';

/**
 * Serves the case-timers queue, and sweeps the database for due timers at start and then periodically:
 * the delayed jobs make timers punctual, the sweep makes them certain.
 */
@Injectable()
export class CaseTimerWorker implements OnModuleDestroy {
  private readonly logger = new Logger(CaseTimerWorker.name);
  private readonly sweep: PeriodicSweep;

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly firing: CaseTimerFiring,
    clockSync: ClockSync,
  ) {
    this.sweep = new PeriodicSweep(this.logger, 'timer sweep', clockSync, () => this.firing.fireDue());
  }

  async start(): Promise<void> {
    this.queue.work(QUEUES.caseTimers, (job: TimerJob) => this.firing.fire(job.timerId));
    await this.sweep.runOnce();
    this.sweep.start(this.config.timerSweepMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }
}
