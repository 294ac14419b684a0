import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { api } from '../support/http.js';
import {
  basicInformation, deploy, type Client, type Deployment, grasslandMatter, loginAs, MODES, newApplicant, uploadSmallMaterial, waitForStage, handOverDetails,
} from '../support/tongban.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// The README's walk-through, over HTTP against real processes, in each run mode.
describe.each(MODES)('one case filed online and granted, end to end (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let window: Client;
  let reviewer: Client;
  let decider: Client;
  let matter: any;
  let caseId: string;

  beforeAll(async () => {
    deployment = await deploy(mode);
    [window, reviewer, decider] = await Promise.all(['window1', 'reviewer1', 'decider1'].map((name) => loginAs(deployment, name)));
  });
  afterAll(() => deployment?.stop());

  it('reports database, queue and storage on /health', async () => {
    const health = await api(deployment.baseUrl).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'up',
      mode,
      database: { status: 'up' },
      queue: { status: 'up', kind: mode === 'server' ? 'bullmq' : 'in-process' },
      storage: { status: 'up', kind: mode === 'server' ? 's3' : 'local-disk' },
    });
  });

  it('serves the OpenAPI documentation', async () => {
    const docs = await api(deployment.baseUrl).get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{caseId}/actions/{action}']));
  });

  it('1. registers an applicant who then logs in', async () => {
    ({ client: applicant } = await newApplicant(deployment));
    const me = await applicant.get('/api/identity/me');
    expect(me.body.roles).toEqual(['applicant']);
  });

  it('refuses a registration with a weak password and an unknown field, naming each field', async () => {
    const response = await api(deployment.baseUrl).post('/api/identity/register', { username: 'x y', displayName: '李四', password: 'short', admin: true });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['admin', 'password', 'username']);
    expect(response.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  it('2. lists matters and reads a service guide with its required materials', async () => {
    const list = await api(deployment.baseUrl).get('/api/matters');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { name: string }) => m.name)).toContain('临时占用草原审核');
    matter = await grasslandMatter(deployment);
    expect(matter.legalBasis).toContain('草原法');
    expect(matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired)).toHaveLength(4);
  });

  it('3. creates a draft with the basic information; the same organisation and project again is 409', async () => {
    const info = basicInformation(matter.id);
    const draft = await applicant.post('/api/cases', info);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ stage: 'application', status: 'open', basicInformation: { projectName: info.projectName } });
    expect(draft.body.caseNumber).toMatch(/^LCJ-\d{8}-\d{6}$/);
    caseId = draft.body.id;

    const again = await applicant.post('/api/cases', { ...info, projectName: `  ${info.projectName} ` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_DUPLICATE');
    expect(again.body.message.zh).toContain(info.projectName);
  });

  it('refuses a draft whose phone numbers are malformed', async () => {
    const response = await applicant.post('/api/cases', { ...basicInformation(matter.id), handlerPhone: '12345' });
    expect(response.status).toBe(400);
    expect(response.body.details.fields).toEqual([{ field: 'handlerPhone', problems: [expect.stringContaining('mobile number')] }]);
  });

  it('5a. refuses to submit while required materials are missing, listing each by name', async () => {
    const first = matter.requiredMaterials[0];
    expect((await uploadSmallMaterial(deployment, applicant, caseId, first.id)).status).toBe(201);
    const response = await applicant.post(`/api/cases/${caseId}/actions/submit`, {});
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('MATERIALS_MISSING');
    expect(response.body.details.missing.map((m: { name: string }) => m.name)).toEqual(['草原权属证明材料', '临时占用草原补偿协议', '草原植被恢复方案']);
  });

  it('4. uploads a file for each required material; the sha256 is stored and shown', async () => {
    const content = Buffer.from('%PDF-1.7\n草原植被恢复方案 — 第一版');
    for (const item of matter.requiredMaterials.slice(1).filter((m: { isRequired: boolean }) => m.isRequired)) {
      const upload = await uploadSmallMaterial(deployment, applicant, caseId, item.id, content, '方案.pdf');
      expect(upload.status).toBe(201);
      expect(upload.body).toMatchObject({ sha256: sha256(content), sizeBytes: content.length, requiredMaterialId: item.id });
    }
    const listed = await applicant.get(`/api/cases/${caseId}/materials`);
    expect(listed.body).toHaveLength(4);
    expect(listed.body[3].sha256).toBe(sha256(content));
    expect(listed.body[3].fileName).toBe('方案.pdf');

    const download = await fetch(`${deployment.baseUrl}/api/cases/${caseId}/materials/${listed.body[3].id}/content`, {
      headers: { authorization: `Bearer ${applicant.token}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('5b. submits; the case waits for pre-acceptance', async () => {
    const response = await applicant.post(`/api/cases/${caseId}/actions/submit`, { comment: '请审核' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ result: 'done', case: { stage: 'preAcceptance', status: 'open' } });
  });

  it('refuses uploads once the case has left the applicant', async () => {
    const upload = await uploadSmallMaterial(deployment, applicant, caseId, matter.requiredMaterials[0].id);
    expect(upload.status).toBe(409);
    expect(upload.body.code).toBe('NOT_ACCEPTING_MATERIALS');
  });

  it('6a. shows the case in the window staff to-do list, counted per stage, and not in the reviewer\'s', async () => {
    const todo = await window.get('/api/tasks?stage=preAcceptance&limit=200');
    expect(todo.status).toBe(200);
    expect(todo.body.counts).toEqual(expect.arrayContaining([expect.objectContaining({ stage: 'preAcceptance', count: expect.any(Number) })]));
    expect(todo.body.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    const reviewerTodo = await reviewer.get('/api/tasks');
    expect(reviewerTodo.body.items.map((item: { caseId: string }) => item.caseId)).not.toContain(caseId);
  });

  it('refuses an action of another role with 403 and an action of another stage with 409 and the current stage', async () => {
    const wrongRole = await reviewer.post(`/api/cases/${caseId}/actions/preAccept`, {});
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('ROLE_NOT_ALLOWED');
    const wrongStage = await window.post(`/api/cases/${caseId}/actions/accept`, {});
    expect(wrongStage.status).toBe(409);
    expect(wrongStage.body.details).toMatchObject({ stage: 'preAcceptance', availableActions: ['preAccept', 'refuse', 'requestSupplement'] });
  });

  it('6b. pre-accepts once for a repeated command id, then accepts', async () => {
    const command = { commandId: `pre-accept-${caseId}`, comment: '材料齐全，符合法定形式' };
    const first = await window.post(`/api/cases/${caseId}/actions/preAccept`, command);
    const repeated = await window.post(`/api/cases/${caseId}/actions/preAccept`, command);
    expect(first.status).toBe(200);
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(first.body);
    expect(first.body.case.stage).toBe('acceptance');

    const accepted = await window.post(`/api/cases/${caseId}/actions/accept`, { comment: '予以受理' });
    expect(accepted.body.case).toMatchObject({ stage: 'review', version: first.body.case.version + 1 });
    const command2 = await window.get(`/api/commands/${first.body.commandId}`);
    expect(command2.body).toEqual(first.body);
  });

  it('7. the reviewer approves, the decider grants, the licence is issued and the window delivers: the case is completed', async () => {
    const todo = await reviewer.get('/api/tasks?stage=review&limit=200');
    expect(todo.body.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
    const approved = await reviewer.post(`/api/cases/${caseId}/actions/approve`, { comment: '符合法定条件，建议准予许可' });
    expect(approved.status).toBe(200);
    expect(approved.body.case).toMatchObject({ stage: 'decision', status: 'open' });

    const granted = await decider.post(`/api/cases/${caseId}/actions/grant`, { comment: '准予许可' });
    expect(granted.status).toBe(200);
    // The licence is issued by a service task, in the background, after the answer.
    expect(granted.body.case.stage).toBe('issueLicence');
    await waitForStage(window, caseId, 'delivery');
    const licence = await applicant.get(`/api/cases/${caseId}/licence`);
    expect(licence.body).toMatchObject({ caseId, holder: '呼和浩特市某某牧业有限公司', licenceNumber: expect.stringMatching(/^ZZ-LCJ-/) });

    const pickedUp = await window.post(`/api/cases/${caseId}/actions/pickUp`, { comment: '申请人已现场领取', ...handOverDetails('pickUp') });
    expect(pickedUp.body.case).toMatchObject({ stage: 'completedGranted', status: 'closed' });
    const detail = await applicant.get(`/api/cases/${caseId}`);
    expect(detail.body).toMatchObject({ status: 'closed', openTasks: [], serviceTasks: [] });
    expect(detail.body.closedAt).toEqual(expect.any(String));
  });

  it('8. reads the timeline: every stage, who acted, when, with what comment', async () => {
    const timeline = await applicant.get(`/api/cases/${caseId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((e: any) => [e.action, e.actor.role, e.from?.stage ?? null, e.to.stage, e.comment])).toEqual([
      ['create', 'applicant', null, 'application', null],
      ['submit', 'applicant', 'application', 'preAcceptance', '请审核'],
      ['preAccept', 'window_staff', 'preAcceptance', 'acceptance', '材料齐全，符合法定形式'],
      ['accept', 'window_staff', 'acceptance', 'review', '予以受理'],
      ['approve', 'reviewer', 'review', 'decision', '符合法定条件，建议准予许可'],
      ['grant', 'decider', 'decision', 'issueLicence', '准予许可'],
      ['service.issueLicence', 'system', 'issueLicence', 'delivery', null],
      ['pickUp', 'window_staff', 'delivery', 'completedGranted', '申请人已现场领取'],
    ]);
    expect(timeline.body[2].actor.name).toBe('窗口受理员 刘敏');
    const times = timeline.body.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('hides the case from another applicant', async () => {
    const { client: stranger } = await newApplicant(deployment);
    expect((await stranger.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await stranger.get(`/api/cases/${caseId}/timeline`)).status).toBe(404);
  });

  it('answers malformed JSON with 400 and an oversized JSON body with 413, in the error shape', async () => {
    const post = (body: string) =>
      fetch(`${deployment.baseUrl}/api/identity/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"username": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ statusCode: 400, code: expect.any(String), message: { zh: expect.any(String) } });
    const oversized = await post(JSON.stringify({ username: 'x'.repeat(200_000), password: 'y' }));
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 401 without a token and 400 for a malformed case id', async () => {
    expect((await api(deployment.baseUrl).get('/api/cases')).status).toBe(401);
    const bad = await applicant.get('/api/cases/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('caseId');
  });
});
