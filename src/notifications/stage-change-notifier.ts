import { Inject, Injectable } from '@nestjs/common';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../infrastructure/queue/job-queue.js';
import { NOTICE_RETRY, NoticeSender } from './notice-sender.js';
import { type ChannelDelivery, isDelivery, OutboundDeliveries } from './outbound-deliveries.js';

/** A case reached a new stage: what its applicant is told. */
export interface StageChange {
  caseId: string;
  version: number;
  caseNumber: string;
  stageName: string;
  status: string;
  applicantId: string | null;
  phone: string | null;
}

/**
 * Tells the applicant of every stage change: in the product's inbox, then through each channel that reaches
 * them, each a job of its own. Sent by a worker after the transition has committed, so that a slow or failing
 * gateway never holds a case back.
 */
@Injectable()
export class StageChangeNotifier {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly notices: NoticeSender,
    private readonly deliveries: OutboundDeliveries,
  ) {}

  async dispatch(changes: StageChange[]): Promise<void> {
    for (const change of changes) await this.queue.enqueue(QUEUES.notifications, `stage-${change.caseId}-${change.version}`, change, NOTICE_RETRY);
  }

  /** The notifications queue carries both jobs: a stage change to tell, and its deliveries to each channel. */
  start(): void {
    this.queue.work(QUEUES.notifications, (job: StageChange | ChannelDelivery, attempt) => (isDelivery(job) ? this.deliveries.deliver(job, attempt) : this.tell(job)));
  }

  private async tell(change: StageChange): Promise<void> {
    const title = `${change.caseNumber}：${change.status === 'closed' ? '已办结' : '进入'}“${change.stageName}”`;
    const body = `您的办件 ${change.caseNumber} 当前环节：${change.stageName}。Your case ${change.caseNumber} is now at: ${change.stageName}.`;
    await this.notices.deliver({ userId: change.applicantId, caseId: change.caseId, dedupeKey: `stage:${change.caseId}:${change.version}`, title, body, phone: change.phone });
  }
}
