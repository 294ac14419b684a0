import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client as MinioClient } from 'minio';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant, timelineOf, waitForStage,
} from '../support/tongban.js';
import { pdfText } from '../support/pdf.js';

/**
 * Where generated documents are stored is made unusable for real: in embedded mode a file takes the place of
 * the documents folder; in server mode the bucket is deleted. A handler writing there fails as it would in
 * production, and repairing it lets a retry succeed.
 */
function documentStorage(deployment: Deployment) {
  const folder = path.join(deployment.env.TONGBAN_DATA_DIR, 'materials', 'documents');
  const endpoint = new URL(deployment.env.S3_ENDPOINT ?? 'http://unused');
  const s3 = new MinioClient({
    endPoint: endpoint.hostname, port: Number(endpoint.port), useSSL: false,
    accessKey: deployment.env.S3_ACCESS_KEY ?? '', secretKey: deployment.env.S3_SECRET_KEY ?? '',
  });
  const bucket = deployment.env.S3_BUCKET;
  return {
    async break(): Promise<void> {
      if (deployment.mode === 'embedded') return writeFile(folder, 'a file where the documents folder belongs');
      const keys: string[] = [];
      for await (const item of s3.listObjectsV2(bucket, '', true)) keys.push(item.name);
      await s3.removeObjects(bucket, keys);
      await s3.removeBucket(bucket);
    },
    async repair(): Promise<void> {
      if (deployment.mode === 'embedded') return rm(folder);
      await s3.makeBucket(bucket);
    },
  };
}

async function waitForIncident(client: Client, caseId: string): Promise<any> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const detail = await client.get(`/api/cases/${caseId}`);
    const failed = detail.body.serviceTasks?.find((run: { status: string }) => run.status === 'failed');
    if (failed) return failed;
    if (Date.now() > deadline) throw new Error(`no incident on ${caseId}: ${JSON.stringify(detail.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(MODES)('a service task whose handler keeps failing becomes an incident that supervisors retry (%s mode)', (mode) => {
  let deployment: Deployment;
  let window: Client;
  let supervisor: Client;
  let applicant: Client;
  let caseId: string;
  let incidentId: string;

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_SERVICE_TASK_ATTEMPTS: '2', TONGBAN_SERVICE_TASK_BACKOFF_MS: '100' } });
    [window, supervisor] = await Promise.all([loginAs(deployment, 'window1'), loginAs(deployment, 'supervisor1')]);
    ({ client: applicant } = await newApplicant(deployment));
    caseId = await fileSubmittedCase(deployment, applicant);
  });
  afterAll(() => deployment?.stop());

  it('leaves an incident on the case after the last attempt, and the case waits visibly where it stopped', async () => {
    await documentStorage(deployment).break();
    const refused = await window.post(`/api/cases/${caseId}/actions/refuse`, { comment: '不属于本机关职权范围，请向自治区林草局申请' });
    expect(refused.body.case).toMatchObject({ stage: 'notifyRefusal', status: 'open' });

    const incident = await waitForIncident(window, caseId);
    expect(incident).toMatchObject({ elementId: 'notifyRefusal', attempts: 2 });
    incidentId = incident.id;
    expect((await window.get(`/api/cases/${caseId}`)).body).toMatchObject({ stage: 'notifyRefusal', status: 'open' });
    expect((await window.get(`/api/cases/${caseId}/position`)).body).toMatchObject({ waitingAt: [], failedAt: ['notifyRefusal'] });
    const timeline = await timelineOf(window, caseId);
    expect(timeline.at(-1)).toMatchObject({ action: 'service.failed', actor: { role: 'system' }, comment: expect.any(String) });
  });

  it('lists the incident to supervisors with its case, department, matter, handler, attempts and error', async () => {
    const incidents = await supervisor.get('/api/incidents');
    expect(incidents.status).toBe(200);
    expect(incidents.body).toEqual([
      expect.objectContaining({
        id: incidentId, caseId, caseNumber: expect.stringMatching(/^LCJ-/), handler: 'generateNotice', attempts: 2, retries: 0, lastError: expect.any(String),
        matterId: expect.any(String), matterName: expect.any(String), departmentCode: 'LCJ', departmentName: expect.any(String),
      }),
    ]);
    expect((await window.get('/api/incidents')).status).toBe(403);
    expect((await window.post(`/api/incidents/${incidentId}/retry`, {})).status).toBe(403);
    expect((await supervisor.post('/api/incidents/00000000-0000-4000-8000-000000000000/retry', {})).status).toBe(404);
  });

  it('goes on once repaired and retried by a supervisor: the notice is generated and the case ends not accepted', async () => {
    await documentStorage(deployment).repair();
    const retried = await supervisor.post(`/api/incidents/${incidentId}/retry`, {});
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual({ id: incidentId, status: 'pending', retries: 1 });

    const closed = await waitForStage(applicant, caseId, 'notAccepted');
    expect(closed).toMatchObject({ status: 'closed', serviceTasks: [] });
    expect((await supervisor.get('/api/incidents')).body).toEqual([]);
    const again = await supervisor.post(`/api/incidents/${incidentId}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INCIDENT_NOT_OPEN');

    const documents = await applicant.get(`/api/cases/${caseId}/documents`);
    expect(documents.body).toEqual([expect.objectContaining({ title: '不予受理决定书', contentType: 'application/pdf' })]);
    const notice = await fetch(`${deployment.baseUrl}/api/cases/${caseId}/documents/${documents.body[0].id}/content`, {
      headers: { authorization: `Bearer ${applicant.token}` },
    });
    expect((await pdfText(Buffer.from(await notice.arrayBuffer()))).replace(/\n/g, '')).toContain('不属于本机关职权范围，请向自治区林草局申请');
    const actions = (await timelineOf(applicant, caseId)).map((entry) => entry.action);
    expect(actions.slice(-4)).toEqual(['refuse', 'service.failed', 'service.retry', 'service.generateNotice']);
  });
});
