import { describe, expect, it } from '@jest/globals';
import type { JobOptions, JobQueue, QueueName } from '../../src/infrastructure/queue/job-queue.js';
import type { NotificationChannel, OutboundMessage } from '../../src/notifications/channels/notification-channel.js';
import { type ChannelDelivery, isDelivery, OutboundDeliveries } from '../../src/notifications/outbound-deliveries.js';

/** A queue that only records what was handed to it. */
function recordingQueue() {
  const enqueued: { queue: QueueName; jobId: string; data: unknown; options: JobOptions }[] = [];
  const queue = {
    enqueue: async (queueName: QueueName, jobId: string, data: unknown, options: JobOptions) => void enqueued.push({ queue: queueName, jobId, data, options }),
  } as unknown as JobQueue;
  return { queue, enqueued };
}

/** A channel that reaches messages with a phone, and fails its first `failures` sends. */
function smsChannel(failures = 0) {
  const sent: OutboundMessage[] = [];
  const channel: NotificationChannel = {
    name: 'sms',
    reaches: (message) => message.phone !== null,
    send: async (message) => {
      if (failures-- > 0) throw new Error('gateway down');
      sent.push(message);
    },
  };
  return { channel, sent };
}

const logChannel: NotificationChannel = { name: 'log', reaches: () => true, send: async () => undefined };
const message: OutboundMessage = { userId: 'u-1', phone: null, email: 'a@example.cn', title: 't', body: 'b' };

describe(OutboundDeliveries.name, () => {
  it('queues one delivery per channel that reaches the message, each under its own job id', async () => {
    const { queue, enqueued } = recordingQueue();
    const deliveries = new OutboundDeliveries(queue, [logChannel, smsChannel().channel]);
    await deliveries.enqueue('stage-c-2', message);
    expect(enqueued.map((job) => job.jobId)).toEqual(['stage-c-2-log']);
    await deliveries.enqueue('stage-c-3', { ...message, phone: '13800000000' });
    expect(enqueued.map((job) => job.jobId)).toEqual(['stage-c-2-log', 'stage-c-3-log', 'stage-c-3-sms']);
    expect(enqueued.every((job) => job.queue === 'notifications' && isDelivery(job.data as object) && job.options.attempts > 1)).toBe(true);
  });

  it('sends by the named channel, and lets a failure through so that the queue tries again', async () => {
    const sms = smsChannel(1);
    const deliveries = new OutboundDeliveries(recordingQueue().queue, [logChannel, sms.channel]);
    const delivery: ChannelDelivery = { channel: 'sms', message: { ...message, phone: '13800000000' } };
    await expect(deliveries.deliver(delivery, { attempt: 1, attempts: 8 })).rejects.toThrow('gateway down');
    await deliveries.deliver(delivery, { attempt: 2, attempts: 8 });
    expect(sms.sent).toEqual([delivery.message]);
  });

  it('drops a delivery for a channel that is no longer configured rather than failing it forever', async () => {
    const deliveries = new OutboundDeliveries(recordingQueue().queue, [logChannel]);
    await expect(deliveries.deliver({ channel: 'sms', message }, { attempt: 1, attempts: 8 })).resolves.toBeUndefined();
  });

  it('tells a delivery from a stage change', () => {
    expect(isDelivery({ channel: 'sms', message })).toBe(true);
    expect(isDelivery({ caseId: 'c', version: 2, caseNumber: 'LCJ-1', stageName: 's', status: 'open', applicantId: 'u', phone: null })).toBe(false);
  });
});
