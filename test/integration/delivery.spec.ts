import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { residentId } from '../support/identities.js';
import { type Client, deploy, type Deployment, fileSubmittedCase, handOverDetails, loginAs, MODES, newApplicant, waitForStage } from '../support/tongban.js';

/*
 * Handing the result over, over HTTP in each run mode: delivery by post records the carrier, the tracking
 * number and the address (邮寄送达); a pickup records who collected it on which ID document (领取登记); either
 * is refused, field by field, without its details, and the applicant reads the record on the case.
 */
describe.each(MODES)('delivery and pickup registration (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let staff: Record<'window' | 'reviewer' | 'decider', Client>;

  const act = async (client: Client, caseId: string, action: string, body: object = {}) => client.post(`/api/cases/${caseId}/actions/${action}`, body);
  async function decidedCase(): Promise<string> {
    const caseId = await fileSubmittedCase(deployment, applicant);
    for (const [who, action] of [['window', 'preAccept'], ['window', 'accept'], ['reviewer', 'approve'], ['decider', 'grant']] as const) {
      expect((await act(staff[who], caseId, action)).status).toBe(200);
    }
    await waitForStage(applicant, caseId, 'delivery');
    return caseId;
  }

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    const [window, reviewer, decider] = await Promise.all(['window1', 'reviewer1', 'decider1'].map((name) => loginAs(deployment, name)));
    staff = { window, reviewer, decider };
  });
  afterAll(() => deployment?.stop());

  it('records a delivery by post, refusing it without its details or with a malformed tracking number', async () => {
    const caseId = await decidedCase();
    const bare = await act(staff.window, caseId, 'deliver', { comment: '已寄出' });
    expect(bare).toMatchObject({ status: 422, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'postal' }] } } });
    const malformed = await act(staff.window, caseId, 'deliver', { postal: { carrier: '', trackingNumber: '12 34', address: '某地' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(['postal.address', 'postal.carrier', 'postal.trackingNumber']);
    expect((await applicant.get(`/api/cases/${caseId}`)).body.stage).toBe('delivery');

    expect((await act(staff.window, caseId, 'deliver', handOverDetails('deliver'))).status).toBe(200);
    const detail = (await applicant.get(`/api/cases/${caseId}`)).body;
    expect(detail).toMatchObject({ status: 'closed', deliveries: [{ method: 'post', carrier: '中国邮政 EMS', trackingNumber: '1180212345678', recordedAt: expect.any(String) }] });
  });

  it('records who collected the result, on a checked ID document, and shows the number masked', async () => {
    const caseId = await decidedCase();
    expect((await act(staff.window, caseId, 'pickUp', {})).body.details.fields).toEqual([expect.objectContaining({ field: 'pickup' })]);
    const wrongId = await act(staff.window, caseId, 'pickUp', { pickup: { name: '王五', idType: 'resident_id', idNumber: '110101197504120000' } });
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.details.fields).toEqual([expect.objectContaining({ field: 'pickup.idNumber' })]);

    const idNumber = residentId('19800101');
    expect((await act(staff.window, caseId, 'pickUp', { pickup: { name: '王五', idType: 'resident_id', idNumber } })).status).toBe(200);
    const [record] = (await applicant.get(`/api/cases/${caseId}`)).body.deliveries;
    expect(record).toEqual({ method: 'pickup', collector: { name: '王五', idType: 'resident_id', idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}` }, recordedAt: expect.any(String) });
  });
});
