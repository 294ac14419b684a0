import type { NotificationChannel, OutboundMessage } from './notification-channel.js';

const TIMEOUT_MS = 10_000;

/**
 * Posts each message as JSON to a gateway (an SMS or e-mail service, or the province's messaging
 * platform). Anything but a 2xx answer is a failure, and the job is tried again.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';

  constructor(private readonly url: string) {}

  /** The gateway relays by SMS or e-mail: it needs one of the two. */
  reaches(message: OutboundMessage): boolean {
    return message.phone !== null || message.email !== null;
  }

  async send(message: OutboundMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the notification gateway answered ${response.status}`);
  }
}
