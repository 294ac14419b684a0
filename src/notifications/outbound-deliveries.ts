import { Inject, Injectable, Logger } from '@nestjs/common';
import { type JobAttempt, JOB_QUEUE, type JobQueue, QUEUES } from '../infrastructure/queue/job-queue.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type OutboundMessage } from './channels/notification-channel.js';

/** One message for one channel: a job of its own, so that a channel that refuses is tried again alone. */
export interface ChannelDelivery {
  channel: string;
  message: OutboundMessage;
}

export const isDelivery = (job: object): job is ChannelDelivery => 'channel' in job && 'message' in job;

// 2 s, then twice as long each time: about four minutes in all, long enough for a mail server's restart.
const DELIVERY_RETRY = { attempts: 8, backoffMs: 2_000 };

/** Hands messages to the configured channels, each through the notifications queue, from a worker. */
@Injectable()
export class OutboundDeliveries {
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  /**
   * Queues the message for each channel that has an address for it. `key` names what the message tells of:
   * a sender tried again queues each delivery once.
   */
  async enqueue(key: string, message: OutboundMessage): Promise<void> {
    for (const channel of this.channels.filter((candidate) => candidate.reaches(message))) {
      const delivery: ChannelDelivery = { channel: channel.name, message };
      await this.queue.enqueue(QUEUES.notifications, `${key}-${channel.name}`, delivery, DELIVERY_RETRY);
    }
  }

  async deliver({ channel: name, message }: ChannelDelivery, { attempt, attempts }: JobAttempt): Promise<void> {
    const channel = this.channels.find((candidate) => candidate.name === name);
    if (!channel) {
      // Queued before a restart that turned the channel off: there is nothing left to send it by.
      this.logger.warn(`a message to user ${message.userId} was queued for the ${name} channel, which is no longer configured; dropped`);
      return;
    }
    try {
      await channel.send(message);
    } catch (error) {
      if (attempt >= attempts) this.logger.warn(`the ${name} channel did not take a message to user ${message.userId} after ${attempts} tries; given up: ${(error as Error).message}`);
      throw error;
    }
  }
}
