import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { api } from '../support/http.js';
import { memberBody, organisationBody, PASSWORD } from '../support/identities.js';
import { pdfText } from '../support/pdf.js';
import {
  basicInformation, type Client, clientOf, deploy, type Deployment, fileSubmittedCase, grasslandMatter, loginAs, MODES, newApplicant,
  sendFile, smallPdf, timelineOf, uploadSmallMaterial, waitForStage,
} from '../support/tongban.js';

/*
 * The applicant's filing over HTTP, in each run mode: several files per item up to the guide's limit, extra
 * materials, files checked by their content, replaced and deleted until submitted and frozen after; a one-time
 * supplementation notice item by item, answered with new versions that never overwrite; withdrawal before a
 * decision; a new application from a refused one; an organisation's cases shared by its members; and every
 * case endpoint tried by the wrong applicant.
 */

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const WINDOWS_PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);

interface Item {
  id: string;
  name: string;
  isRequired: boolean;
  maxFiles: number;
  acceptedFormats: string[];
}

describe.each(MODES)('filing and supplementation (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let stranger: Client;
  let window: Client;
  let reviewer: Client;
  let decider: Client;
  let matter: { id: string; requiredMaterials: Item[] };
  let items: Item[];

  const newDraft = async (client = applicant) => {
    const draft = await client.post('/api/cases', basicInformation(matter.id));
    expect(draft.status).toBe(201);
    return draft.body.id as string;
  };
  const upload = (caseId: string, item: Item, options: Parameters<typeof sendFile>[3] = {}, client = applicant) =>
    sendFile(deployment, client, `/api/cases/${caseId}/materials/${item.id}`, options);
  const materialsOf = async (caseId: string, client = applicant) => {
    const listed = await client.get(`/api/cases/${caseId}/materials`);
    expect(listed.status).toBe(200);
    return listed.body as { id: string; requiredMaterialId: string | null; title: string | null; sha256: string; round: number | null; fileName: string }[];
  };
  const contentOf = async (caseId: string, materialId: string, client = applicant) => {
    const response = await fetch(`${deployment.baseUrl}/api/cases/${caseId}/materials/${materialId}/content`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const act = async (client: Client, caseId: string, action: string, body: object = {}) => {
    const response = await client.post(`/api/cases/${caseId}/actions/${action}`, body);
    expect({ action, status: response.status, body: response.body }).toMatchObject({ action, status: 200 });
    return response.body;
  };
  const fillRequired = async (caseId: string, client = applicant) => {
    for (const item of items.filter((candidate) => candidate.isRequired)) expect((await uploadSmallMaterial(deployment, client, caseId, item.id)).status).toBe(201);
  };

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    ({ client: stranger } = await newApplicant(deployment));
    [window, reviewer, decider] = await Promise.all(['window1', 'reviewer1', 'decider1'].map((name) => loginAs(deployment, name)));
    matter = await grasslandMatter(deployment);
    items = matter.requiredMaterials;
  });
  afterAll(() => deployment?.stop());

  describe('files per item', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await newDraft();
    });

    it('shows in the guide which formats and how many files each item takes', () => {
      expect(items.map(({ name, maxFiles }) => [name, maxFiles])).toEqual(expect.arrayContaining([['临时占用草原申请书', 1], ['草原权属证明材料', 5]]));
      expect(items[0].acceptedFormats).toEqual(expect.arrayContaining(['pdf', 'jpg', 'png']));
    });

    it('takes several files for an item up to its limit and refuses one more with 409, naming the limit', async () => {
      const deeds = items[1];
      for (let n = 0; n < deeds.maxFiles; n++) expect((await upload(caseId, deeds, { fileName: `权属证明-${n + 1}.pdf` })).status).toBe(201);
      const sixth = await upload(caseId, deeds);
      expect(sixth.status).toBe(409);
      expect(sixth.body).toMatchObject({ code: 'TOO_MANY_FILES', details: { maxFiles: 5 } });
      expect(sixth.body.message.zh).toContain('草原权属证明材料');
      expect((await materialsOf(caseId)).filter((file) => file.requiredMaterialId === deeds.id)).toHaveLength(5);

      expect((await upload(caseId, items[0])).status).toBe(201);
      expect((await upload(caseId, items[0])).body.code).toBe('TOO_MANY_FILES');
    });

    it('checks files by their content: a renamed program, a PNG named .pdf and a format the item does not take are refused, and nothing is kept', async () => {
      const before = await materialsOf(caseId);
      const program = await upload(caseId, items[2], { content: WINDOWS_PROGRAM, fileName: '补偿协议.pdf' });
      expect(program).toMatchObject({ status: 415, body: { code: 'FILE_CONTENT_MISMATCH', details: { detected: expect.stringContaining('PE') } } });
      expect(program.body.message.zh).toContain('可执行程序');
      expect((await upload(caseId, items[2], { content: PNG, fileName: '补偿协议.pdf' })).body.code).toBe('FILE_CONTENT_MISMATCH');
      const docx = await upload(caseId, items[2], { fileName: '补偿协议.docx' });
      expect(docx).toMatchObject({ status: 415, body: { code: 'FILE_FORMAT_NOT_ACCEPTED', details: { acceptedFormats: items[2].acceptedFormats } } });
      expect((await upload(caseId, items[2], { fileName: 'setup.exe', content: WINDOWS_PROGRAM })).body.code).toBe('FILE_FORMAT_NOT_ACCEPTED');
      expect(await materialsOf(caseId)).toEqual(before);
    });

    it('takes an image where the item accepts one, with the content type it really has', async () => {
      const image = await upload(caseId, items[2], { content: PNG, fileName: '补偿协议-扫描.PNG' });
      expect(image).toMatchObject({ status: 201, body: { contentType: 'image/png', fileName: '补偿协议-扫描.PNG', round: null } });
    });

    it('sanitises file names: no path, no control or reserved characters, no disguising direction marks', async () => {
      const named = await upload(caseId, items[3], { fileName: '..\\..\\方案<终稿>\u202Efdp.exe.pdf' });
      expect(named.status).toBe(201);
      expect(named.body.fileName).toBe('方案终稿fdp.exe.pdf');
      const download = await fetch(`${deployment.baseUrl}/api/cases/${caseId}/materials/${named.body.id}/content`, { headers: { authorization: `Bearer ${applicant.token}` } });
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('方案终稿fdp.exe.pdf')}`);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('takes extra materials beyond the list with a title, and refuses one without a title, keeping nothing', async () => {
      const extra = await sendFile(deployment, applicant, `/api/cases/${caseId}/extra-materials`, { fields: { title: '项目区位图' }, fileName: '区位图.jpg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]) });
      expect(extra).toMatchObject({ status: 201, body: { requiredMaterialId: null, title: '项目区位图', contentType: 'image/jpeg' } });
      const before = await materialsOf(caseId);
      const untitled = await sendFile(deployment, applicant, `/api/cases/${caseId}/extra-materials`, {});
      expect(untitled).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'title' }] } } });
      expect(await materialsOf(caseId)).toEqual(before);
    });

    it('replaces a file before submission: same file record, new content, the old content gone', async () => {
      const [first] = (await materialsOf(caseId)).filter((file) => file.requiredMaterialId === items[0].id);
      const content = smallPdf();
      const replaced = await sendFile(deployment, applicant, `/api/cases/${caseId}/materials/${first.id}/content`, { method: 'PUT', content, fileName: '申请书-修订.pdf' });
      expect(replaced).toMatchObject({ status: 200, body: { id: first.id, sha256: sha256(content), fileName: '申请书-修订.pdf' } });
      expect(sha256(await contentOf(caseId, first.id))).toBe(sha256(content));
      const refused = await sendFile(deployment, applicant, `/api/cases/${caseId}/materials/${first.id}/content`, { method: 'PUT', content: WINDOWS_PROGRAM, fileName: '申请书.pdf' });
      expect(refused.status).toBe(415);
      expect(sha256(await contentOf(caseId, first.id))).toBe(sha256(content));
    });

    it('deletes a file before submission', async () => {
      const deeds = (await materialsOf(caseId)).filter((file) => file.requiredMaterialId === items[1].id);
      expect((await applicant.delete(`/api/cases/${caseId}/materials/${deeds[4].id}`)).status).toBe(204);
      expect((await materialsOf(caseId)).map((file) => file.id)).not.toContain(deeds[4].id);
      expect((await applicant.get(`/api/cases/${caseId}/materials/${deeds[4].id}/content`)).status).toBe(404);
      expect((await upload(caseId, items[1])).status).toBe(201); // room again for a fifth
    });

    it('freezes what was submitted: round 1, neither replaced nor deleted, and no uploads while staff hold the case', async () => {
      await act(applicant, caseId, 'submit');
      const frozen = await materialsOf(caseId);
      expect(frozen.every((file) => file.round === 1)).toBe(true);
      const replace = await sendFile(deployment, applicant, `/api/cases/${caseId}/materials/${frozen[0].id}/content`, { method: 'PUT' });
      expect(replace.status).toBe(409);
      expect(['NOT_ACCEPTING_MATERIALS', 'MATERIAL_SUBMITTED']).toContain(replace.body.code);
      const removed = await applicant.delete(`/api/cases/${caseId}/materials/${frozen[0].id}`);
      expect(removed.status).toBe(409);
      expect((await upload(caseId, items[4])).body.code).toBe('NOT_ACCEPTING_MATERIALS');
      expect(await materialsOf(caseId)).toEqual(frozen);
    });
  });

  describe('a one-time supplementation notice, item by item', () => {
    let caseId: string;
    let firstVersion: { id: string; sha256: string };
    const agreement = () => items[2];

    beforeAll(async () => {
      caseId = await fileSubmittedCase(deployment, applicant);
      await act(window, caseId, 'preAccept');
      firstVersion = (await materialsOf(caseId)).find((file) => file.requiredMaterialId === agreement().id)!;
    });

    it('refuses a notice naming an item of another matter, field by field, and the case stays where it was', async () => {
      const response = await window.post(`/api/cases/${caseId}/actions/requestSupplement`, { supplementItems: [{ requiredMaterialId: matter.id, problem: '不是本事项的材料' }] });
      expect(response).toMatchObject({ status: 422, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'supplementItems.0.requiredMaterialId' }] } } });
      expect((await applicant.get(`/api/cases/${caseId}`)).body.stage).toBe('acceptance');
    });

    it('refuses malformed notice items with 400 naming each field', async () => {
      const response = await window.post(`/api/cases/${caseId}/actions/requestSupplement`, { supplementItems: [{ requiredMaterialId: 'nope', problem: '' }] });
      expect(response.status).toBe(400);
      const fields = response.body.details.fields.map((field: { field: string }) => field.field).sort();
      expect(fields).toEqual(['supplementItems.0.problem', 'supplementItems.0.requiredMaterialId']);
    });

    it('shows the applicant the notice item by item', async () => {
      await act(window, caseId, 'requestSupplement', {
        comment: '材料不齐全，请一次性补正',
        supplementItems: [
          { requiredMaterialId: agreement().id, problem: '补偿协议缺少草原使用者签章' },
          { problem: '申请表联系电话无法接通，请在补正时确认' },
        ],
      });
      await waitForStage(applicant, caseId, 'supplementation');
      const checklist = await applicant.get(`/api/cases/${caseId}/material-checklist`);
      expect(checklist.status).toBe(200);
      expect(checklist.body).toMatchObject({
        submissionRound: 1,
        acceptingFiles: true,
        notice: {
          round: 2,
          items: [
            { requiredMaterialId: agreement().id, name: agreement().name, problem: '补偿协议缺少草原使用者签章', supplied: false },
            { requiredMaterialId: null, problem: '申请表联系电话无法接通，请在补正时确认', supplied: null },
          ],
        },
      });
      const item = checklist.body.items.find((entry: { id: string }) => entry.id === agreement().id);
      expect(item).toMatchObject({ pending: [], submitted: [{ round: 1, files: [{ id: firstVersion.id }] }] });
      const notices = await applicant.get(`/api/cases/${caseId}/supplementation-notices`);
      expect(notices.body).toEqual([expect.objectContaining({ round: 2, items: checklist.body.notice.items.map(({ supplied: _, ...rest }: { supplied: unknown }) => rest) })]);
    });

    it('prints every item on the 补正告知书 the applicant downloads', async () => {
      const documents = (await applicant.get(`/api/cases/${caseId}/documents`)).body as { id: string; kind: string }[];
      const notice = documents.find((document) => document.kind === 'supplementation')!;
      const response = await fetch(`${deployment.baseUrl}/api/cases/${caseId}/documents/${notice.id}/content`, { headers: { authorization: `Bearer ${applicant.token}` } });
      const text = (await pdfText(Buffer.from(await response.arrayBuffer()))).replace(/\s+/g, '');
      expect(text).toContain(`1.${agreement().name}：补偿协议缺少草原使用者签章`);
      expect(text).toContain('2.申请材料ApplicationasawholeE：申请表联系电话无法接通'.replace('E', ''));
    });

    it('refuses the resubmission until every item the notice names has a new file, naming what is missing', async () => {
      const early = await applicant.post(`/api/cases/${caseId}/actions/supplement`, {});
      expect(early).toMatchObject({ status: 422, body: { code: 'SUPPLEMENTS_MISSING', details: { missing: [{ id: agreement().id, name: agreement().name }] } } });
      expect(early.body.message.zh).toContain(agreement().name);
    });

    it('keeps the submitted version untouched while the supplement is added as round 2', async () => {
      const frozenReplace = await sendFile(deployment, applicant, `/api/cases/${caseId}/materials/${firstVersion.id}/content`, { method: 'PUT' });
      expect(frozenReplace).toMatchObject({ status: 409, body: { code: 'MATERIAL_SUBMITTED', details: { round: 1 } } });
      expect((await applicant.delete(`/api/cases/${caseId}/materials/${firstVersion.id}`)).body.code).toBe('MATERIAL_SUBMITTED');

      const supplement = smallPdf();
      expect((await upload(caseId, agreement(), { content: supplement, fileName: '补偿协议-签章版.pdf' })).status).toBe(201);
      const checklist = (await applicant.get(`/api/cases/${caseId}/material-checklist`)).body;
      expect(checklist.notice.items[0].supplied).toBe(true);

      await act(applicant, caseId, 'supplement', { comment: '已补交签章完整的补偿协议' });
      const versions = (await materialsOf(caseId)).filter((file) => file.requiredMaterialId === agreement().id);
      expect(versions.map((file) => [file.round, file.sha256])).toEqual([[1, firstVersion.sha256], [2, sha256(supplement)]]);
      expect(sha256(await contentOf(caseId, firstVersion.id, window))).toBe(firstVersion.sha256);
      const supplemented = (await timelineOf(applicant, caseId)).find((entry) => entry.action === 'supplement');
      expect(supplemented?.comment).toBe('已补交签章完整的补偿协议');
    });
  });

  describe('withdrawal (撤回申请)', () => {
    it('takes a submitted application back before the decision: closed as withdrawn, on the timeline with the reason, off the to-do list', async () => {
      const caseId = await fileSubmittedCase(deployment, applicant);
      const withdrawn = await applicant.post(`/api/cases/${caseId}/withdrawal`, { reason: '项目选址调整' });
      expect(withdrawn).toMatchObject({ status: 200, body: { stage: 'withdrawn', status: 'closed' } });
      const detail = (await applicant.get(`/api/cases/${caseId}`)).body;
      expect(detail).toMatchObject({ stage: 'withdrawn', stageName: '已撤回 Withdrawn', openTasks: [] });
      expect(detail.clock.stoppedOn).toEqual(expect.any(String));
      expect((await timelineOf(applicant, caseId)).at(-1)).toMatchObject({ action: 'withdraw', comment: '项目选址调整', to: { stage: 'withdrawn' } });
      const todo = await window.get('/api/tasks');
      expect(JSON.stringify(todo.body)).not.toContain(caseId);
      expect((await applicant.post(`/api/cases/${caseId}/withdrawal`, { reason: '再次撤回' })).body.code).toBe('CANNOT_WITHDRAW');
      expect((await window.post(`/api/cases/${caseId}/actions/preAccept`, {})).body.code).toBe('STAGE_CONFLICT');
    });

    it('refuses to withdraw a draft, a decided case, without a reason, or for someone else', async () => {
      const draft = await newDraft();
      expect((await applicant.post(`/api/cases/${draft}/withdrawal`, { reason: '不办了' })).body.code).toBe('CANNOT_WITHDRAW');

      const caseId = await fileSubmittedCase(deployment, applicant);
      expect((await applicant.post(`/api/cases/${caseId}/withdrawal`, {})).body.details.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect((await stranger.post(`/api/cases/${caseId}/withdrawal`, { reason: '恶意撤回' })).status).toBe(404);
      expect((await window.post(`/api/cases/${caseId}/withdrawal`, { reason: '工作人员代撤' })).status).toBe(403);

      await act(window, caseId, 'preAccept');
      await act(window, caseId, 'accept');
      await act(reviewer, caseId, 'approve');
      await act(decider, caseId, 'grant');
      await waitForStage(applicant, caseId, 'delivery');
      const late = await applicant.post(`/api/cases/${caseId}/withdrawal`, { reason: '已决定后撤回' });
      expect(late).toMatchObject({ status: 409, body: { code: 'ALREADY_DECIDED' } });
    });
  });

  describe('a new application from a refused one', () => {
    it('copies the information and the last-submitted files into a new draft, which can be submitted again', async () => {
      const refusedId = await fileSubmittedCase(deployment, applicant);
      await act(window, refusedId, 'preAccept');
      await act(window, refusedId, 'refuse', { comment: '申请事项不属于本机关职权范围', competentAuthority: '市自然资源局' });
      const refused = await waitForStage(applicant, refusedId, 'notAccepted');
      // The case page offers filing again from the server's rule, not from the names of a process's end stages.
      expect(refused.mayFileAgain).toBe(true);
      expect((await window.get(`/api/cases/${refusedId}`)).body.mayFileAgain).toBe(false);
      const decision = ((await applicant.get(`/api/cases/${refusedId}/documents`)).body as { id: string; kind: string }[]).find((document) => document.kind === 'nonAcceptance')!;
      const pdf = await fetch(`${deployment.baseUrl}/api/cases/${refusedId}/documents/${decision.id}/content`, { headers: { authorization: `Bearer ${applicant.token}` } });
      expect((await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '')).toContain('请向市自然资源局申请');
      const original = await materialsOf(refusedId);

      const copy = await applicant.post(`/api/cases/${refusedId}/refiling`);
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({ stage: 'application', status: 'open', submittedAt: null, basicInformation: refused.basicInformation, matterId: matter.id });
      expect(copy.body.id).not.toBe(refusedId);
      const copied = await materialsOf(copy.body.id);
      expect(copied.map(({ requiredMaterialId, sha256: hash, fileName }) => ({ requiredMaterialId, sha256: hash, fileName }))).toEqual(
        expect.arrayContaining(original.map(({ requiredMaterialId, sha256: hash, fileName }) => ({ requiredMaterialId, sha256: hash, fileName }))),
      );
      expect(copied).toHaveLength(original.length);
      expect(copied.every((file) => file.round === null)).toBe(true);
      expect(sha256(await contentOf(copy.body.id, copied[0].id))).toBe(copied[0].sha256);
      await act(applicant, copy.body.id, 'submit');
      expect((await materialsOf(refusedId)).map((file) => file.round)).toEqual(original.map(() => 1)); // the old case keeps its own
    });

    it('refuses to copy an open or granted case, and a stranger is told it does not exist', async () => {
      const openId = await fileSubmittedCase(deployment, applicant);
      expect((await applicant.get(`/api/cases/${openId}`)).body.mayFileAgain).toBe(false);
      expect((await applicant.post(`/api/cases/${openId}/refiling`)).body.code).toBe('NOT_REFUSED');
      expect((await stranger.post(`/api/cases/${openId}/refiling`)).status).toBe(404);
      expect((await window.post(`/api/cases/${openId}/refiling`)).status).toBe(404);
    });
  });

  describe("an organisation's cases", () => {
    let administrator: Client;
    let member: Client;
    let caseId: string;

    beforeAll(async () => {
      const anonymous = api(deployment.baseUrl);
      const organisation = organisationBody();
      expect((await anonymous.post('/api/identity/register', organisation)).status).toBe(201);
      administrator = clientOf(deployment, (await anonymous.post('/api/identity/login', { username: organisation.username, password: PASSWORD })).body.token);
      const invitation = await administrator.post('/api/identity/organisation/invitations', { note: '经办人' });
      const colleague = memberBody(invitation.body.token);
      expect((await anonymous.post('/api/identity/register', colleague)).status).toBe(201);
      member = clientOf(deployment, (await anonymous.post('/api/identity/login', { username: colleague.username, password: PASSWORD })).body.token);
    });

    it('are seen and carried on by every member: one drafts, the other uploads and submits', async () => {
      caseId = await newDraft(administrator);
      expect((await member.get('/api/cases?state=draft')).body.map((kase: { id: string }) => kase.id)).toContain(caseId);
      await fillRequired(caseId, member);
      await act(member, caseId, 'submit');
      expect((await administrator.get(`/api/cases/${caseId}`)).body.status).toBe('open');
      expect((await administrator.get('/api/cases?state=submitted')).body.map((kase: { id: string }) => kase.id)).toContain(caseId);
    });

    it('are nobody else’s: another applicant neither lists nor reads them', async () => {
      expect((await stranger.get('/api/cases')).body.map((kase: { id: string }) => kase.id)).not.toContain(caseId);
      expect((await stranger.get(`/api/cases/${caseId}`)).status).toBe(404);
    });
  });

  describe('every case endpoint, tried by the wrong applicant', () => {
    let caseId: string;
    let materialId: string;
    let draftId: string;

    beforeAll(async () => {
      caseId = await fileSubmittedCase(deployment, applicant);
      materialId = (await materialsOf(caseId))[0].id;
      draftId = await newDraft();
      await fillRequired(draftId);
    });

    const requests: [string, (c: Client) => Promise<{ status: number; body: any }>][] = [
      ['GET case', (c) => c.get(`/api/cases/${caseId}`)],
      ['GET position', (c) => c.get(`/api/cases/${caseId}/position`)],
      ['GET timeline', (c) => c.get(`/api/cases/${caseId}/timeline`)],
      ['GET materials', (c) => c.get(`/api/cases/${caseId}/materials`)],
      ['GET material content', (c) => c.get(`/api/cases/${caseId}/materials/${materialId}/content`)],
      ['GET material checklist', (c) => c.get(`/api/cases/${caseId}/material-checklist`)],
      ['GET supplementation notices', (c) => c.get(`/api/cases/${caseId}/supplementation-notices`)],
      ['GET documents', (c) => c.get(`/api/cases/${caseId}/documents`)],
      ['GET licence', (c) => c.get(`/api/cases/${caseId}/licence`)],
      ['GET rating', (c) => c.get(`/api/cases/${caseId}/rating`)],
      ['POST rating', (c) => c.post(`/api/cases/${caseId}/rating`, { level: 1 })],
      ['POST action', (c) => c.post(`/api/cases/${caseId}/actions/submit`, {})],
      ['POST withdrawal', (c) => c.post(`/api/cases/${caseId}/withdrawal`, { reason: '冒名撤回' })],
      ['POST refiling', (c) => c.post(`/api/cases/${caseId}/refiling`)],
      ['PUT draft', (c) => c.put(`/api/cases/${draftId}`, { projectName: '冒名修改' })],
      ['DELETE draft', (c) => c.delete(`/api/cases/${draftId}`)],
      ['POST material', (c) => uploadSmallMaterial(deployment, c, draftId, items[4].id)],
      ['POST extra material', (c) => sendFile(deployment, c, `/api/cases/${draftId}/extra-materials`, { fields: { title: '冒名材料' } })],
      ['PUT material content', async (c) => sendFile(deployment, c, `/api/cases/${draftId}/materials/${(await materialsOf(draftId))[0].id}/content`, { method: 'PUT' })],
      ['DELETE material', async (c) => c.delete(`/api/cases/${draftId}/materials/${(await materialsOf(draftId))[0].id}`)],
    ];

    it.each(requests)('%s answers 404 CASE_NOT_FOUND and changes nothing', async (_what, request) => {
      const [caseBefore, draftBefore, draftFiles] = await Promise.all([applicant.get(`/api/cases/${caseId}`), applicant.get(`/api/cases/${draftId}`), materialsOf(draftId)]);
      const response = await request(stranger);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
      expect((await applicant.get(`/api/cases/${caseId}`)).body).toEqual(caseBefore.body);
      expect((await applicant.get(`/api/cases/${draftId}`)).body).toEqual(draftBefore.body);
      expect(await materialsOf(draftId)).toEqual(draftFiles);
    });
  });
});
