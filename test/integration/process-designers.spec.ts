import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import {
  basicInformation, type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MATTER_OF_PROCESS, matterByCode, MODES, newApplicant, waitForStage,
} from '../support/tongban.js';

const shipped = (name: string) => readFile(path.join(projectRoot(), 'workflows', `${name}.bpmn`), 'utf8');

/** POSTs a BPMN file the way a designer's tool does: the XML itself as the body. */
async function upload(deployment: Deployment, client: Client, body: string | Buffer, { contentType = 'application/xml', query = '' } = {}) {
  const response = await fetch(`${deployment.baseUrl}/api/processes${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

const problemsOf = (response: { body: { details?: { problems?: { rule: string; elementId: string | null }[] } } }) =>
  (response.body.details?.problems ?? []).map((problem) => `${problem.rule}@${problem.elementId}`);

describe.each(MODES)('process designers upload, version, activate and bind BPMN (%s mode)', (mode) => {
  let deployment: Deployment;
  let designer: Client;
  let window: Client;
  let applicant: Client;
  let instantV2: string;

  beforeAll(async () => {
    deployment = await deploy(mode);
    [designer, window] = await Promise.all([loginAs(deployment, 'designer1'), loginAs(deployment, 'window1')]);
    ({ client: applicant } = await newApplicant(deployment));
    instantV2 = (await shipped('instant')).replace('即时受理并决定 Accept and decide at the window', '当场办结 Decided on the spot');
  });
  afterAll(() => deployment?.stop());

  it('lists the four shipped processes, each with its kind and an active first version installed at boot', async () => {
    const list = await designer.get('/api/processes');
    expect(list.status).toBe(200);
    expect(list.body.map((p: any) => [p.key, p.active.kind, p.active.version, p.active.source])).toEqual([
      ['instant', 'instant', 1, 'shipped'],
      ['notification-commitment', 'commitment', 1, 'shipped'],
      ['parallel-approval', 'parallel', 1, 'shipped'],
      ['standard-licensing', 'standard', 1, 'shipped'],
    ]);
  });

  it('keeps an upload as the next version, active at once; running cases stay on theirs, new ones take it', async () => {
    const matter = await matterByCode(deployment, MATTER_OF_PROCESS.instant);
    const running = await fileSubmittedCase(deployment, applicant, matter.code);

    const uploaded = await upload(deployment, designer, instantV2);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ key: 'instant', version: 2, active: true, source: 'upload', uploadedBy: { name: '流程设计员 周洋' } });
    expect(uploaded.body).not.toHaveProperty('xml');

    const versions = await designer.get('/api/processes/instant/versions');
    expect(versions.body.map((v: any) => [v.version, v.active, v.uploadedBy?.name ?? null])).toEqual([[2, true, '流程设计员 周洋'], [1, false, null]]);
    expect(versions.body[0].createdAt).toEqual(expect.any(String));

    const newer = await fileSubmittedCase(deployment, applicant, matter.code);
    expect((await window.get(`/api/cases/${newer}`)).body.stageName).toBe('当场办结 Decided on the spot');
    expect((await window.get(`/api/cases/${newer}/position`)).body.process).toMatchObject({ key: 'instant', version: 2 });

    const old = await window.get(`/api/cases/${running}`);
    expect(old.body.stageName).toBe('即时受理并决定 Accept and decide at the window');
    expect((await window.get(`/api/cases/${running}/position`)).body.process).toMatchObject({ key: 'instant', version: 1 });
    expect((await window.post(`/api/cases/${running}/actions/grant`, {})).status).toBe(200);
    expect((await waitForStage(window, running, 'completedGranted')).status).toBe('closed');
  });

  it('downloads any version as the very bytes uploaded', async () => {
    const response = await fetch(`${deployment.baseUrl}/api/processes/instant/versions/2/xml`, { headers: { authorization: `Bearer ${applicant.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await response.text()).toBe(instantV2);
    expect((await designer.get('/api/processes/instant/versions/9/xml')).status).toBe(404);
    expect((await designer.get('/api/processes/instant/versions/two/xml')).status).toBe(400);
  });

  it('activates an earlier version for new cases, and refuses the same file twice with 409 naming its version', async () => {
    const activated = await designer.post('/api/processes/instant/versions/1/activate', {});
    expect(activated.body).toMatchObject({ key: 'instant', version: 1, active: true });
    const matter = await matterByCode(deployment, MATTER_OF_PROCESS.instant);
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    expect(draft.body.stageName).toBe('申办 Application');
    expect((await applicant.get(`/api/cases/${draft.body.id}/position`)).body.process.version).toBe(1);

    const again = await upload(deployment, designer, instantV2);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PROCESS_VERSION_EXISTS', details: { key: 'instant', version: 2 } });
    expect((await designer.post('/api/processes/instant/versions/7/activate', {})).status).toBe(404);
  });

  it('keeps an upload inactive when asked, and binds a matter to another process', async () => {
    const standard = (await shipped('standard-licensing')).replace('审查 Review"', '技术审查 Technical review"');
    const kept = await upload(deployment, designer, standard, { query: '?activate=false' });
    expect(kept.body).toMatchObject({ key: 'standard-licensing', version: 2, active: false });

    // Another process of the same kind, under its own key.
    expect((await upload(deployment, designer, (await shipped('standard-licensing')).replaceAll('standard-licensing', 'grassland-review'))).status).toBe(201);
    const matter = await matterByCode(deployment, MATTER_OF_PROCESS['standard-licensing']);
    const bound = await designer.put(`/api/matters/${matter.id}/process`, { processKey: 'grassland-review' });
    expect(bound.body).toEqual({ matterId: matter.id, processKey: 'grassland-review', activeVersion: 1 });
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    expect((await applicant.get(`/api/cases/${draft.body.id}/position`)).body.process).toMatchObject({ key: 'grassland-review', version: 1 });

    const instant = await matterByCode(deployment, MATTER_OF_PROCESS.instant);
    const otherKind = await designer.put(`/api/matters/${instant.id}/process`, { processKey: 'standard-licensing' });
    expect(otherKind).toMatchObject({ status: 422, body: { code: 'PROCESS_KIND_MISMATCH', details: { processKind: 'standard', matterKind: 'instant', fields: [{ field: 'processKey' }] } } });
    const unknown = await designer.put(`/api/matters/${matter.id}/process`, { processKey: 'no-such-process' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details.fields[0].field).toBe('processKey');
    expect((await designer.put(`/api/matters/${matter.id}/process`, { processKey: 'standard-licensing' })).status).toBe(200);
  });

  it('refuses a file that breaks the rules with 422 and every problem named by element id', async () => {
    const broken = (await shipped('standard-licensing'))
      .replace(' tongban:role="reviewer" tongban:actions="approve reject startSpecialProcedure requestExtension"', ' tongban:actions="approve reject startSpecialProcedure requestExtension"')
      .replace('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${outcome == "grant"}', '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">require("child_process")')
      .replace(' tongban:handler="issueLicence"', ' tongban:handler="sendFax"')
      .replace('<bpmn:userTask id="delivery"', '<bpmn:scriptTask id="printer" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask><bpmn:userTask id="delivery"');
    const refused = await upload(deployment, designer, broken);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BPMN_INVALID');
    expect(problemsOf(refused)).toEqual(expect.arrayContaining([
      'user-task-role@review', 'script-forbidden@granted', 'service-task-handler@issueLicence', 'script-forbidden@printer',
    ]));
    expect(refused.body.details.problems[0].message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect((await designer.get('/api/processes/standard-licensing/versions')).body).toHaveLength(2);
  });

  it('refuses a co-department this centre does not have, and a process lacking a stage its kind requires', async () => {
    const strangers = (await shipped('parallel-approval')).replace('tongban:department="HJ"', 'tongban:department="MARS"');
    expect(problemsOf(await upload(deployment, designer, strangers))).toContain('unknown-department@coReviewEnvironment');
    const noDelivery = (await shipped('standard-licensing')).replace('tongban:stage="delivery"', 'tongban:stage="decision"');
    expect(problemsOf(await upload(deployment, designer, noDelivery))).toContain('missing-stage@standard-licensing');
  });

  it('refuses what is not BPMN, an XML bomb, an external entity, a wrong type and a 50 MB body, quickly and without a 500', async () => {
    const notWellFormed = await upload(deployment, designer, '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process');
    expect(notWellFormed.status).toBe(422);
    expect(problemsOf(await upload(deployment, designer, '<html><body>hello</body></html>'))).toEqual(expect.arrayContaining([expect.stringMatching(/^not-/)]));
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><definitions>&lol2;</definitions>';
    expect(problemsOf(await upload(deployment, designer, bomb))).toEqual(['doctype-forbidden@null']);
    const entity = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions>&x;</definitions>';
    expect(problemsOf(await upload(deployment, designer, entity))).toEqual(['doctype-forbidden@null']);

    const json = await upload(deployment, designer, '{"bpmn": true}', { contentType: 'application/json' });
    expect(json.status).toBe(415);

    const started = Date.now();
    const huge = await upload(deployment, designer, Buffer.alloc(50 * 1024 * 1024, 0x20)).catch((error: Error) => ({ status: 0, body: error.message }));
    console.log(`[${mode}] a 50 MB BPMN upload was answered in ${Date.now() - started} ms with ${huge.status}`);
    expect(huge.status).toBe(413);
    expect((await designer.get('/health')).status).toBe(200);
  });

  it('lets only process designers upload, activate and bind', async () => {
    expect((await upload(deployment, window, await shipped('instant'))).status).toBe(403);
    expect((await window.post('/api/processes/instant/versions/1/activate', {})).status).toBe(403);
    expect((await applicant.get('/api/processes')).status).toBe(403);
    const matter = await matterByCode(deployment, MATTER_OF_PROCESS.instant);
    expect((await window.put(`/api/matters/${matter.id}/process`, { processKey: 'instant' })).status).toBe(403);
  });

  it('shows where a case stands in its diagram: the elements passed, the flows taken and where it waits', async () => {
    const caseId = await fileSubmittedCase(deployment, applicant);
    await window.post(`/api/cases/${caseId}/actions/preAccept`, {});
    const position = await applicant.get(`/api/cases/${caseId}/position`);
    expect(position.status).toBe(200);
    expect(position.body).toMatchObject({
      process: { key: 'standard-licensing', version: 1, xml: '/api/processes/standard-licensing/versions/1/xml' },
      waitingAt: ['acceptance'],
      failedAt: [],
      endedAt: null,
    });
    expect(position.body.visited.map((v: { elementId: string }) => v.elementId)).toEqual(
      expect.arrayContaining(['created', 'application', 'preAcceptance', 'preAcceptanceDecision']),
    );
    expect(position.body.flowsTaken).toEqual(expect.arrayContaining(['toApplication', 'toPreAcceptance', 'preAccepted']));
    expect(position.body.flowsTaken).not.toContain('preAcceptanceRefused');
  });

  /** Everything of a case but its position: what a designer, who serves no department, may still not read. */
  const CASE_CONTENT = ['', '/timeline', '/replay', '/materials', '/material-checklist', '/documents', '/receipt'];

  it('shows designers where any case stands in its diagram, yet none of the case itself', async () => {
    const caseId = await fileSubmittedCase(deployment, applicant);
    const position = await designer.get(`/api/cases/${caseId}/position`);
    expect(position.status).toBe(200);
    expect(position.body).toMatchObject({ process: { key: 'standard-licensing', version: 1 }, waitingAt: ['preAcceptance'], endedAt: null });
    expect(position.body.visited.map((v: { elementId: string }) => v.elementId)).toContain('application');
    expect(position.body).not.toHaveProperty('basicInformation');
    for (const path of CASE_CONTENT) {
      expect({ path, ...(await designer.get(`/api/cases/${caseId}${path}`)) }).toMatchObject({ path, status: 404, body: { code: 'CASE_NOT_FOUND' } });
    }
    expect((await designer.get('/api/cases/00000000-0000-4000-8000-000000000000/position')).status).toBe(404);
    // Another applicant is no designer: the position stays the case's own.
    const { client: stranger } = await newApplicant(deployment);
    expect((await stranger.get(`/api/cases/${caseId}/position`)).status).toBe(404);
  });

  it('lists the open cases running on a version, newest first and paged, each with where it waits', async () => {
    const older = await fileSubmittedCase(deployment, applicant);
    const newer = await fileSubmittedCase(deployment, applicant);
    expect((await window.post(`/api/cases/${older}/actions/preAccept`, {})).status).toBe(200);
    await waitForStage(window, older, 'acceptance');

    const firstTwo = await designer.get('/api/processes/standard-licensing/versions/1/cases?page=1&pageSize=2');
    expect(firstTwo.status).toBe(200);
    expect(firstTwo.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(firstTwo.body.total).toBeGreaterThanOrEqual(2);
    const matter = await matterByCode(deployment, MATTER_OF_PROCESS['standard-licensing']);
    expect(firstTwo.body.items).toEqual([
      { caseId: newer, caseNumber: expect.any(String), matterName: matter.name, stage: 'preAcceptance', stageName: expect.any(String), createdAt: expect.any(String), waitingAt: ['preAcceptance'] },
      { caseId: older, caseNumber: expect.any(String), matterName: matter.name, stage: 'acceptance', stageName: expect.any(String), createdAt: expect.any(String), waitingAt: ['acceptance'] },
    ]);
    const second = await designer.get('/api/processes/standard-licensing/versions/1/cases?page=2&pageSize=1');
    expect(second.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([older]);
    const beyond = await designer.get('/api/processes/standard-licensing/versions/1/cases?page=1000&pageSize=100');
    expect(beyond.body).toEqual({ items: [], total: firstTwo.body.total, page: 1000, pageSize: 100 });

    // A closed case leaves the list; a version nobody runs has none.
    const instantCase = await fileSubmittedCase(deployment, applicant, MATTER_OF_PROCESS.instant);
    const onInstant = async () => (await designer.get('/api/processes/instant/versions/1/cases?pageSize=100')).body.items.map((item: { caseId: string }) => item.caseId);
    expect(await onInstant()).toContain(instantCase);
    expect((await window.post(`/api/cases/${instantCase}/actions/grant`, {})).status).toBe(200);
    await waitForStage(window, instantCase, 'completedGranted');
    expect(await onInstant()).not.toContain(instantCase);
    expect((await designer.get('/api/processes/standard-licensing/versions/2/cases')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    expect(await designer.get('/api/processes/standard-licensing/versions/9/cases')).toMatchObject({ status: 404, body: { code: 'PROCESS_VERSION_NOT_FOUND' } });
    expect(await designer.get('/api/processes/no-such-process/versions/1/cases')).toMatchObject({ status: 404 });
    expect(await designer.get('/api/processes/standard-licensing/versions/1/cases?pageSize=0')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await designer.get('/api/processes/standard-licensing/versions/one/cases')).status).toBe(400);
  });

  it('lists every matter bound to a process, whatever its status, with the version its new cases take', async () => {
    const admin = await loginAs(deployment, 'admin1');
    const grassland = await matterByCode(deployment, MATTER_OF_PROCESS['standard-licensing']);
    const standard = await designer.get('/api/processes/standard-licensing/matters');
    expect(standard.status).toBe(200);
    expect(standard.body).toEqual([{
      id: grassland.id, code: grassland.code, name: grassland.name, status: 'published',
      department: { code: grassland.department.code, name: grassland.department.name }, activeVersion: 1,
    }]);
    expect((await designer.get('/api/processes/grassland-review/matters')).body).toEqual([]);

    // Withdrawn, the matter takes no applications but is still bound: the designer still sees it.
    const instant = await matterByCode(deployment, MATTER_OF_PROCESS.instant);
    expect((await admin.post(`/api/admin/matters/${instant.id}/withdraw`, { reason: '该事项已划转至市行政审批局办理' })).status).toBe(200);
    expect((await admin.get('/api/processes/instant/matters')).body).toEqual([expect.objectContaining({ id: instant.id, status: 'withdrawn', activeVersion: 1 })]);

    expect(await designer.get('/api/processes/no-such-process/matters')).toMatchObject({ status: 404, body: { code: 'PROCESS_NOT_FOUND' } });
  });

  it('shows what uses a process to designers and administrators only', async () => {
    const supervisor = await loginAs(deployment, 'supervisor1');
    for (const client of [window, applicant, supervisor]) {
      for (const path of ['/api/processes/instant/matters', '/api/processes/instant/versions/1/cases']) {
        expect({ path, ...(await client.get(path)) }).toMatchObject({ path, status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
      }
    }
  });
});
