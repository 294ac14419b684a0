import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ClockSync } from '../../common/clock-sync.js';
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
  private sweeper?: ReturnType<typeof setInterval>;
  private sweeping?: Promise<unknown>;

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly firing: CaseTimerFiring,
    private readonly clockSync: ClockSync,
  ) {}

  async start(): Promise<void> {
    this.queue.work(QUEUES.caseTimers, (job: TimerJob) => this.firing.fire(job.timerId));
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.config.timerSweepMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    await this.sweeping;
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = this.clockSync
      .sync()
      .then(() => this.firing.fireDue())
      .catch((error: Error) => this.logger.error(`timer sweep failed: ${error.message}`))
      .finally(() => (this.sweeping = undefined));
    await this.sweeping;
  }
}
