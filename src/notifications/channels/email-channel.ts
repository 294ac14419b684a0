import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config/app-config.js';
import { composeEmail } from './email-message.js';
import type { NotificationChannel, OutboundMessage } from './notification-channel.js';

// nodemailer waits up to two minutes by default; a server that does not answer in this time is retried later.
const TIMEOUT_MS = 10_000;

/**
 * Sends each message by e-mail through an SMTP server, to the user's e-mail address. A server that refuses
 * the recipient or cannot be reached fails the delivery, and it is tried again.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transport;

  constructor(private readonly smtp: SmtpConfig) {
    // A new connection for each message: deliveries are few, and a retry never reuses a broken session.
    this.transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  }

  reaches(message: OutboundMessage): boolean {
    return message.email !== null;
  }

  async send(message: OutboundMessage): Promise<void> {
    if (message.email === null) throw new Error(`user ${message.userId} has no e-mail address`);
    // Rejects when the server cannot be reached or refuses the one recipient (nodemailer's EENVELOPE).
    await this.transport.sendMail(composeEmail(message, { from: this.smtp.from, to: message.email }));
  }
}
