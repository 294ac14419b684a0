import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant, timelineOf, waitForStage, handOverDetails,
} from '../support/tongban.js';

interface Step {
  /** SIGKILL every process instead of stopping it: committed work must survive without a clean shutdown. */
  crash: boolean;
  stage: string;
  actor: 'window' | 'reviewer' | 'decider';
  action: string;
  next: string;
}

// Crash and graceful stop alternate, so each kind of stop is followed by the next stage at least once.
const STEPS: Step[] = [
  { crash: true, stage: 'preAcceptance', actor: 'window', action: 'preAccept', next: 'acceptance' },
  { crash: false, stage: 'acceptance', actor: 'window', action: 'accept', next: 'review' },
  { crash: true, stage: 'review', actor: 'reviewer', action: 'approve', next: 'decision' },
  // The answer comes before the licence is issued, in the background: the restart may find its run pending.
  { crash: false, stage: 'decision', actor: 'decider', action: 'grant', next: 'issueLicence' },
  { crash: true, stage: 'delivery', actor: 'window', action: 'pickUp', next: 'completedGranted' },
];

// "A restart test: stop every process between two stages; after restart the case goes on."
describe.each(MODES)('a case goes on after every process is restarted between stages (%s mode)', (mode) => {
  let deployment: Deployment;
  let clients: Record<'applicant' | Step['actor'], Client>;
  let caseId: string;

  beforeAll(async () => {
    deployment = await deploy(mode);
    const [{ client: applicant }, window, reviewer, decider] = await Promise.all([
      newApplicant(deployment), loginAs(deployment, 'window1'), loginAs(deployment, 'reviewer1'), loginAs(deployment, 'decider1'),
    ]);
    clients = { applicant, window, reviewer, decider };
    caseId = await fileSubmittedCase(deployment, applicant);
  });
  afterAll(() => deployment?.stop());

  it.each(STEPS)('after a restart (crash: $crash) at $stage, $action takes the case to $next', async ({ crash, stage, actor, action, next }) => {
    const before = [deployment.api, ...deployment.workers];
    await deployment.restart({ crash });
    // Without this, a restart that left the old processes running would pass for one.
    const exits = await Promise.all(before.map((proc) => proc.exited));
    expect(exits.map((exit) => exit.signal)).toEqual(before.map(() => (crash ? 'SIGKILL' : 'SIGTERM')));

    // Logins from before the restart still work: sessions live in the database, not in a process.
    for (const client of Object.values(clients)) expect((await client.get('/api/identity/me')).status).toBe(200);

    // A worker killed while issuing the licence holds its job until BullMQ finds it stalled (about 15 s).
    const detail = { body: await waitForStage(clients[actor], caseId, stage, 40_000) };
    expect(detail.body).toMatchObject({ stage, status: 'open', openTasks: [expect.objectContaining({ elementId: stage, yours: true })] });
    const todo = await clients[actor].get(`/api/tasks?stage=${stage}&limit=200`);
    expect(todo.body.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);

    const acted = await clients[actor].post(`/api/cases/${caseId}/actions/${action}`, handOverDetails(action));
    expect(acted.status).toBe(200);
    expect(acted.body.case).toMatchObject({ stage: next, version: detail.body.version + 1 });
  });

  it('ends granted, with every stage on the timeline exactly once', async () => {
    const detail = await clients.applicant.get(`/api/cases/${caseId}`);
    expect(detail.body).toMatchObject({ stage: 'completedGranted', status: 'closed', openTasks: [] });
    const timeline = await timelineOf(clients.applicant, caseId);
    expect(timeline.map((entry) => [entry.action, entry.from?.stage ?? null, entry.to.stage])).toEqual([
      ['create', null, 'application'],
      ['submit', 'application', 'preAcceptance'],
      ['preAccept', 'preAcceptance', 'acceptance'],
      ['accept', 'acceptance', 'review'],
      ['approve', 'review', 'decision'],
      ['grant', 'decision', 'issueLicence'],
      ['service.issueLicence', 'issueLicence', 'delivery'],
      ['pickUp', 'delivery', 'completedGranted'],
    ]);
  });
});
