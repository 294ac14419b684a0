import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import { creditCode, organisationBody, personBody, residentId } from '../support/identities.js';
import { pdfText } from '../support/pdf.js';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.js';
import { newStaff } from '../support/staff.js';
import {
  basicInformation, type Client, deploy, type Deployment, download, fileSubmittedCase, grasslandMatter, loginAs, MODES, newApplicant, timelineOf,
  uploadSmallMaterial, waitForStage,
} from '../support/tongban.js';

/*
 * 窗口受理 over HTTP, in each run mode: window staff file at the counter for an applicant who may have no
 * account, upload the scans, tick the paper received item by item and submit; the case then runs like an online
 * one, the window answering for the applicant (supplements included), and the receipt lists the paper. Only
 * window staff of the matter's department may file, and only that window acts for the applicant.
 */

const fieldsOf = (body: any): string[] => body.details.fields.map((f: { field: string }) => f.field).sort();

describe.each(MODES)('walk-in applications (%s mode)', (mode) => {
  let deployment: Deployment;
  let sms: TestSmsGateway;
  let window1: Client; // LCJ, ZRZY, SCJG
  let window2: Client; // the same departments
  let otherWindow: Client; // HJ only
  let reviewer: Client;
  let stranger: Client;
  let matter: { id: string; requiredMaterials: { id: string; name: string; isRequired: boolean }[] };
  let required: { id: string; name: string }[];

  const walkIn = (client: Client, overrides: Record<string, unknown> = {}) =>
    client.post('/api/walk-in-cases', { ...basicInformation(matter.id), applicantKind: 'person', idType: 'resident_id', idNumber: residentId(), ...overrides });

  /** A walk-in case of the grassland matter, scans uploaded and paper ticked by window1, submitted: at pre-acceptance. */
  async function submittedWalkIn(overrides: Record<string, unknown> = {}): Promise<string> {
    const draft = await walkIn(window1, overrides);
    expect(draft.status).toBe(201);
    for (const item of required) {
      expect((await uploadSmallMaterial(deployment, window1, draft.body.id, item.id)).status).toBe(201);
      expect((await window1.put(`/api/cases/${draft.body.id}/paper-materials/${item.id}`, { originals: 1, photocopies: 2 })).status).toBe(200);
    }
    expect((await window1.post(`/api/cases/${draft.body.id}/actions/submit`, {})).status).toBe(200);
    return draft.body.id;
  }

  beforeAll(async () => {
    sms = await startSmsGateway();
    deployment = await deploy(mode, { extraEnv: { TONGBAN_NOTIFY_WEBHOOK_URL: sms.url } });
    [window1, window2, reviewer] = await Promise.all(['window1', 'window2', 'reviewer1'].map((name) => loginAs(deployment, name)));
    otherWindow = (await newStaff(deployment, await loginAs(deployment, 'admin1'), ['window_staff'], ['HJ'])).client;
    ({ client: stranger } = await newApplicant(deployment));
    matter = await grasslandMatter(deployment);
    required = matter.requiredMaterials.filter((item) => item.isRequired);
  });
  afterAll(async () => {
    await deployment?.stop();
    await sms?.close();
  });

  describe('filing at the window', () => {
    it('files a draft for an applicant without an account: the window’s, marked as walk-in', async () => {
      const idNumber = residentId();
      const draft = await walkIn(window1, { idNumber });
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({
        stage: 'application', channel: 'window', applicantId: null,
        walkIn: { filedBy: expect.any(String), department: 'LCJ', applicantDocument: `resident_id:${idNumber}` },
      });
      expect(draft.body.caseNumber).toMatch(/^LCJ-\d{8}-\d{6}$/);
      // Listed as the window's filings, to every clerk of that window; the timeline names the clerk as window staff.
      for (const client of [window1, window2]) expect((await client.get('/api/cases?state=draft')).body.map((c: { id: string }) => c.id)).toContain(draft.body.id);
      expect((await timelineOf(window1, draft.body.id))[0]).toMatchObject({ action: 'create', actor: { role: 'window_staff' } });
    });

    it('refuses a bad applicant identity field by field', async () => {
      expect(fieldsOf((await walkIn(window1, { idNumber: '110101199001011234' })).body)).toEqual(['idNumber']);
      expect(fieldsOf((await walkIn(window1, { idType: undefined, idNumber: undefined })).body)).toEqual(['idNumber', 'idType']);
      expect(fieldsOf((await walkIn(window1, { applicantKind: 'organisation', creditCode: '91150100ABCDEFGHI0' })).body)).toEqual(['creditCode']);
      const neither = await walkIn(window1, { applicantKind: 'robot', projectName: '' });
      expect(neither.status).toBe(400);
      expect(fieldsOf(neither.body)).toEqual(['applicantKind', 'projectName']);
    });

    it('is for window staff of the matter’s department only', async () => {
      const byApplicant = await walkIn(stranger);
      expect(byApplicant).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
      expect((await walkIn(reviewer)).body.code).toBe('ROLE_NOT_ALLOWED');
      expect(await walkIn(otherWindow)).toMatchObject({ status: 403, body: { code: 'DEPARTMENT_NOT_ALLOWED', details: { requiredDepartment: 'LCJ' } } });
    });

    it('links the case to the applicant’s account when they have one, by ID number or credit code', async () => {
      const person = personBody();
      expect((await api(deployment.baseUrl).post('/api/identity/register', person)).status).toBe(201);
      const personClient = await loginAs(deployment, person.username, person.password);
      const forPerson = await walkIn(window1, { idNumber: person.idNumber });
      expect(forPerson.body.applicantId).toBe((await personClient.get('/api/identity/me')).body.id);
      expect((await personClient.get('/api/cases')).body.map((c: { id: string }) => c.id)).toContain(forPerson.body.id);

      const organisation = organisationBody();
      expect((await api(deployment.baseUrl).post('/api/identity/register', organisation)).status).toBe(201);
      const organisationClient = await loginAs(deployment, organisation.username, organisation.password);
      const forOrganisation = await walkIn(window1, { applicantKind: 'organisation', creditCode: organisation.creditCode, idType: undefined, idNumber: undefined });
      expect(forOrganisation.status).toBe(201);
      expect((await organisationClient.get(`/api/cases/${forOrganisation.body.id}`)).status).toBe(200);
      // An unknown credit code files all the same, for no account.
      const unknown = await walkIn(window1, { applicantKind: 'organisation', creditCode: creditCode() });
      expect(unknown.body).toMatchObject({ applicantId: null, walkIn: { applicantDocument: expect.stringMatching(/^credit_code:/) } });
    });
  });

  describe('materials at the counter', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = (await walkIn(window1)).body.id;
    });

    it('ticks the paper received item by item, shown on the checklist; any clerk of the window may', async () => {
      const ticked = await window2.put(`/api/cases/${caseId}/paper-materials/${required[0].id}`, { originals: 1, photocopies: 0 });
      expect(ticked).toMatchObject({ status: 200, body: { originals: 1, photocopies: 0, receivedBy: { name: expect.any(String) } } });
      const again = await window1.put(`/api/cases/${caseId}/paper-materials/${required[0].id}`, { originals: 1, photocopies: 3 });
      expect(again.body.photocopies).toBe(3);
      const checklist = (await window1.get(`/api/cases/${caseId}/material-checklist`)).body;
      expect(checklist.items.find((item: { id: string }) => item.id === required[0].id).paperReceived).toMatchObject({ originals: 1, photocopies: 3 });
      expect(checklist.items.find((item: { id: string }) => item.id === required[1].id).paperReceived).toBeNull();
    });

    it('refuses bad counts, foreign items, other windows and strangers', async () => {
      const path = `/api/cases/${caseId}/paper-materials/${required[1].id}`;
      expect(fieldsOf((await window1.put(path, { originals: -1, photocopies: 'two' })).body)).toEqual(['originals', 'photocopies']);
      expect((await window1.put(path, { originals: 0, photocopies: 0 })).status).toBe(400);
      const foreign = await window1.put(`/api/cases/${caseId}/paper-materials/00000000-0000-4000-8000-000000000000`, { originals: 1, photocopies: 0 });
      expect(foreign).toMatchObject({ status: 404, body: { code: 'MATERIAL_ITEM_NOT_FOUND' } });
      expect((await otherWindow.put(path, { originals: 1, photocopies: 0 })).status).toBe(404);
      expect((await stranger.put(path, { originals: 1, photocopies: 0 })).status).toBe(404);
      // A reviewer of the department sees the case but is not its window.
      expect(await reviewer.put(path, { originals: 1, photocopies: 0 })).toMatchObject({ status: 403, body: { code: 'NOT_THE_FILING_WINDOW' } });
      expect(await reviewer.post(`/api/cases/${caseId}/actions/submit`, {})).toMatchObject({ status: 403, body: { code: 'NOT_THE_APPLICANT' } });
    });

    it('undoes a tick before submission only', async () => {
      const path = `/api/cases/${caseId}/paper-materials/${required[1].id}`;
      expect((await window1.put(path, { originals: 1, photocopies: 0 })).status).toBe(200);
      expect((await window1.delete(path)).status).toBe(204);
      const checklist = (await window1.get(`/api/cases/${caseId}/material-checklist`)).body;
      expect(checklist.items.find((item: { id: string }) => item.id === required[1].id).paperReceived).toBeNull();
    });

    it('has no paper on an online case', async () => {
      const online = await fileSubmittedCase(deployment, stranger);
      const answer = await window1.put(`/api/cases/${online}/paper-materials/${required[0].id}`, { originals: 1, photocopies: 0 });
      expect(answer).toMatchObject({ status: 409, body: { code: 'NOT_A_WALK_IN_CASE' } });
    });
  });

  describe('once submitted, it runs like an online case', () => {
    let caseId: string;

    beforeAll(async () => {
      caseId = await submittedWalkIn();
    });

    it('waits for pre-acceptance in the window’s to-do list; the submission is the window’s on the timeline', async () => {
      const todo = (await window2.get('/api/tasks?legalStage=preAcceptance&limit=200')).body;
      expect(todo.items.map((item: { caseId: string }) => item.caseId)).toContain(caseId);
      expect((await timelineOf(window1, caseId)).map((entry) => [entry.action, entry.actor.role])).toEqual([['create', 'window_staff'], ['submit', 'window_staff']]);
      expect((await window1.delete(`/api/cases/${caseId}/paper-materials/${required[0].id}`))).toMatchObject({ status: 409, body: { code: 'CASE_SUBMITTED' } });
    });

    it('prints the paper received on the receipt, filed at the window', async () => {
      const receipt = await download(deployment, window1, `/api/cases/${caseId}/receipt`);
      expect(receipt.status).toBe(200);
      const text = (await pdfText(receipt.body)).replace(/\n/g, '');
      expect(text).toContain('在窗口提交');
      expect(text).toContain('收取的纸质材料');
      for (const item of required) expect(text).toContain(item.name);
    });

    it('takes supplements from the window and tells the applicant by phone', async () => {
      const notice = { supplementItems: [{ requiredMaterialId: required[0].id, problem: '缺少签章页' }], comment: '请补正' };
      expect((await window2.post(`/api/cases/${caseId}/actions/requestSupplement`, notice)).status).toBe(200);
      await waitForStage(window2, caseId, 'supplementation'); // after the platform sends the notice
      expect((await uploadSmallMaterial(deployment, window2, caseId, required[0].id)).status).toBe(201);
      expect((await window2.put(`/api/cases/${caseId}/paper-materials/${required[0].id}`, { originals: 2, photocopies: 0 })).status).toBe(200);
      expect((await window2.post(`/api/cases/${caseId}/actions/supplement`, {})).status).toBe(200);
      // The acceptance of supplements (补交受理) is its own stage of the to-do list.
      const todo = (await window1.get('/api/tasks?legalStage=supplementAcceptance&limit=200')).body;
      expect(todo.items.find((item: { caseId: string }) => item.caseId === caseId)).toMatchObject({ legalStage: 'supplementAcceptance', stage: 'supplementAcceptance' });
      // No inbox without an account: the stage changes reach the handler's phone given at the counter.
      const { caseNumber } = (await window1.get(`/api/cases/${caseId}`)).body;
      const told = await eventually(() => sms.received.filter((m) => m.title.startsWith(caseNumber)), (found) => found.some((m) => m.title.includes('补正')));
      expect(told.find((m) => m.title.includes('补正'))).toMatchObject({ userId: null, phone: '13800000000' });
    });

    it('is the window’s to act on for the applicant, not another window’s', async () => {
      expect((await otherWindow.get(`/api/cases/${caseId}`)).status).toBe(404);
      expect((await otherWindow.get('/api/cases')).body.map((c: { id: string }) => c.id)).not.toContain(caseId);
      expect(await otherWindow.post(`/api/cases/${caseId}/withdrawal`, { reason: '申请人撤回' })).toMatchObject({ status: 404 });
    });
  });
});
