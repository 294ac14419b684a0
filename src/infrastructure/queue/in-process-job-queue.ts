import { Logger } from '@nestjs/common';
import { type JobAttempt, type JobHandler, type JobOptions, type JobQueue, type QueueName, type RetryPolicy } from './job-queue.js';

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Embedded mode: the handlers run in this process. A job id already running is joined, not run again; a
 * background job that fails is tried again after the same backoff BullMQ would wait. Jobs still waiting when
 * the process stops are lost here: their owners find them again in the database at the next start.
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly handlers = new Map<QueueName, JobHandler<unknown, unknown>>();
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly scheduled = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly beforeJob: () => Promise<void> = async () => undefined) {}

  async run<T, R>(queue: QueueName, jobId: string, data: T, waitMs: number): Promise<R | undefined> {
    const job = this.start(queue, jobId, () => this.handle(queue, data, { attempt: 1, attempts: 1 }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
    try {
      return (await Promise.race([job, timeout])) as R | undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async enqueue<T>(queue: QueueName, jobId: string, data: T, options: JobOptions): Promise<void> {
    const key = `${queue}:${jobId}`;
    if (this.running.has(key) || this.scheduled.has(key)) return;
    // Node cannot wait longer than this; a job due later is left to its owner's sweep of the database.
    if ((options.delayMs ?? 0) > MAX_TIMER_MS) return;
    this.schedule(queue, jobId, data, options, 1, options.delayMs ?? 0);
  }

  work<T, R>(queue: QueueName, handler: JobHandler<T, R>): void {
    this.handlers.set(queue, handler as JobHandler<unknown, unknown>);
  }

  async check(): Promise<void> {}

  async close(): Promise<void> {
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
    await Promise.allSettled(this.running.values());
  }

  private schedule<T>(queue: QueueName, jobId: string, data: T, retry: RetryPolicy, attempt: number, delayMs: number): void {
    const key = `${queue}:${jobId}`;
    const timer = setTimeout(() => {
      this.scheduled.delete(key);
      this.start(queue, jobId, () => this.handle(queue, data, { attempt, attempts: retry.attempts })).catch((error: Error) => {
        this.logger.warn(`job ${jobId} of ${queue} failed (attempt ${attempt} of ${retry.attempts}): ${error.message}`);
        if (attempt < retry.attempts) this.schedule(queue, jobId, data, retry, attempt + 1, retry.backoffMs * 2 ** (attempt - 1));
      });
    }, delayMs);
    this.scheduled.set(key, timer);
  }

  private start(queue: QueueName, jobId: string, job: () => Promise<unknown>): Promise<unknown> {
    const key = `${queue}:${jobId}`;
    let running = this.running.get(key);
    if (!running) {
      running = Promise.resolve().then(job).finally(() => this.running.delete(key));
      this.running.set(key, running);
    }
    return running;
  }

  private async handle(queue: QueueName, data: unknown, attempt: JobAttempt): Promise<unknown> {
    const handler = this.handlers.get(queue);
    if (!handler) throw new Error(`no handler serves queue ${queue} in this process`);
    await this.beforeJob();
    return handler(data, attempt);
  }
}
