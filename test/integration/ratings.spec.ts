import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant, timelineOf, waitForStage } from '../support/tongban.js';

// 好差评: one rating per finished case; a poor one opens a rectification ticket for the handling department.
describe.each(MODES)('ratings and the follow-up of a poor one (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let window: Client;
  let caseId: string;
  let ratingId: string;

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    window = await loginAs(deployment, 'window1');
    caseId = await fileSubmittedCase(deployment, applicant);
  });
  afterAll(() => deployment?.stop());

  it('opens rating only once the case is finished', async () => {
    const early = await applicant.post(`/api/cases/${caseId}/rating`, { level: 1 });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CASE_NOT_FINISHED');
    await window.post(`/api/cases/${caseId}/actions/refuse`, { comment: '不属于本机关职权范围' });
    await waitForStage(window, caseId, 'notAccepted');
  });

  it('needs a reason for a dissatisfied rating, and refuses a level outside 1–5', async () => {
    const noReason = await applicant.post(`/api/cases/${caseId}/rating`, { level: 5 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields[0].field).toBe('reason');
    expect((await applicant.post(`/api/cases/${caseId}/rating`, { level: 6, reason: 'x' })).status).toBe(400);
  });

  it('keeps a poor rating and opens a ticket for the handling department, due in 15 working days', async () => {
    const rated = await applicant.post(`/api/cases/${caseId}/rating`, { level: 5, reason: '窗口未说明应向哪个机关申请' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ level: 5, levelName: '非常不满意 Very dissatisfied', followUp: { status: 'open', due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    ratingId = rated.body.id;
    const again = await applicant.post(`/api/cases/${caseId}/rating`, { level: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RATING_EXISTS');
  });

  it('lets only the case’s applicant rate it', async () => {
    const { client: stranger } = await newApplicant(deployment);
    expect((await stranger.post(`/api/cases/${caseId}/rating`, { level: 1 })).status).toBe(404);
    expect((await stranger.get(`/api/cases/${caseId}/rating`)).status).toBe(404);
  });

  it('lists the ticket to the department’s staff and to supervisors, not to another department', async () => {
    const ids = async (client: Client) => (await client.get('/api/rating-follow-ups')).body.map((t: { id: string }) => t.id);
    expect(await ids(window)).toContain(ratingId);
    expect(await ids(await loginAs(deployment, 'supervisor1'))).toContain(ratingId);
    expect(await ids(await loginAs(deployment, 'reviewer2'))).not.toContain(ratingId);
    expect((await applicant.get('/api/rating-follow-ups')).status).toBe(403);
  });

  it('closes the ticket only with a follow-up record by the department, which the rater is sent', async () => {
    const reviewer2 = await loginAs(deployment, 'reviewer2');
    expect((await reviewer2.post(`/api/rating-follow-ups/${ratingId}/close`, { record: '已回访并说明' })).status).toBe(403);
    expect((await window.post(`/api/rating-follow-ups/${ratingId}/close`, { record: '' })).status).toBe(400);
    const record = '已电话回访申请人，说明应向自治区林草局申请，并对窗口人员进行了培训';
    const closed = await window.post(`/api/rating-follow-ups/${ratingId}/close`, { record });
    expect(closed.status).toBe(200);
    expect(closed.body.followUp).toMatchObject({ status: 'closed', record });
    expect((await window.post(`/api/rating-follow-ups/${ratingId}/close`, { record })).status).toBe(409);
    const inbox = await applicant.get('/api/notifications');
    expect(inbox.body.map((n: { body: string }) => n.body)).toContain(record);
    const actions = (await timelineOf(applicant, caseId)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['rating.submitted', 'rating.followedUp']);
  });
});
