import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant, timelineOf } from '../support/tongban.js';

/*
 * Who holds a task, over HTTP in each run mode: a window clerk claims (签收) a case's task, which then leaves
 * the other clerk's to-do list and cannot be acted on by them; the holder releases it or passes it on with a
 * reason (转办) to a colleague who may hold it, who is notified; the done list (已办) shows what each completed.
 */

interface Todo {
  legalStages: { legalStage: string; name: { zh: string; en: string }; count: number }[];
  counts: { stage: string; count: number }[];
  total: number;
  items: { taskId: string; caseId: string; stage: string; legalStage: string; claimedBy: { id: string; name: string } | null }[];
}

describe.each(MODES)('claiming, releasing and passing on tasks (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let clerk: Client;
  let colleague: Client;
  let reviewer: Client;
  let ids: Record<'clerk' | 'colleague' | 'reviewer' | 'applicant', string>;
  let caseId: string;
  let taskId: string;

  const todo = async (client: Client, query = '') => (await client.get<Todo>(`/api/tasks?limit=200${query}`)).body;
  const listed = async (client: Client, query = '') => (await todo(client, query)).items.some((item) => item.taskId === taskId);
  const openTaskOf = async (id: string) => (await clerk.get(`/api/cases/${id}`)).body.openTasks[0];

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    [clerk, colleague, reviewer] = await Promise.all(['window1', 'window2', 'reviewer1'].map((name) => loginAs(deployment, name)));
    const me = async (client: Client) => (await client.get('/api/identity/me')).body.id as string;
    ids = { clerk: await me(clerk), colleague: await me(colleague), reviewer: await me(reviewer), applicant: await me(applicant) };
    caseId = await fileSubmittedCase(deployment, applicant);
    taskId = (await openTaskOf(caseId)).id;
  });
  afterAll(() => deployment?.stop());

  it('lists an unclaimed task to every clerk who may take it', async () => {
    expect(await listed(clerk)).toBe(true);
    expect(await listed(colleague)).toBe(true);
    expect(await listed(clerk, '&mine=true')).toBe(false);
  });

  it('counts the list per stage of the to-do list, every stage named, and lists one stage when asked', async () => {
    const list = await todo(clerk);
    expect(list.legalStages.map((row) => row.legalStage)).toEqual(['preAcceptance', 'acceptance', 'supplementAcceptance', 'review', 'decision', 'handling', 'delivery']);
    expect(list.legalStages[0]).toMatchObject({ name: { zh: '预受理', en: 'Pre-acceptance' }, count: expect.any(Number) });
    expect(list.legalStages[0].count).toBeGreaterThanOrEqual(1);
    // A window clerk holds no review: none counted, none listed.
    expect(list.legalStages.find((row) => row.legalStage === 'review')!.count).toBe(0);
    expect((await todo(clerk, '&legalStage=review')).items).toEqual([]);
    const preAcceptance = await todo(clerk, '&legalStage=preAcceptance');
    expect(preAcceptance.items.every((item) => item.legalStage === 'preAcceptance')).toBe(true);
    expect(preAcceptance.items.some((item) => item.taskId === taskId)).toBe(true);
    expect(preAcceptance.total).toBe(list.legalStages[0].count);
    const bad = await clerk.get('/api/tasks?legalStage=triage');
    expect(bad).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'legalStage' }] } } });
  });

  it('claims it: it is the holder’s, shown as such, and gone from the colleague’s list and counts', async () => {
    const countBefore = (await todo(colleague)).counts.find((row) => row.stage === 'preAcceptance')!.count;
    const claimed = await clerk.post(`/api/tasks/${taskId}/claim`);
    expect(claimed).toMatchObject({ status: 200, body: { id: taskId, caseId, assigneeId: ids.clerk, claimedAt: expect.any(String) } });
    expect((await clerk.post(`/api/tasks/${taskId}/claim`)).status).toBe(200); // claiming again changes nothing

    const mine = await todo(clerk, '&mine=true');
    expect(mine.items).toEqual([expect.objectContaining({ taskId, claimedBy: { id: ids.clerk, name: '窗口受理员 刘敏' } })]);
    expect(await listed(colleague)).toBe(false);
    expect((await todo(colleague)).counts.find((row) => row.stage === 'preAcceptance')?.count ?? 0).toBe(countBefore - 1);
    expect(await openTaskOf(caseId)).toMatchObject({ assigneeId: ids.clerk });
  });

  it('keeps the colleague from acting on, claiming or releasing a claimed task', async () => {
    const acted = await colleague.post(`/api/cases/${caseId}/actions/preAccept`, {});
    expect(acted).toMatchObject({ status: 409, body: { code: 'TASK_CLAIMED', details: { assigneeId: ids.clerk } } });
    expect((await colleague.post(`/api/tasks/${taskId}/claim`)).body.code).toBe('TASK_CLAIMED');
    expect((await colleague.post(`/api/tasks/${taskId}/release`)).body.code).toBe('NOT_THE_HOLDER');
    expect((await colleague.post(`/api/tasks/${taskId}/reassign`, { assigneeId: ids.colleague, reason: '我来办' })).body.code).toBe('TASK_CLAIMED');
  });

  it('passes it only to a colleague who may hold it, with a reason, field by field', async () => {
    const toReviewer = await clerk.post(`/api/tasks/${taskId}/reassign`, { assigneeId: ids.reviewer, reason: '请审查员处理' });
    expect(toReviewer).toMatchObject({ status: 422, body: { code: 'ASSIGNEE_NOT_ELIGIBLE', details: { fields: [{ field: 'assigneeId' }] } } });
    const toApplicant = await clerk.post(`/api/tasks/${taskId}/reassign`, { assigneeId: ids.applicant, reason: '请申请人处理' });
    expect(toApplicant).toMatchObject({ status: 422, body: { code: 'ASSIGNEE_NOT_FOUND' } });
    const malformed = await clerk.post(`/api/tasks/${taskId}/reassign`, { assigneeId: 'x', reason: '' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(['assigneeId', 'reason']);
    expect(await openTaskOf(caseId)).toMatchObject({ assigneeId: ids.clerk });
  });

  it('lists the colleagues it may be passed to: in use, with its role, serving its department, the asker aside', async () => {
    const listed = await clerk.get(`/api/tasks/${taskId}/colleagues`);
    expect(listed.status).toBe(200);
    const colleagueIds = listed.body.map((found: { id: string }) => found.id);
    expect(listed.body).toContainEqual({ id: ids.colleague, name: expect.any(String), username: expect.any(String), holdsTask: false });
    expect(colleagueIds).not.toContain(ids.clerk);
    expect(colleagueIds).not.toContain(ids.reviewer);
    expect(colleagueIds).not.toContain(ids.applicant);
    // Only someone who may pass it on asks: the task is the clerk's.
    expect((await colleague.get(`/api/tasks/${taskId}/colleagues`)).body.code).toBe('TASK_CLAIMED');
  });

  it('passes it on with the reason: the colleague is notified, holds it and completes it; the done lists say who did', async () => {
    const passed = await clerk.post(`/api/tasks/${taskId}/reassign`, { assigneeId: ids.colleague, reason: '本人外出，转同科室办理' });
    expect(passed).toMatchObject({ status: 200, body: { assigneeId: ids.colleague } });
    const inbox = (await colleague.get('/api/notifications')).body as { title: string; body: string }[];
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ body: expect.stringContaining('本人外出，转同科室办理') })]));
    expect((await clerk.post(`/api/cases/${caseId}/actions/preAccept`, {})).body.code).toBe('TASK_CLAIMED');

    expect((await colleague.post(`/api/cases/${caseId}/actions/preAccept`, { comment: '材料齐全' })).status).toBe(200);
    const done = (await colleague.get('/api/tasks/done')).body;
    expect(done.items[0]).toMatchObject({ taskId, caseId, action: 'preAccept', actionName: { zh: '预受理通过' }, closedAt: expect.any(String) });
    expect(done.total).toBeGreaterThanOrEqual(1);
    expect((await clerk.get('/api/tasks/done')).body.items.map((item: { taskId: string }) => item.taskId)).not.toContain(taskId);
    expect((await colleague.post(`/api/tasks/${taskId}/claim`)).body.code).toBe('TASK_CLOSED');
    // Who held which task is on the audit trail, not on the case's timeline of steps.
    expect((await timelineOf(clerk, caseId)).map((entry) => entry.action)).toEqual(['create', 'submit', 'preAccept']);
  });

  it('releases a claimed task back to every clerk', async () => {
    const next = (await openTaskOf(caseId)).id;
    expect((await colleague.post(`/api/tasks/${next}/claim`)).status).toBe(200);
    expect((await todo(clerk)).items.some((item) => item.taskId === next)).toBe(false);
    const released = await colleague.post(`/api/tasks/${next}/release`);
    expect(released).toMatchObject({ status: 200, body: { assigneeId: null, claimedAt: null } });
    expect((await todo(clerk)).items.some((item) => item.taskId === next)).toBe(true);
    expect((await clerk.post(`/api/cases/${caseId}/actions/accept`, {})).status).toBe(200);
  });

  it('refuses a task of another role, an applicant, an unknown task and a malformed id', async () => {
    const other = await fileSubmittedCase(deployment, applicant);
    const task = (await openTaskOf(other)).id;
    expect((await reviewer.post(`/api/tasks/${task}/claim`)).body.code).toBe('ROLE_NOT_ALLOWED');
    expect((await applicant.post(`/api/tasks/${task}/claim`)).status).toBe(403);
    expect((await clerk.post(`/api/tasks/${randomUUID()}/claim`)).body.code).toBe('TASK_NOT_FOUND');
    expect((await clerk.post('/api/tasks/not-a-uuid/claim')).body.details.fields).toEqual([expect.objectContaining({ field: 'taskId' })]);
    expect((await clerk.get('/api/tasks?mine=maybe')).status).toBe(400);
  });
});
