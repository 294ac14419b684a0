import { Inject, Injectable } from '@nestjs/common';
import { withOrigin } from '../common/request-origin.js';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../infrastructure/queue/job-queue.js';
import { CaseTransitionService } from './case-transition.service.js';
import { TransitionCommand } from './transition.js';

/** Serves the case-transitions queue in this process: the worker process in server mode, the app itself when embedded. */
@Injectable()
export class CaseTransitionWorker {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly transitions: CaseTransitionService,
  ) {}

  start(): void {
    this.queue.work(QUEUES.caseTransitions, (command: TransitionCommand) => withOrigin(command.origin, () => this.transitions.execute(command)));
  }
}
