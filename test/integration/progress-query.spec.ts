import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant } from '../support/tongban.js';

// 我要查: a case followed with the number and query code of its receipt, without logging in.
describe.each(MODES)('progress query without login (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let kase: { id: string; caseNumber: string; queryCode: string };

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    const caseId = await fileSubmittedCase(deployment, applicant);
    const window = await loginAs(deployment, 'window1');
    await window.post(`/api/cases/${caseId}/actions/preAccept`, { comment: '材料齐全（内部意见，不对外）' });
    kase = (await applicant.get(`/api/cases/${caseId}`)).body;
  });
  afterAll(() => deployment?.stop());

  const query = (caseNumber: string, queryCode: string) =>
    api(deployment.baseUrl).get(`/api/progress?caseNumber=${encodeURIComponent(caseNumber)}&queryCode=${encodeURIComponent(queryCode)}`);

  it('gives the applicant a query code with the case', () => {
    expect(kase.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it('shows where the case stands and its steps, to anyone holding the receipt', async () => {
    const progress = await query(kase.caseNumber, kase.queryCode);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      caseNumber: kase.caseNumber, matterName: '临时占用草原审核', stage: 'acceptance', status: 'open', submittedAt: expect.any(String),
    });
    expect(progress.body.steps.map((step: { action: { zh: string } }) => step.action.zh)).toEqual(['创建草稿', '提交申请', '预受理通过']);
    expect((await query(kase.caseNumber, kase.queryCode.toLowerCase())).status).toBe(200);
  });

  it('tells nothing of who acted, what they wrote, or who applied', async () => {
    const text = JSON.stringify((await query(kase.caseNumber, kase.queryCode)).body);
    expect(text).not.toContain('内部意见');
    expect(text).not.toContain('刘敏');
    expect(text).not.toContain('王五');
    expect(text).not.toContain('13800000000');
  });

  it('answers a wrong code and an unknown number alike, and a malformed query with 400 naming the field', async () => {
    const wrongCode = await query(kase.caseNumber, kase.queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');
    const unknownNumber = await query('LCJ-19990101-000001', kase.queryCode);
    expect(wrongCode.status).toBe(404);
    expect(unknownNumber.body).toEqual(wrongCode.body);
    const malformed = await query(kase.caseNumber, 'short');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields[0].field).toBe('queryCode');
  });
});
