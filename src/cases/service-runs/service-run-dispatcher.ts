import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../../infrastructure/queue/job-queue.js';

export interface ServiceJob {
  runId: string;
}

/** Hands service runs to the workers, once the transaction that opened them has committed. */
@Injectable()
export class ServiceRunDispatcher {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async dispatch(runs: { id: string; retries: number }[]): Promise<void> {
    for (const run of runs) {
      // One job per run and retry: a retried incident is a new job, a run dispatched twice is one.
      await this.queue.enqueue<ServiceJob>(QUEUES.serviceTasks, `${run.id}-${run.retries}`, { runId: run.id }, this.config.serviceTaskRetry);
    }
  }

  /**
   * Dispatches every run still pending. A process that stopped between committing a run and queueing it
   * (or, embedded, with jobs still waiting in memory) would otherwise leave the case waiting for ever.
   */
  async dispatchPending(): Promise<number> {
    const pending: { id: string; retries: number }[] = await this.dataSource.query(`SELECT id, retries FROM service_runs WHERE status = 'pending'`);
    await this.dispatch(pending);
    return pending.length;
  }
}
