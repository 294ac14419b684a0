/** A message leaving the platform: to a user, by whatever address the channel uses. */
export interface OutboundMessage {
  userId: string;
  phone: string | null;
  title: string;
  body: string;
}

/** SMS, e-mail or a government messaging gateway; each adapter throws when the message was not taken. */
export interface NotificationChannel {
  readonly name: string;
  send(message: OutboundMessage): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
