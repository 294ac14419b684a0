import { describe, expect, it } from '@jest/globals';
import { InProcessJobQueue } from '../../src/infrastructure/queue/in-process-job-queue.js';
import { QUEUES } from '../../src/infrastructure/queue/job-queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(InProcessJobQueue.name, () => {
  it('tries a failing background job again with doubling backoff, telling each try which attempt it is', async () => {
    const queue = new InProcessJobQueue();
    const tries: { attempt: number; at: number }[] = [];
    const started = Date.now();
    queue.work(QUEUES.serviceTasks, async (_data, { attempt, attempts }) => {
      tries.push({ attempt, at: Date.now() - started });
      expect(attempts).toBe(3);
      throw new Error('still failing');
    });
    await queue.enqueue(QUEUES.serviceTasks, 'job-1', {}, { attempts: 3, backoffMs: 20 });
    await sleep(200);
    expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3]);
    // 20 ms before the second try, 40 ms before the third
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(35);
    await queue.close();
  });

  it('stops trying once a job succeeds, and adds a job id already waiting only once', async () => {
    const queue = new InProcessJobQueue();
    let calls = 0;
    queue.work(QUEUES.serviceTasks, async () => {
      calls++;
      if (calls < 2) throw new Error('first try fails');
    });
    await queue.enqueue(QUEUES.serviceTasks, 'job-2', {}, { attempts: 5, backoffMs: 5 });
    await queue.enqueue(QUEUES.serviceTasks, 'job-2', {}, { attempts: 5, backoffMs: 5 });
    await sleep(100);
    expect(calls).toBe(2);
    await queue.close();
  });

  it('waits out a delay, leaves one longer than a Node timer can wait to the database sweep, and drops waiting jobs on close', async () => {
    const queue = new InProcessJobQueue();
    const ran: string[] = [];
    queue.work(QUEUES.caseTimers, async (data: { id: string }) => void ran.push(data.id));
    await queue.enqueue(QUEUES.caseTimers, 'soon', { id: 'soon' }, { attempts: 1, backoffMs: 1, delayMs: 30 });
    await queue.enqueue(QUEUES.caseTimers, 'far', { id: 'far' }, { attempts: 1, backoffMs: 1, delayMs: 2 ** 31 });
    await queue.enqueue(QUEUES.caseTimers, 'later', { id: 'later' }, { attempts: 1, backoffMs: 1, delayMs: 5_000 });
    await sleep(10);
    expect(ran).toEqual([]);
    await sleep(60);
    expect(ran).toEqual(['soon']);
    await queue.close();
  });

  it('syncs before each job, so a job sees the time the test clock moved to', async () => {
    const order: string[] = [];
    const queue = new InProcessJobQueue(async () => void order.push('sync'));
    queue.work(QUEUES.caseTransitions, async () => void order.push('job'));
    await queue.run(QUEUES.caseTransitions, 'command-1', {}, 1_000);
    expect(order).toEqual(['sync', 'job']);
    await queue.close();
  });
});
