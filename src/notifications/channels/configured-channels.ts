import type { AppConfig } from '../../config/app-config.js';
import { EmailChannel } from './email-channel.js';
import { LogChannel } from './log-channel.js';
import type { NotificationChannel } from './notification-channel.js';
import { WebhookChannel } from './webhook-channel.js';

/**
 * Every channel the platform has, and the configuration that turns each on: the one place to plug another in.
 * The log is always on in embedded mode. A server logs messages only while no real channel is configured:
 * once one delivers them, the log would be a second copy of people's addresses and messages.
 */
export function configuredChannels(config: AppConfig): NotificationChannel[] {
  const real = [
    config.notifyWebhookUrl ? new WebhookChannel(config.notifyWebhookUrl) : null,
    config.smtp ? new EmailChannel(config.smtp) : null,
  ].filter((channel) => channel !== null);
  const logged = config.mode === 'embedded' || real.length === 0;
  return logged ? [new LogChannel(), ...real] : real;
}
