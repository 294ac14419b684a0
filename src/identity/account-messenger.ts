import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { OutboundMessage } from '../notifications/channels/notification-channel.js';
import { WebhookChannel } from '../notifications/channels/webhook-channel.js';

const ATTEMPTS = 3;
const BACKOFF_MS = 1_000;

/**
 * Sends account messages that carry a secret (a password reset token) out of the platform: to the SMS or
 * e-mail gateway when one is configured (TONGBAN_NOTIFY_WEBHOOK_URL), and, in embedded mode only, to the
 * console, where the person running Tongban on their own machine can read it. A server's log never shows the
 * secret. Sent in the background, a few times if the gateway refuses, so that the request that asked for it
 * answers at once and the same whoever asked.
 */
@Injectable()
export class AccountMessenger {
  private readonly logger = new Logger('Accounts');
  private readonly gateway: WebhookChannel | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.gateway = config.notifyWebhookUrl ? new WebhookChannel(config.notifyWebhookUrl) : null;
  }

  sendSecret(message: OutboundMessage, summary: string): void {
    if (this.config.mode === 'embedded') this.logger.log(`${summary}, to ${message.phone ?? `user ${message.userId}`}: ${message.title} — ${message.body}`);
    else this.logger.log(`${summary}: sent to the inbox${this.gateway ? ' and the gateway' : ''} (the secret is never logged in server mode)`);
    if (this.gateway) void this.toGateway(this.gateway, message);
  }

  private async toGateway(gateway: WebhookChannel, message: OutboundMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await gateway.send(message);
      } catch (error) {
        if (attempt >= ATTEMPTS) {
          this.logger.warn(`the gateway did not take an account message for user ${message.userId} after ${ATTEMPTS} tries: ${(error as Error).message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1)));
      }
    }
  }
}
