import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api } from '../support/http.js';
import { type RunningProcess, startApi, startWorker } from '../support/processes.js';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, GRASSLAND_MATTER_CODE, loginAs, MATTER_OF_PROCESS, MODES, newApplicant,
  type TimelineEntry, timelineOf, waitForStage, handOverDetails,
} from '../support/tongban.js';
import { pdfText } from '../support/pdf.js';

type Staff = 'window1' | 'reviewer1' | 'decider1' | 'admin1';
const STAFF: Staff[] = ['window1', 'reviewer1', 'decider1', 'admin1'];
type CaseName = 'accepted' | 'supplemented' | 'restart' | 'paused' | 'deemed' | 'unloaded' | 'instant' | 'instantDeemed' | 'receivedLate';

/** A moment in Asia/Shanghai, as the test clock takes it. */
const at = (day: string, time: string) => `${day}T${time}+08:00`;
/** Just before midnight, and just after: the edges of the days timers fall due on. */
const lastMinuteOf = (day: string) => at(day, '23:59:00');
const startOf = (day: string) => at(day, '00:00:30');
/** The calendar day in Asia/Shanghai of an instant. */
const dayOf = (instant: string) => new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const rows = (entries: TimelineEntry[]) => entries.map((entry) => [entry.action, entry.actor.role]);

/**
 * The legal clock of LCJ-XK-001 (legal 20, promised 10 working days, yellow from the 3rd-last) and SCJG-XK-015
 * (instant), moved through December 2026 by the test clock, in each run mode on one deployment. Time only moves
 * forward, so the tests run in order. December 2026 has no holiday: its working days are Monday to Friday.
 * 2027 is not loaded until the administrator loads it on 12-28, with New Year's Day as its only holiday so far.
 *
 *   Dec 2026   Mo Tu We Th Fr Sa Su
 *                  1  2  3  4  5  6
 *               7  8  9 10 11 12 13
 *              14 15 16 17 18 19 20
 *              21 22 23 24 25 26 27
 *              28 29 30 31 [1]  2  3     (2027-01-01 a holiday)
 */
describe.each(MODES)('the legal clock, moved through each rule by the test clock (%s mode)', (mode) => {
  let deployment: Deployment;
  const staff = {} as Record<Staff, Client>;
  let applicant: { username: string; client: Client };
  const cases = {} as Record<CaseName, string>;

  beforeAll(async () => {
    // Sweeping every second makes the workers race the test clock for each due timer, as two processes would in production.
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1', TONGBAN_TIMER_SWEEP_MS: '1000' } });
    applicant = await newApplicant(deployment);
    await logInAgain();
  });
  afterAll(() => deployment?.stop());

  /** Sessions last 12 hours of the product's time: everyone logs in again once the clock has moved. */
  async function logInAgain(): Promise<void> {
    const clients = await Promise.all(STAFF.map((name) => loginAs(deployment, name)));
    STAFF.forEach((name, i) => (staff[name] = clients[i]));
    applicant.client = await loginAs(deployment, applicant.username, 'Grassland-2026');
  }

  /** Moves the product's time forward to `now` (every timer due by then fires before the answer), then logs everyone in again. */
  async function moveTo(now: string): Promise<void> {
    const moved = await api(deployment.baseUrl).post('/api/test/clock', { now });
    if (moved.status !== 200) throw new Error(`moving the clock to ${now}: ${moved.status} ${JSON.stringify(moved.body)}`);
    expect(dayOf(moved.body.now)).toBe(dayOf(now));
    await logInAgain();
  }

  const detailOf = async (caseId: string) => (await staff.window1.get(`/api/cases/${caseId}`)).body;
  const clockOf = async (caseId: string) => (await detailOf(caseId)).clock;

  /** Takes an action; fails with the answer unless it is 200. */
  async function act(who: Staff | 'applicant', caseId: string, action: string, body: object = {}) {
    const client = who === 'applicant' ? applicant.client : staff[who];
    const response = await client.post(`/api/cases/${caseId}/actions/${action}`, body);
    if (response.status !== 200) throw new Error(`${who} ${action} on ${caseId}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const fileCase = (matterCode = GRASSLAND_MATTER_CODE) => fileSubmittedCase(deployment, applicant.client, matterCode);
  const acceptAtWindow = async (caseId: string) => {
    await act('window1', caseId, 'preAccept');
    await act('window1', caseId, 'accept');
  };
  const entriesOf = async (caseId: string, action: string) => (await timelineOf(staff.window1, caseId)).filter((entry) => entry.action === action);
  const noticesOf = async (caseId: string) => {
    const inbox = await applicant.client.get('/api/notifications');
    expect(inbox.status).toBe(200);
    return (inbox.body as { caseId: string; title: string; body: string }[]).filter((notice) => notice.caseId === caseId);
  };

  describe('receipt and acceptance (12-01)', () => {
    it('starts the clock on the day of receipt, with no deadline before acceptance', async () => {
      await moveTo(at('2026-12-01', '09:00:00'));
      for (const name of ['accepted', 'supplemented', 'restart', 'paused'] as const) cases[name] = await fileCase();
      expect(await clockOf(cases.restart)).toMatchObject({
        receivedOn: '2026-12-01', acceptedOn: null, deemedAccepted: false, alert: 'none',
        legal: { limitDays: 20, deadline: null }, promised: { limitDays: 10, deadline: null }, pause: null, stoppedOn: null,
      });
    });

    it('gives a grassland case accepted by staff its legal deadline 20 and its promised deadline 10 working days after acceptance', async () => {
      await acceptAtWindow(cases.accepted);
      await acceptAtWindow(cases.paused);
      // 20 working days after Tuesday 12-01 is Tuesday 12-29; 10 is Tuesday 12-15.
      expect(await clockOf(cases.accepted)).toMatchObject({
        receivedOn: '2026-12-01', acceptedOn: '2026-12-01', deemedAccepted: false, alert: 'green',
        legal: { limitDays: 20, deadline: '2026-12-29', usedDays: 0, remainingDays: 20, overdue: false },
        promised: { limitDays: 10, deadline: '2026-12-15', usedDays: 0, remainingDays: 10, overdue: false },
        pause: null, pausedDays: 0, extensionDays: 0, stoppedOn: null,
      });
    });

    it('stops the acceptance window with a supplementation notice', async () => {
      await act('window1', cases.supplemented, 'requestSupplement', { comment: '草原权属证明为复印件，请补充原件扫描件' });
      await waitForStage(staff.window1, cases.supplemented, 'supplementation');
      expect(await clockOf(cases.supplemented)).toMatchObject({ receivedOn: null, acceptedOn: null, alert: 'none' });
    });
  });

  describe('a special procedure, Art. 45 (12-02 … 12-04)', () => {
    it('cannot start without its kind and expected working days, which the applicant must be told', async () => {
      await moveTo(at('2026-12-02', '10:00:00'));
      const bare = await staff.reviewer1.post(`/api/cases/${cases.paused}/actions/startSpecialProcedure`, { comment: '需专家评审' });
      expect(bare.status).toBe(422);
      expect(bare.body.code).toBe('SPECIAL_PROCEDURE_REQUIRED');
      expect(await detailOf(cases.paused)).toMatchObject({ stage: 'review', clock: { alert: 'green', pause: null } });
    });

    it('pauses the clock and tells the applicant in writing how long it is expected to take', async () => {
      await act('reviewer1', cases.paused, 'startSpecialProcedure', { comment: '需组织专家评审', specialProcedure: { kind: 'expertReview', expectedWorkingDays: 1 } });
      expect(await clockOf(cases.paused)).toMatchObject({
        alert: 'paused', pause: { since: '2026-12-02', kind: 'expertReview', expectedWorkingDays: 1, overrun: false },
        // Day S counts as used (DOMAIN.md §1.7(6)).
        promised: { deadline: '2026-12-15', usedDays: 1 }, legal: { deadline: '2026-12-29', usedDays: 1 },
      });
      // Besides the notice of the stage reached, one that names the procedure and its expected length.
      const notices = (await noticesOf(cases.paused)).filter((notice) => notice.title.includes('专家评审'));
      expect(notices).toEqual([expect.objectContaining({ title: expect.stringMatching(/专家评审.*预计 1 个工作日/), body: expect.stringContaining('需组织专家评审') })]);
    });

    it('counts nothing while it runs: the days used and remaining stay as they were on its first day', async () => {
      await moveTo(lastMinuteOf('2026-12-03'));
      // Paused since 12-02 with the promised deadline 12-15: 1 day used, the working days in (12-02, 12-15] = 9 remain.
      expect(await clockOf(cases.paused)).toMatchObject({
        alert: 'paused',
        promised: { usedDays: 1, remainingDays: 9, overdue: false },
        legal: { usedDays: 1, remainingDays: 19, overdue: false },
      });
    });

    it('is flagged as overrun from the day after its declared working days, on the timeline, the clock still paused', async () => {
      // Declared 1 working day (12-03): not overrun on its last minute, overrun from 12-04.
      expect((await clockOf(cases.paused)).pause).toMatchObject({ overrun: false });
      expect(await entriesOf(cases.paused, 'clock.pauseOverrun')).toEqual([]);
      await moveTo(startOf('2026-12-04'));
      expect(await clockOf(cases.paused)).toMatchObject({ alert: 'paused', pause: { since: '2026-12-02', overrun: true } });
      const flagged = await entriesOf(cases.paused, 'clock.pauseOverrun');
      expect(rows(flagged)).toEqual([['clock.pauseOverrun', 'system']]);
      expect(dayOf(flagged[0].at)).toBe('2026-12-04');
    });

    it('moves both deadlines by the working days it took, (start, end], when it ends', async () => {
      await moveTo(at('2026-12-04', '10:00:00'));
      await act('reviewer1', cases.paused, 'endSpecialProcedure', { comment: '专家评审结束' });
      // (12-02, 12-04]: 12-03 and 12-04. Promised 12-15 → 12-17, legal 12-29 → 12-31.
      expect(await clockOf(cases.paused)).toMatchObject({
        alert: 'green', pause: null, pausedDays: 2,
        promised: { deadline: '2026-12-17', usedDays: 1, remainingDays: 9 },
        legal: { deadline: '2026-12-31', usedDays: 1, remainingDays: 19 },
      });
    });
  });

  describe('days and deadlines as the clock moves (12-04 … 12-07)', () => {
    it('leaves the legal deadline null when it falls in 2027, whose schedule is not loaded', async () => {
      cases.unloaded = await fileCase();
      await acceptAtWindow(cases.unloaded);
      // Accepted Friday 12-04: the 10th working day is 12-18; the 20th would be in January 2027.
      expect(await clockOf(cases.unloaded)).toMatchObject({
        acceptedOn: '2026-12-04',
        legal: { limitDays: 20, deadline: null, usedDays: 0, remainingDays: null, overdue: false },
        promised: { limitDays: 10, deadline: '2026-12-18', usedDays: 0, remainingDays: 10 },
      });
    });

    it('counts used and remaining working days, not the weekend', async () => {
      // The case to be accepted by law later: received on Friday 12-04.
      cases.deemed = await fileCase();
      expect(await clockOf(cases.deemed)).toMatchObject({ receivedOn: '2026-12-04', acceptedOn: null });
      const daysOf = async () => {
        const { legal, promised } = await clockOf(cases.accepted);
        return { used: [legal.usedDays, promised.usedDays], remaining: [legal.remainingDays, promised.remainingDays] };
      };
      expect(await daysOf()).toEqual({ used: [3, 3], remaining: [17, 7] }); // Friday 12-04: 12-02, 03, 04 used
      await moveTo(at('2026-12-05', '12:00:00'));
      expect(await daysOf()).toEqual({ used: [3, 3], remaining: [17, 7] }); // Saturday
      await moveTo(at('2026-12-07', '10:00:00'));
      expect(await daysOf()).toEqual({ used: [4, 4], remaining: [16, 6] }); // Monday
    });
  });

  describe('acceptance by law (视为受理, Art. 32) and alerts, day by day (12-08 … 12-17)', () => {
    it('fires a deemed acceptance that was pending across a crash of every process, exactly once', async () => {
      // Received 12-01: the window is 12-02 … 12-08, the 5th working day.
      await moveTo(lastMinuteOf('2026-12-08'));
      expect(await detailOf(cases.restart)).toMatchObject({ stage: 'preAcceptance', clock: { acceptedOn: null } });
      const before = [deployment.api, ...deployment.workers];
      await deployment.restart({ crash: true });
      expect((await Promise.all(before.map((proc) => proc.exited))).map((exit) => exit.signal)).toEqual(before.map(() => 'SIGKILL'));

      await moveTo(startOf('2026-12-09'));
      expect(await detailOf(cases.restart)).toMatchObject({
        stage: 'review', clock: { receivedOn: '2026-12-01', acceptedOn: '2026-12-01', deemedAccepted: true },
      });
      // Give the workers' sweeps (every second) time to try the same timer again.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const timeline = await timelineOf(staff.window1, cases.restart);
      expect(rows(timeline.filter((entry) => entry.action === 'accept' || entry.action === 'preAccept'))).toEqual([['preAccept', 'system'], ['accept', 'system']]);
    });

    it('does not accept by law a case whose window a supplementation notice stopped', async () => {
      // Received 12-01 like the case above, whose window ended on 12-08.
      expect(await detailOf(cases.supplemented)).toMatchObject({ stage: 'supplementation', clock: { receivedOn: null, acceptedOn: null } });
    });

    it('opens a new window on the day the supplements are received', async () => {
      await moveTo(at('2026-12-09', '10:00:00'));
      await act('applicant', cases.supplemented, 'supplement', { comment: '已补充原件扫描件' });
      expect(await detailOf(cases.supplemented)).toMatchObject({
        stage: 'supplementAcceptance', clock: { receivedOn: '2026-12-09', acceptedOn: null, deemedAccepted: false },
      });
    });

    it('turns a case yellow at the start of the 3rd-last working day before its promised deadline, by a timeline entry of the platform', async () => {
      // Accepted 12-01, promised 12-15: its last 3 working days are 12-11, 12-14, 12-15.
      await moveTo(lastMinuteOf('2026-12-10'));
      expect(await clockOf(cases.accepted)).toMatchObject({ alert: 'green', promised: { usedDays: 7, remainingDays: 3 }, legal: { usedDays: 7, remainingDays: 13 } });
      expect(await entriesOf(cases.accepted, 'clock.alert')).toEqual([]);
      await moveTo(startOf('2026-12-11'));
      expect(await clockOf(cases.accepted)).toMatchObject({ alert: 'yellow', promised: { usedDays: 8, remainingDays: 2, overdue: false } });
      const alerts = await entriesOf(cases.accepted, 'clock.alert');
      expect(rows(alerts)).toEqual([['clock.alert', 'system']]);
      expect(dayOf(alerts[0].at)).toBe('2026-12-11');
    });

    it('accepts a case received on a Friday on the day after the 5th working day, not on it, as of the day of receipt', async () => {
      // Received Friday 12-04: the window is 12-07 … 12-11.
      await moveTo(lastMinuteOf('2026-12-11'));
      expect(await detailOf(cases.deemed)).toMatchObject({ stage: 'preAcceptance', clock: { acceptedOn: null, alert: 'none' } });

      await moveTo(startOf('2026-12-12'));
      expect(await detailOf(cases.deemed)).toMatchObject({
        stage: 'review',
        clock: {
          receivedOn: '2026-12-04', acceptedOn: '2026-12-04', deemedAccepted: true, alert: 'green',
          // From the day of receipt: 10 working days is 12-18 (5 used, 5 left); 20 would be in 2027, not loaded.
          promised: { deadline: '2026-12-18', usedDays: 5, remainingDays: 5 },
          legal: { deadline: null },
        },
      });
      const timeline = await timelineOf(staff.window1, cases.deemed);
      expect(timeline.slice(-2).map((entry) => [entry.action, entry.actor.role, entry.from?.stage, entry.to.stage])).toEqual([
        ['preAccept', 'system', 'preAcceptance', 'acceptance'],
        ['accept', 'system', 'acceptance', 'review'],
      ]);
      expect(timeline.at(-1)!.comment).toMatch(/第三十二条[\s\S]*Art\. 32/);
      expect(dayOf(timeline.at(-1)!.at)).toBe('2026-12-12');
      // The acceptance notice says so: accepted by law as of the day of receipt, with the deadline the calendar knows.
      const [notice] = (await staff.window1.get(`/api/cases/${cases.deemed}/documents`)).body;
      expect(notice).toMatchObject({ kind: 'acceptance', title: '受理通知书' });
      const pdf = await fetch(`${deployment.baseUrl}/api/cases/${cases.deemed}/documents/${notice.id}/content`, { headers: { authorization: `Bearer ${applicant.client.token}` } });
      const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\n/g, '');
      for (const expected of ['于2026年12月4日提出的', '自收到申请材料之日起即为受理', '法定办结期限另行告知', '承诺于2026年12月18日前办结']) expect(text).toContain(expected);
    });

    it('turns the case red at the start of the calendar day after its promised deadline, by a second timeline entry', async () => {
      await moveTo(lastMinuteOf('2026-12-15'));
      expect(await clockOf(cases.accepted)).toMatchObject({ alert: 'yellow', promised: { usedDays: 10, remainingDays: 0, overdue: false } });
      await moveTo(startOf('2026-12-16'));
      expect(await clockOf(cases.accepted)).toMatchObject({
        alert: 'red',
        promised: { deadline: '2026-12-15', usedDays: 11, remainingDays: -1, overdue: true },
        legal: { deadline: '2026-12-29', usedDays: 11, remainingDays: 9, overdue: false },
      });
      const alerts = await entriesOf(cases.accepted, 'clock.alert');
      expect(rows(alerts)).toEqual([['clock.alert', 'system'], ['clock.alert', 'system']]);
      expect(alerts.map((entry) => dayOf(entry.at))).toEqual(['2026-12-11', '2026-12-16']);
    });

    it('accepts a supplemented case by law after its new window, as of the day the supplements were received', async () => {
      // Supplements received 12-09: the new window is 12-10, 11, 14, 15, 16.
      await moveTo(lastMinuteOf('2026-12-16'));
      expect(await clockOf(cases.supplemented)).toMatchObject({ acceptedOn: null });
      await moveTo(startOf('2026-12-17'));
      expect(await detailOf(cases.supplemented)).toMatchObject({
        stage: 'review', clock: { receivedOn: '2026-12-09', acceptedOn: '2026-12-09', deemedAccepted: true, promised: { deadline: '2026-12-23' } },
      });
      expect(rows(await entriesOf(cases.supplemented, 'accept'))).toEqual([['accept', 'system']]);
    });
  });

  describe('the end of a case (12-17 … 12-26)', () => {
    it('stops the clock when the case completes, and nothing changes it after', async () => {
      await moveTo(at('2026-12-17', '10:00:00'));
      expect(await clockOf(cases.accepted)).toMatchObject({ alert: 'red' });
      await act('reviewer1', cases.accepted, 'approve');
      await act('decider1', cases.accepted, 'grant');
      await waitForStage(staff.window1, cases.accepted, 'delivery');
      await act('window1', cases.accepted, 'deliver', handOverDetails('deliver'));
      const stopped = {
        alert: 'stopped', stoppedOn: '2026-12-17',
        promised: { deadline: '2026-12-15', usedDays: 12, remainingDays: null, overdue: true },
        legal: { deadline: '2026-12-29', usedDays: 12, remainingDays: null, overdue: false },
      };
      expect(await detailOf(cases.accepted)).toMatchObject({ stage: 'completedGranted', clock: stopped });
      const alerts = (await entriesOf(cases.accepted, 'clock.alert')).length;

      await moveTo(at('2026-12-18', '10:00:00'));
      expect(await clockOf(cases.accepted)).toMatchObject(stopped);
      expect(await entriesOf(cases.accepted, 'clock.alert')).toHaveLength(alerts);
    });

    it('gives an instant case its day of acceptance as its promised deadline', async () => {
      cases.instant = await fileCase(MATTER_OF_PROCESS.instant);
      await act('window1', cases.instant, 'grant');
      await waitForStage(staff.window1, cases.instant, 'completedGranted');
      expect(await clockOf(cases.instant)).toMatchObject({
        receivedOn: '2026-12-18', acceptedOn: '2026-12-18', deemedAccepted: false,
        promised: { limitDays: 0, deadline: '2026-12-18', overdue: false }, alert: 'stopped', stoppedOn: '2026-12-18',
      });
    });

    it('accepts an undecided instant case by law without deciding it: acceptance is deemed, a licence is not', async () => {
      cases.instantDeemed = await fileCase(MATTER_OF_PROCESS.instant);
      // Received Friday 12-18: the window is 12-21 … 12-25.
      await moveTo(lastMinuteOf('2026-12-25'));
      expect(await clockOf(cases.instantDeemed)).toMatchObject({ acceptedOn: null });
      await moveTo(startOf('2026-12-26'));
      expect(await clockOf(cases.instantDeemed)).toMatchObject({
        acceptedOn: '2026-12-18', deemedAccepted: true, promised: { limitDays: 0, deadline: '2026-12-18' },
      });
      // Art. 32 makes the application accepted; only the organ may grant or deny it (Art. 38).
      const decidedBySystem = (await timelineOf(staff.window1, cases.instantDeemed)).filter((entry) => entry.actor.role === 'system' && ['grant', 'deny', 'refuse'].includes(entry.action));
      expect(rows(decidedBySystem)).toEqual([]);
      expect((await applicant.client.get(`/api/cases/${cases.instantDeemed}/licence`)).status).toBe(404);
      expect(await detailOf(cases.instantDeemed)).toMatchObject({ status: 'open', clock: { alert: 'red', stoppedOn: null } });
    });
  });

  describe('the 2027 schedule and the extension (12-28 … 2027-01-06)', () => {
    it('gives the cases waiting for 2027 their deadlines as soon as the administrator loads it', async () => {
      await moveTo(at('2026-12-28', '09:00:00'));
      // Received Monday 12-28: the window runs into 2027, not loaded yet.
      cases.receivedLate = await fileCase();
      expect(await clockOf(cases.receivedLate)).toMatchObject({ receivedOn: '2026-12-28', acceptedOn: null });
      expect((await clockOf(cases.unloaded)).legal.deadline).toBeNull();

      expect((await staff.admin1.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦 New Year’s Day' })).status).toBe(200);
      expect((await staff.admin1.put('/api/calendar/years/2027')).status).toBe(200);
      // Accepted 12-04 (by staff, and by law): 12-07 … 12-31 are 19 working days, the 20th is Monday 2027-01-04.
      expect((await clockOf(cases.unloaded)).legal).toMatchObject({ deadline: '2027-01-04', overdue: false });
      expect((await clockOf(cases.deemed)).legal).toMatchObject({ deadline: '2027-01-04', overdue: false });
    });

    it('extends the legal deadline once by 10 working days, telling the applicant why, and refuses a second extension', async () => {
      const reason = '需补充开展草原植被现场核查，情况复杂';
      await act('reviewer1', cases.paused, 'requestExtension', { comment: '申请延期十个工作日' });
      await act('decider1', cases.paused, 'approveExtension', { comment: reason });
      // The legal deadline 12-31 (moved by the special procedure) + 10 working days: 2027-01-04 … 01-08, 01-11 … 01-15.
      expect(await clockOf(cases.paused)).toMatchObject({ extensionDays: 10, legal: { deadline: '2027-01-15', overdue: false } });
      const extensionNotices = async () => (await noticesOf(cases.paused)).filter((notice) => notice.title.includes('延长'));
      expect(await extensionNotices()).toEqual([expect.objectContaining({ title: expect.stringContaining('10 个工作日'), body: expect.stringContaining(reason) })]);

      await act('reviewer1', cases.paused, 'requestExtension', { comment: '再次申请延期' });
      const again = await staff.decider1.post(`/api/cases/${cases.paused}/actions/approveExtension`, { comment: '同意再延期' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EXTENSION_ALREADY_GRANTED');
      expect(await detailOf(cases.paused)).toMatchObject({ stage: 'extensionApproval', clock: { extensionDays: 10, legal: { deadline: '2027-01-15' } } });
      expect(await extensionNotices()).toHaveLength(1);
      await act('decider1', cases.paused, 'denyExtension');
    });

    it('accepts by law a case whose window ran into 2027, once 2027 is loaded', async () => {
      // Received 12-28: the window is 12-29, 12-30, 12-31, 2027-01-04, 01-05.
      await moveTo(lastMinuteOf('2027-01-05'));
      expect(await clockOf(cases.receivedLate)).toMatchObject({ acceptedOn: null });
      await moveTo(startOf('2027-01-06'));
      expect(await clockOf(cases.receivedLate)).toMatchObject({ acceptedOn: '2026-12-28', deemedAccepted: true });
    });
  });

  describe('the test clock itself', () => {
    it('moves only forward, and only to a time with its offset', async () => {
      const before = await api(deployment.baseUrl).get('/api/test/clock');
      expect(before.status).toBe(200);
      expect(before.body.aheadMs).toBeGreaterThan(0);
      const back = await api(deployment.baseUrl).post('/api/test/clock', { now: at('2026-12-01', '09:00:00') });
      expect(back.status).toBe(409);
      expect(back.body.code).toBe('CLOCK_BACKWARDS');
      for (const now of ['2027-02-01T09:00:00', '2027-02-01']) expect([now, (await api(deployment.baseUrl).post('/api/test/clock', { now })).status]).toEqual([now, 400]);
      const after = await api(deployment.baseUrl).get('/api/test/clock');
      expect(new Date(after.body.now).getTime() - new Date(before.body.now).getTime()).toBeLessThan(60_000);
    });

    it('does not exist in a deployment started without TONGBAN_TEST_CLOCK', async () => {
      // Server mode: another API on the same database; embedded: a fresh data folder (one process per folder).
      const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-plain-'));
      const env = mode === 'server' ? { ...deployment.env, TONGBAN_TEST_CLOCK: '' } : { TONGBAN_DATA_DIR: dataDir, DATABASE_URL: '' };
      let plain: RunningProcess | undefined;
      try {
        plain = await startApi(env);
        expect((await api(plain.baseUrl!).get('/api/test/clock')).status).toBe(404);
        expect((await api(plain.baseUrl!).post('/api/test/clock', { now: '2030-01-01T00:00:00Z' })).status).toBe(404);
      } finally {
        await plain?.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
      // It moved nothing: the test clock is where it was.
      expect(dayOf((await api(deployment.baseUrl).get('/api/test/clock')).body.now)).toBe('2027-01-06');
    });

    it('refuses to start with TONGBAN_TEST_CLOCK=1 and NODE_ENV=production', async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-production-'));
      const env = { ...(mode === 'server' ? deployment.env : { TONGBAN_DATA_DIR: dataDir, DATABASE_URL: '' }), TONGBAN_TEST_CLOCK: '1', NODE_ENV: 'production' };
      const refusal = /exited before it was ready \(code 1[\s\S]*TONGBAN_TEST_CLOCK=1 is refused with NODE_ENV=production/;
      try {
        await expect(startApi(env)).rejects.toThrow(refusal);
        if (mode === 'server') await expect(startWorker(env)).rejects.toThrow(refusal);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
});
