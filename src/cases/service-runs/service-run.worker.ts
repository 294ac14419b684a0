import { Inject, Injectable, Logger } from '@nestjs/common';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../../infrastructure/queue/job-queue.js';
import { ServiceJob, ServiceRunDispatcher } from './service-run-dispatcher.js';
import { ServiceRunsService } from './service-runs.service.js';

/** Serves the service-tasks queue in this process, and picks up runs left pending by a process that stopped. */
@Injectable()
export class ServiceRunWorker {
  private readonly logger = new Logger(ServiceRunWorker.name);

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly runs: ServiceRunsService,
    private readonly dispatcher: ServiceRunDispatcher,
  ) {}

  async start(): Promise<void> {
    this.queue.work(QUEUES.serviceTasks, (job: ServiceJob, attempt) => this.runs.carryOut(job.runId, attempt));
    const pending = await this.dispatcher.dispatchPending();
    if (pending) this.logger.log(`re-dispatched ${pending} pending service task run(s)`);
  }
}
