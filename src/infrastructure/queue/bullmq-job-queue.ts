import { Logger } from '@nestjs/common';
import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { type JobHandler, type JobOptions, type JobQueue, type QueueName } from './job-queue.js';

const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 200 },
  // Results stay a while so that a client asking again with the same command id is answered from Redis.
  removeOnComplete: { age: 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Server mode: jobs on Redis through BullMQ, carried out by worker processes on any machine. */
export class BullMqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger(BullMqJobQueue.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly events = new Map<QueueName, QueueEvents>();
  private readonly workers: Worker[] = [];
  private readonly connection: Redis;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly concurrency: number,
    private readonly beforeJob: () => Promise<void> = async () => undefined,
  ) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  }

  async run<T, R>(queueName: QueueName, jobId: string, data: T, waitMs: number): Promise<R | undefined> {
    const job = await this.queue(queueName).add(queueName, data, { ...JOB_OPTIONS, jobId });
    const events = await this.queueEvents(queueName);
    try {
      return (await job.waitUntilFinished(events, waitMs)) as R;
    } catch (error) {
      if (error instanceof Error && /timed out/i.test(error.message)) return undefined;
      throw error;
    }
  }

  async enqueue<T>(queueName: QueueName, jobId: string, data: T, options: JobOptions): Promise<void> {
    await this.queue(queueName).add(queueName, data, {
      ...JOB_OPTIONS,
      jobId,
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      delay: options.delayMs,
    });
  }

  work<T, R>(queueName: QueueName, handler: JobHandler<T, R>): void {
    const attemptOf = (job: Job) => ({ attempt: job.attemptsMade + 1, attempts: job.opts.attempts ?? 1 });
    const process = async (job: Job) => {
      await this.beforeJob();
      return handler(job.data as T, attemptOf(job));
    };
    const worker = new Worker(queueName, process, {
      connection: new Redis(this.redisUrl, { maxRetriesPerRequest: null }),
      prefix: this.prefix,
      concurrency: this.concurrency,
      // A worker killed mid-job holds its lock until it expires; only then is the job found stalled and run
      // again. Shorter than BullMQ's 30 s, so that a crashed worker delays a case by seconds, not a minute.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    });
    worker.on('failed', (job, error) => this.logger.warn(`job ${job?.id} of ${queueName} failed: ${error.message}`));
    this.workers.push(worker);
  }

  async check(): Promise<void> {
    await this.connection.ping();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.events.values()].map((events) => events.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async queueEvents(name: QueueName): Promise<QueueEvents> {
    let events = this.events.get(name);
    if (!events) {
      events = new QueueEvents(name, { connection: new Redis(this.redisUrl, { maxRetriesPerRequest: null }), prefix: this.prefix });
      this.events.set(name, events);
      await events.waitUntilReady();
    }
    return events;
  }
}
