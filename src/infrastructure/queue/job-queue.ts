/** The queues this product runs; a worker process serves all of them unless told otherwise. */
export const QUEUES = { caseTransitions: 'case-transitions', serviceTasks: 'service-tasks', caseTimers: 'case-timers', notifications: 'notifications', notices: 'notices' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Which try of its job a handler is making, so that the last one can leave a trace when it fails. */
export interface JobAttempt {
  attempt: number;
  attempts: number;
}

export type JobHandler<T, R> = (data: T, attempt: JobAttempt) => Promise<R>;

/** How a job that fails is tried again: `attempts` tries in all, waiting `backoffMs`, then twice as long, and so on. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export interface JobOptions extends RetryPolicy {
  delayMs?: number;
}

/**
 * Jobs behind one small interface, so that callers never import bullmq: BullMQ on Redis in server mode,
 * the same handlers called in-process in embedded mode.
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  /**
   * Runs the job with this id at most once and resolves with its result, or with `undefined` if it has
   * not finished within `waitMs` (it then goes on, and its result is found by other means).
   */
  run<T, R>(queue: QueueName, jobId: string, data: T, waitMs: number): Promise<R | undefined>;
  /**
   * Hands a job over to be carried out in the background, after `delayMs` if given, tried again on failure;
   * a job id already queued is not added twice.
   */
  enqueue<T>(queue: QueueName, jobId: string, data: T, options: JobOptions): Promise<void>;
  /** Carries out this queue's jobs in this process. */
  work<T, R>(queue: QueueName, handler: JobHandler<T, R>): void;
  /** Throws when the queue's backend cannot be reached. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
