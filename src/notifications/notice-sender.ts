import { Inject, Injectable } from '@nestjs/common';
import { JOB_QUEUE, type JobQueue, QUEUES } from '../infrastructure/queue/job-queue.js';
import { type NewNotification, NotificationsService } from './notifications.service.js';
import { OutboundDeliveries } from './outbound-deliveries.js';
import { RecipientAddresses } from './recipient-addresses.js';

/** A message to one user, told in the inbox (once per dedupe key) and through each channel. */
export interface Notice extends NewNotification {
  dedupeKey: string;
  phone: string | null;
}

/** How a notice's job is tried again while a gateway refuses it. */
export const NOTICE_RETRY = { attempts: 5, backoffMs: 2_000 };

/**
 * Delivers notices, and sends those that are not stage changes (the answer to a consultation…) the way stage
 * changes are sent: queued once the change they tell of has committed and delivered by a worker, so that a
 * slow or failing gateway never holds the request back.
 */
@Injectable()
export class NoticeSender {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly addresses: RecipientAddresses,
    private readonly deliveries: OutboundDeliveries,
  ) {}

  /** Queues the notice; call it after the commit. Queued twice with one dedupe key, it is sent once. */
  async dispatch(notice: Notice): Promise<void> {
    // BullMQ job ids may not contain ':'.
    await this.queue.enqueue(QUEUES.notices, notice.dedupeKey.replaceAll(':', '-'), notice, NOTICE_RETRY);
  }

  start(): void {
    this.queue.work(QUEUES.notices, (notice: Notice) => this.deliver(notice));
  }

  /**
   * The inbox first (kept once however often the job is tried), then a delivery job per channel that reaches the
   * user, each tried again on its own while its gateway refuses.
   */
  async deliver({ phone, ...notice }: Notice): Promise<void> {
    await this.notifications.send(notice);
    const email = notice.userId === null ? null : await this.addresses.emailOf(notice.userId);
    await this.deliveries.enqueue(notice.dedupeKey.replaceAll(':', '-'), { userId: notice.userId, phone, email, title: notice.title, body: notice.body });
  }
}
