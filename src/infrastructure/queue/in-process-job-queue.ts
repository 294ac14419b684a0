import { type JobHandler, type JobQueue, type QueueName } from './job-queue.js';

/** Embedded mode: the handler runs in this process, right away; a job id already running is joined, not run again. */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<QueueName, JobHandler<unknown, unknown>>();
  private readonly running = new Map<string, Promise<unknown>>();

  async run<T, R>(queue: QueueName, jobId: string, data: T, waitMs: number): Promise<R | undefined> {
    const handler = this.handlers.get(queue);
    if (!handler) throw new Error(`no handler serves queue ${queue} in this process`);
    const key = `${queue}:${jobId}`;
    let job = this.running.get(key);
    if (!job) {
      job = handler(data).finally(() => this.running.delete(key));
      this.running.set(key, job);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
    try {
      return (await Promise.race([job, timeout])) as R | undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  work<T, R>(queue: QueueName, handler: JobHandler<T, R>): void {
    this.handlers.set(queue, handler as JobHandler<unknown, unknown>);
  }

  async check(): Promise<void> {}

  async close(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }
}
