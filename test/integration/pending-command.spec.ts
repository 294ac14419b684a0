import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  basicInformation, type Client, deploy, type Deployment, grasslandMatter, MODES, newApplicant, uploadSmallMaterial,
} from '../support/tongban.js';

/** Asks for a command's outcome until there is one (404 while the worker is still at it). */
async function outcomeOf(client: Client, commandId: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await client.get(`/api/commands/${commandId}`);
    if (answer.status !== 404) return answer;
    expect(answer.body.code).toBe('COMMAND_NOT_FOUND');
    await sleep(50);
  }
  throw new Error(`command ${commandId} has no outcome after 5 s`);
}

// With a wait of 1 ms no worker answers in time: the request gets 202, and following the command
// must give the outcome a patient request would have had.
describe.each(MODES)('a transition that outlasts the wait (%s mode)', (mode) => {
  let deployment: Deployment;

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TRANSITION_WAIT_MS: '1' } });
  });
  afterAll(() => deployment?.stop());

  it('answers 202 with where to poll; the poll gives the outcome, and the case has moved', async () => {
    const { client: applicant } = await newApplicant(deployment);
    const matter = await grasslandMatter(deployment);
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    for (const item of matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired)) {
      expect((await uploadSmallMaterial(deployment, applicant, draft.body.id, item.id)).status).toBe(201);
    }

    const submitted = await applicant.post(`/api/cases/${draft.body.id}/actions/submit`, { commandId: `slow-${draft.body.id}` });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toEqual({ commandId: `slow-${draft.body.id}`, result: 'pending', poll: `/api/commands/slow-${draft.body.id}` });

    const outcome = await outcomeOf(applicant, submitted.body.commandId);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ result: 'done', action: 'submit', case: { stage: 'preAcceptance' } });
    expect((await applicant.get(`/api/cases/${draft.body.id}`)).body.stage).toBe('preAcceptance');
  });

  it('gives a refusal through the poll too, in the error shape', async () => {
    const { client: applicant } = await newApplicant(deployment);
    const matter = await grasslandMatter(deployment);
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    const submitted = await applicant.post(`/api/cases/${draft.body.id}/actions/submit`, {});
    expect(submitted.status).toBe(202);

    const outcome = await outcomeOf(applicant, submitted.body.commandId);
    expect(outcome.status).toBe(422);
    expect(outcome.body).toMatchObject({ code: 'MATERIALS_MISSING', message: { zh: expect.stringContaining('临时占用草原申请书') } });
  });
});
