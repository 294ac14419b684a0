import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client as MinioClient } from 'minio';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  basicInformation, type Client, deploy, type Deployment, fileSubmittedCase, grasslandMatter, MODES, newApplicant, uploadSmallMaterial,
} from '../support/tongban.js';

/** The stored files of one case: the folder on disk in embedded mode, the objects in the bucket in server mode. */
async function storedFiles(deployment: Deployment, caseId: string): Promise<string[]> {
  if (deployment.mode === 'embedded') {
    return readdir(path.join(deployment.env.TONGBAN_DATA_DIR, 'materials', 'cases', caseId)).catch(() => []);
  }
  const endpoint = new URL(deployment.env.S3_ENDPOINT);
  const s3 = new MinioClient({ endPoint: endpoint.hostname, port: Number(endpoint.port), useSSL: false, accessKey: deployment.env.S3_ACCESS_KEY, secretKey: deployment.env.S3_SECRET_KEY });
  const names: string[] = [];
  for await (const item of s3.listObjectsV2(deployment.env.S3_BUCKET, `cases/${caseId}/`, true)) names.push(item.name);
  return names;
}

// 已保存办件: drafts are the applicant's until submitted.
describe.each(MODES)('drafts are edited, listed and deleted with their materials (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let matter: any;
  let draft: string;
  let other: any;

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    matter = await grasslandMatter(deployment);
    draft = (await applicant.post('/api/cases', basicInformation(matter.id))).body.id;
    other = basicInformation(matter.id);
    await applicant.post('/api/cases', other);
  });
  afterAll(() => deployment?.stop());

  it('edits a draft’s basic information, naming each bad field', async () => {
    const edited = await applicant.put(`/api/cases/${draft}`, { projectName: '风电场临时道路（二期）', handlerPhone: '13900000000' });
    expect(edited.status).toBe(200);
    expect(edited.body.basicInformation).toMatchObject({ projectName: '风电场临时道路（二期）', handlerPhone: '13900000000' });
    const bad = await applicant.put(`/api/cases/${draft}`, { handlerPhone: '12345', matterId: matter.id });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['handlerPhone', 'matterId']);
  });

  it('refuses to rename a draft into another filing’s organisation and project', async () => {
    const clash = await applicant.put(`/api/cases/${draft}`, { projectName: other.projectName });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('CASE_DUPLICATE');
  });

  it('lists drafts apart from submitted cases, with their deadlines', async () => {
    const submitted = await fileSubmittedCase(deployment, applicant);
    const ids = async (state: string) => (await applicant.get(state ? `/api/cases?state=${state}` : '/api/cases')).body.map((c: { id: string }) => c.id);
    expect(await ids('draft')).toContain(draft);
    expect(await ids('draft')).not.toContain(submitted);
    expect(await ids('submitted')).toEqual([submitted]);
    expect(await ids('')).toEqual(expect.arrayContaining([draft, submitted]));
    const [listed] = (await applicant.get('/api/cases?state=submitted')).body;
    expect(listed.deadlines).toEqual({ alert: 'none', legal: null, promised: null });
    expect((await applicant.get('/api/cases?state=sent')).status).toBe(400);

    expect((await applicant.put(`/api/cases/${submitted}`, { projectName: '改名' })).status).toBe(409);
    const deleting = await applicant.delete(`/api/cases/${submitted}`);
    expect(deleting.status).toBe(409);
    expect(deleting.body.code).toBe('CASE_SUBMITTED');
  });

  it('lets only its applicant edit or delete a draft', async () => {
    const { client: stranger } = await newApplicant(deployment);
    expect((await stranger.put(`/api/cases/${draft}`, { projectName: '别人的项目' })).status).toBe(404);
    expect((await stranger.delete(`/api/cases/${draft}`)).status).toBe(404);
  });

  it('deletes a draft with its materials, leaving no file behind', async () => {
    const upload = await uploadSmallMaterial(deployment, applicant, draft, matter.requiredMaterials[0].id);
    expect(upload.status).toBe(201);
    expect(await storedFiles(deployment, draft)).toHaveLength(1);
    expect((await applicant.delete(`/api/cases/${draft}`)).status).toBe(204);
    expect((await applicant.get(`/api/cases/${draft}`)).status).toBe(404);
    expect(await storedFiles(deployment, draft)).toEqual([]);
    // The organisation and project are free again.
    expect((await applicant.post('/api/cases', basicInformation(matter.id, '风电场临时道路（二期）'))).status).toBe(201);
  });
});
