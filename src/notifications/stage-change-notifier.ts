import { Inject, Injectable } from '@nestjs/common';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../infrastructure/queue/job-queue.js';
import { NOTICE_RETRY, NoticeSender } from './notice-sender.js';

/** A case reached a new stage: what its applicant is told. */
export interface StageChange {
  caseId: string;
  version: number;
  caseNumber: string;
  stageName: string;
  status: string;
  applicantId: string;
  phone: string | null;
}

/**
 * Tells the applicant of every stage change: in the product's inbox and through each channel. Sent by a
 * worker after the transition has committed, so that a slow or failing gateway never holds a case back.
 */
@Injectable()
export class StageChangeNotifier {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly notices: NoticeSender,
  ) {}

  async dispatch(changes: StageChange[]): Promise<void> {
    for (const change of changes) await this.queue.enqueue(QUEUES.notifications, `stage-${change.caseId}-${change.version}`, change, NOTICE_RETRY);
  }

  start(): void {
    this.queue.work(QUEUES.notifications, (change: StageChange) => this.send(change));
  }

  private async send(change: StageChange): Promise<void> {
    const title = `${change.caseNumber}：${change.status === 'closed' ? '已办结' : '进入'}“${change.stageName}”`;
    const body = `您的办件 ${change.caseNumber} 当前环节：${change.stageName}。Your case ${change.caseNumber} is now at: ${change.stageName}.`;
    await this.notices.deliver({ userId: change.applicantId, caseId: change.caseId, dedupeKey: `stage:${change.caseId}:${change.version}`, title, body, phone: change.phone });
  }
}
