import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MATTER_OF_PROCESS, MODES, newApplicant, timelineOf, waitForStage,
} from '../support/tongban.js';

type Staff = 'window1' | 'reviewer1' | 'decider1' | 'admin1';

/**
 * The legal clock over a few weeks of December 2026, moved by the test clock, in each run mode. The steps
 * run in order: time only moves forward. Working days: Mon–Fri (no holiday in December 2026); 2027 is
 * loaded by the administrator at the start, with New Year's Day as a holiday.
 */
describe.each(MODES)('the legal clock, rehearsed with the test clock (%s mode)', (mode) => {
  let deployment: Deployment;
  const staff = {} as Record<Staff, Client>;
  let applicant: { username: string; client: Client };
  const cases: Record<'deemed' | 'accepted' | 'paused' | 'supplemented' | 'instant' | 'refused' | 'parallel' | 'restart', string> = {} as never;

  /** Sessions last 12 hours of the product's time: everyone logs in again after the clock moves. */
  async function moveTo(now: string): Promise<{ firedTimers: number }> {
    const moved = await api(deployment.baseUrl).post('/api/test/clock', { now });
    if (moved.status !== 200) throw new Error(`moving the clock to ${now}: ${moved.status} ${JSON.stringify(moved.body)}`);
    for (const name of Object.keys(staff) as Staff[]) staff[name] = await loginAs(deployment, name);
    applicant.client = await loginAs(deployment, applicant.username, 'Grassland-2026');
    return moved.body;
  }
  const clockOf = async (caseId: string) => (await staff.window1.get(`/api/cases/${caseId}`)).body.clock;
  const act = async (who: Staff, caseId: string, action: string, body: object = {}) => {
    const response = await staff[who].post(`/api/cases/${caseId}/actions/${action}`, body);
    if (response.status !== 200) throw new Error(`${who} ${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1' } });
    for (const name of ['window1', 'reviewer1', 'decider1', 'admin1'] as Staff[]) staff[name] = await loginAs(deployment, name);
    applicant = await newApplicant(deployment);
    await staff.admin1.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦 New Year’s Day' });
    await staff.admin1.put('/api/calendar/years/2027', {});
  });
  afterAll(() => deployment?.stop());

  it('starts the clock at receipt: no deadline before acceptance', async () => {
    await moveTo('2026-12-01T09:00:00+08:00');
    for (const name of ['deemed', 'accepted', 'paused', 'supplemented'] as const) cases[name] = await fileSubmittedCase(deployment, applicant.client);
    expect(await clockOf(cases.deemed)).toMatchObject({ receivedOn: '2026-12-01', acceptedOn: null, alert: 'none', promised: { deadline: null } });
  });

  it('gives a case accepted by staff its legal and promised deadlines, in working days from acceptance', async () => {
    await act('window1', cases.accepted, 'preAccept');
    await act('window1', cases.accepted, 'accept');
    expect(await clockOf(cases.accepted)).toMatchObject({
      acceptedOn: '2026-12-01', deemedAccepted: false, alert: 'green',
      legal: { limitDays: 20, deadline: '2026-12-29', usedDays: 0, remainingDays: 20 },
      promised: { limitDays: 10, deadline: '2026-12-15', usedDays: 0, remainingDays: 10 },
    });
  });

  it('stops the acceptance window with a supplementation notice', async () => {
    await act('window1', cases.supplemented, 'requestSupplement', { comment: '请补正草原权属证明的原件扫描件' });
    await waitForStage(staff.window1, cases.supplemented, 'supplementation');
    expect(await clockOf(cases.supplemented)).toMatchObject({ receivedOn: null, acceptedOn: null });
  });

  it('refuses a special procedure without its kind and expected length, then pauses the clock and tells the applicant in writing', async () => {
    await act('window1', cases.paused, 'preAccept');
    await act('window1', cases.paused, 'accept');
    await moveTo('2026-12-02T10:00:00+08:00');
    const bare = await staff.reviewer1.post(`/api/cases/${cases.paused}/actions/startSpecialProcedure`, {});
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('SPECIAL_PROCEDURE_REQUIRED');
    await act('reviewer1', cases.paused, 'startSpecialProcedure', { comment: '需专家评审', specialProcedure: { kind: 'expertReview', expectedWorkingDays: 3 } });
    expect(await clockOf(cases.paused)).toMatchObject({ alert: 'paused', pause: { since: '2026-12-02', kind: 'expertReview', expectedWorkingDays: 3, overrun: false } });
    const inbox = await applicant.client.get('/api/notifications');
    expect(inbox.body.map((n: { title: string }) => n.title)).toContainEqual(expect.stringContaining('专家评审，预计 3 个工作日'));
  });

  it('flags a special procedure running past its declared length, but does not accept by law on the fifth working day', async () => {
    // Three working days after 12-02 is 12-07: the procedure overruns from 12-08.
    expect((await moveTo('2026-12-08T23:00:00+08:00')).firedTimers).toBe(1);
    expect((await clockOf(cases.paused)).pause).toMatchObject({ overrun: true });
    expect((await timelineOf(staff.window1, cases.paused)).at(-1)!.action).toBe('clock.pauseOverrun');
    expect(await clockOf(cases.deemed)).toMatchObject({ acceptedOn: null });
  });

  it('accepts by law on the next day, as of the day of receipt, through the process', async () => {
    expect((await moveTo('2026-12-09T00:30:00+08:00')).firedTimers).toBe(1);
    expect(await clockOf(cases.deemed)).toMatchObject({
      acceptedOn: '2026-12-01', deemedAccepted: true, legal: { deadline: '2026-12-29' }, promised: { deadline: '2026-12-15' },
    });
    const timeline = await timelineOf(staff.window1, cases.deemed);
    expect(timeline.slice(-2).map((e) => [e.action, e.actor.role])).toEqual([['preAccept', 'system'], ['accept', 'system']]);
    expect(timeline.at(-1)!.comment).toContain('第三十二条');
    expect((await staff.window1.get(`/api/cases/${cases.deemed}`)).body.stage).toBe('review');
    expect(await clockOf(cases.supplemented)).toMatchObject({ acceptedOn: null });
  });

  it('opens a new window from the day the supplements are received', async () => {
    const supplemented = await applicant.client.post(`/api/cases/${cases.supplemented}/actions/supplement`, { comment: '已补正' });
    expect(supplemented.status).toBe(200);
    expect(await clockOf(cases.supplemented)).toMatchObject({ receivedOn: '2026-12-09', acceptedOn: null });
  });

  it('moves both deadlines by the working days the special procedure took', async () => {
    await act('reviewer1', cases.paused, 'endSpecialProcedure', { comment: '评审完成' });
    // Working days in (12-02, 12-09]: 3, 4, 7, 8, 9.
    expect(await clockOf(cases.paused)).toMatchObject({
      alert: 'green', pause: null, pausedDays: 5, promised: { deadline: '2026-12-22' }, legal: { deadline: '2027-01-06' },
    });
  });

  it('extends once by 10 working days, telling the applicant why, and refuses a second extension', async () => {
    await act('reviewer1', cases.paused, 'requestExtension', { comment: '需补充现场核查' });
    await act('decider1', cases.paused, 'approveExtension', { comment: '情况复杂，延长十个工作日' });
    expect(await clockOf(cases.paused)).toMatchObject({ extensionDays: 10, legal: { deadline: '2027-01-20' }, promised: { deadline: '2027-01-06' } });
    const inbox = await applicant.client.get('/api/notifications');
    expect(inbox.body.find((n: { title: string }) => n.title.includes('延长 10 个工作日')).body).toContain('情况复杂，延长十个工作日');
    await act('reviewer1', cases.paused, 'requestExtension', {});
    const again = await staff.decider1.post(`/api/cases/${cases.paused}/actions/approveExtension`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EXTENSION_ALREADY_GRANTED');
  });

  it('turns yellow from the third-last working day before the promised deadline, and red after it', async () => {
    await moveTo('2026-12-10T12:00:00+08:00');
    expect(await clockOf(cases.accepted)).toMatchObject({ alert: 'green', promised: { usedDays: 7, remainingDays: 3 } });
    await moveTo('2026-12-11T08:00:00+08:00');
    expect((await clockOf(cases.accepted)).alert).toBe('yellow');
    await moveTo('2026-12-16T08:00:00+08:00');
    expect(await clockOf(cases.accepted)).toMatchObject({ alert: 'red', promised: { remainingDays: -1, overdue: true }, legal: { overdue: false } });
    const alerts = (await timelineOf(staff.window1, cases.accepted)).filter((e) => e.action === 'clock.alert');
    expect(alerts).toHaveLength(2);
  });

  it('fires a timer pending across a crash exactly once', async () => {
    cases.restart = await fileSubmittedCase(deployment, applicant.client);
    expect((await clockOf(cases.restart)).receivedOn).toBe('2026-12-16');
    await deployment.restart({ crash: true });
    // The fifth working day after 12-16 is 12-23: accepted by law from 12-24.
    await moveTo('2026-12-24T09:00:00+08:00');
    const accepts = (await timelineOf(staff.window1, cases.restart)).filter((e) => e.action === 'accept');
    expect(accepts.map((e) => e.actor.role)).toEqual(['system']);
    expect((await clockOf(cases.restart)).acceptedOn).toBe('2026-12-16');
    // The supplemented case's window (12-10 to 12-16) passed too: accepted by law as of the supplements' receipt.
    expect(await clockOf(cases.supplemented)).toMatchObject({ acceptedOn: '2026-12-09', deemedAccepted: true });
  });

  it('gives an instant case the day of acceptance as its promised deadline, and stops the clock when the case ends', async () => {
    cases.instant = await fileSubmittedCase(deployment, applicant.client, MATTER_OF_PROCESS.instant);
    await act('window1', cases.instant, 'grant');
    await waitForStage(staff.window1, cases.instant, 'completedGranted');
    expect(await clockOf(cases.instant)).toMatchObject({ acceptedOn: '2026-12-24', promised: { limitDays: 0, deadline: '2026-12-24' }, alert: 'stopped', stoppedOn: '2026-12-24' });
  });

  it('shows a refused case the last days for reconsideration and litigation', async () => {
    cases.refused = await fileSubmittedCase(deployment, applicant.client, MATTER_OF_PROCESS.instant);
    await act('window1', cases.refused, 'refuse', { comment: '不属于本机关职权范围' });
    await waitForStage(staff.window1, cases.refused, 'notAccepted');
    // 60 days after 12-24 is 2027-02-22, a Monday; six months after it, 2027-06-24, a Thursday.
    expect((await clockOf(cases.refused)).remedies).toEqual({ refusedOn: '2026-12-24', reconsiderationBy: '2027-02-22', litigationBy: '2027-06-24' });
  });

  it('gives a parallel approval the 45 working days of joint handling, and each co-department its own 10', async () => {
    cases.parallel = await fileSubmittedCase(deployment, applicant.client, MATTER_OF_PROCESS['parallel-approval']);
    await act('window1', cases.parallel, 'accept');
    const detail = (await staff.window1.get(`/api/cases/${cases.parallel}`)).body;
    expect(detail.clock).toMatchObject({ legal: { limitDays: 45, deadline: '2027-02-26' }, extensionDays: 0 });
    expect(detail.openTasks.map((t: { elementId: string; deadline: string; alert: string }) => [t.elementId, t.deadline, t.alert])).toEqual([
      ['coReviewEnvironment', '2027-01-08', 'green'],
      ['coReviewForestry', '2027-01-08', 'green'],
    ]);
  });

  it('moves only forward, and only to a time with its offset', async () => {
    const back = await api(deployment.baseUrl).post('/api/test/clock', { now: '2026-12-01T09:00:00+08:00' });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('CLOCK_BACKWARDS');
    const local = await api(deployment.baseUrl).post('/api/test/clock', { now: '2026-12-30T09:00:00' });
    expect(local.status).toBe(400);
    expect((await api(deployment.baseUrl).get('/api/test/clock')).body.now).toMatch(/^2026-12-24T/);
  });
});

describe('without TONGBAN_TEST_CLOCK', () => {
  let deployment: Deployment;
  beforeAll(async () => (deployment = await deploy('embedded')));
  afterAll(() => deployment?.stop());

  it('has no test clock at all', async () => {
    expect((await api(deployment.baseUrl).get('/api/test/clock')).status).toBe(404);
    expect((await api(deployment.baseUrl).post('/api/test/clock', { now: '2030-01-01T00:00:00Z' })).status).toBe(404);
  });
});
