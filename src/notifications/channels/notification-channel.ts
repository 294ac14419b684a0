/** A message leaving the platform: to a user, with every address the platform knows for them. */
export interface OutboundMessage {
  /** Null for a walk-in applicant without an account: the phone they gave at the window reaches them. */
  userId: string | null;
  phone: string | null;
  email: string | null;
  title: string;
  body: string;
}

/**
 * One way out of the platform: SMS, e-mail, a government messaging gateway. To add one, implement this
 * and give it its line in `configuredChannels`.
 */
export interface NotificationChannel {
  /** Unique among the channels: it names the channel's deliveries in the queue and in the log. */
  readonly name: string;
  /** Whether this message has an address this channel can send to (an e-mail channel needs an e-mail address). */
  reaches(message: OutboundMessage): boolean;
  /** Sends one message; throws when it was not taken, so that the delivery is tried again. */
  send(message: OutboundMessage): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
