import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.js';
import { type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant } from '../support/tongban.js';

describe.each(MODES)('the applicant is told of every stage change, by the inbox and the gateway (%s mode)', (mode) => {
  let sms: TestSmsGateway;
  let deployment: Deployment;
  let applicant: Client;
  let caseId: string;

  beforeAll(async () => {
    sms = await startSmsGateway({ failFirst: 2 });
    deployment = await deploy(mode, { extraEnv: { TONGBAN_NOTIFY_WEBHOOK_URL: sms.url } });
    ({ client: applicant } = await newApplicant(deployment));
    caseId = await fileSubmittedCase(deployment, applicant);
  });
  afterAll(async () => {
    await deployment?.stop();
    await sms?.close();
  });

  it('does not hold a transition back while the gateway refuses', async () => {
    const window = await loginAs(deployment, 'window1');
    const started = Date.now();
    const answered = await window.post(`/api/cases/${caseId}/actions/preAccept`, {});
    expect(answered.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('puts each stage reached in the applicant’s inbox, once', async () => {
    const titles = await eventually(
      async () => (await applicant.get('/api/notifications')).body.map((n: { title: string }) => n.title) as string[],
      (found) => found.some((title) => title.includes('受理 Acceptance')),
    );
    expect(titles.filter((title) => title.includes('预受理 Pre-acceptance'))).toHaveLength(1);
    expect(titles.filter((title) => title.includes('“受理 Acceptance”'))).toHaveLength(1);
  });

  it('sends them through the gateway to the handler’s phone, retrying what it refused', async () => {
    const received = await eventually(async () => [...sms.received], (found) => found.length >= 2);
    expect(sms.refusedSoFar()).toBe(2);
    expect(received.map((m) => m.phone)).toEqual(['13800000000', '13800000000']);
    expect(received.map((m) => m.title).join(' ')).toContain('受理 Acceptance');
  });
});
