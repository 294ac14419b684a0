import { Logger } from '@nestjs/common';
import type { NotificationChannel, OutboundMessage } from './notification-channel.js';

/** Writes each message to the log: the embedded default, and a record of what a real gateway was asked to send. */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutboundMessage): Promise<void> {
    this.logger.log(`to ${message.phone ?? message.userId}: ${message.title} — ${message.body}`);
  }
}
