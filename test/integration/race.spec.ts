import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant, timelineOf,
} from '../support/tongban.js';

const RACERS = 20;
const SESSIONS = 4;
const REPEATS = 10;

// "Two staff acting on the same case at the same moment: exactly one wins, the other gets 409 with the
// case's current stage." In server mode two workers take the commands, so the race crosses processes.
describe.each(MODES)('concurrent commands on one case (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let windows: Client[];

  beforeAll(async () => {
    deployment = await deploy(mode, { workers: 2 });
    ({ client: applicant } = await newApplicant(deployment));
    // Only window1 exists in the demo centre; separate sessions stand in for separate desks.
    windows = await Promise.all(Array.from({ length: SESSIONS }, () => loginAs(deployment, 'window1')));
  });
  afterAll(() => deployment?.stop());

  /** A submitted, pre-accepted case waiting at acceptance, and its version there. */
  async function caseAtAcceptance() {
    const caseId = await fileSubmittedCase(deployment, applicant);
    const preAccepted = await windows[0].post(`/api/cases/${caseId}/actions/preAccept`, {});
    expect(preAccepted.body.case).toMatchObject({ stage: 'acceptance' });
    return { caseId, version: preAccepted.body.case.version as number };
  }

  it(`${RACERS} accepts with distinct command ids: exactly one wins, the others get 409 with the new stage`, async () => {
    const { caseId, version } = await caseAtAcceptance();

    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        windows[i % SESSIONS].post(`/api/cases/${caseId}/actions/accept`, { commandId: `race-${i}-${randomUUID()}` })),
    );

    const winners = answers.filter((answer) => answer.status === 200);
    const losers = answers.filter((answer) => answer.status === 409);
    expect(answers.map((answer) => answer.status).sort((a, b) => a - b)).toEqual([200, ...Array(RACERS - 1).fill(409)]);
    expect(winners[0].body.case).toMatchObject({ stage: 'review', version: version + 1 });
    for (const loser of losers) {
      expect(loser.body).toMatchObject({ code: 'STAGE_CONFLICT', details: { stage: 'review', version: version + 1 } });
    }

    const detail = await windows[0].get(`/api/cases/${caseId}`);
    expect(detail.body).toMatchObject({ stage: 'review', version: version + 1 });
    const actions = (await timelineOf(applicant, caseId)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'accept')).toHaveLength(1);
  });

  it(`one command id sent ${REPEATS} times at once is carried out once, and every answer is the same`, async () => {
    const { caseId, version } = await caseAtAcceptance();
    const command = { commandId: `repeat-${randomUUID()}`, comment: '予以受理' };

    const answers = await Promise.all(Array.from({ length: REPEATS }, () => windows[0].post(`/api/cases/${caseId}/actions/accept`, command)));

    expect(answers[0].status).toBe(200);
    expect(answers[0].body).toMatchObject({ commandId: command.commandId, result: 'done', case: { stage: 'review', version: version + 1 } });
    for (const answer of answers) expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: answers[0].body });

    const detail = await windows[0].get(`/api/cases/${caseId}`);
    expect(detail.body.version).toBe(version + 1);
    const accepts = (await timelineOf(applicant, caseId)).filter((entry) => entry.action === 'accept');
    expect(accepts).toEqual([expect.objectContaining({ comment: '予以受理' })]);
  });
});
