import { Logger } from '@nestjs/common';
import type { NotificationChannel, OutboundMessage } from './notification-channel.js';

/** Writes each message to the log: where someone running Tongban on their own machine reads what was sent. */
export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  reaches(): boolean {
    return true;
  }

  async send(message: OutboundMessage): Promise<void> {
    const addresses = [message.phone, message.email].filter((address) => address !== null);
    this.logger.log(`to ${addresses.length > 0 ? addresses.join(', ') : `user ${message.userId}`}: ${message.title} — ${message.body}`);
  }
}
