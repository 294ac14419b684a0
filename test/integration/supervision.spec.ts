import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MATTER_OF_PROCESS, matterByCode, MODES, newApplicant, timelineOf,
} from '../support/tongban.js';

type Staff = 'window1' | 'reviewer1' | 'reviewer2' | 'decider1' | 'supervisor1' | 'admin1';
const STAFF: Staff[] = ['window1', 'reviewer1', 'reviewer2', 'decider1', 'supervisor1', 'admin1'];
type CaseName = 'dueMid' | 'dueLater' | 'fresh' | 'commitment' | 'unaccepted' | 'withdrawn';

interface BoardItem {
  caseId: string;
  caseNumber: string;
  departmentCode: string;
  stage: string;
  legalStage: string | null;
  alert: string;
  promisedDeadline: string | null;
  workingDaysLeft: number;
  holder: { id: string; name: string } | null;
  urgeCount: number;
  lastUrgedAt: string | null;
  movedSinceUrge: boolean | null;
}
interface Board {
  items: BoardItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: { green: number; yellow: number; red: number };
}

const at = (day: string, time: string) => `${day}T${time}+08:00`;

/**
 * 电子监察 over HTTP in each run mode: the supervisors' board against cases placed at known points of their
 * legal clock by the test clock, its filters, paging and counts, and urging (督办) with its notices, timeline
 * entry and what the board then shows. LCJ-XK-001 promises 10 working days and shows yellow from the 3rd-last.
 * December 2026 has no holiday:
 *
 *   Dec 2026   Mo Tu We Th Fr Sa Su
 *                  1  2  3  4  5  6
 *               7  8  9 10 11 12 13
 *              14 15 16 17 18 19 20
 *              21 22 23 24 25 26 27
 *              28 29 30 31
 */
describe.each(MODES)('electronic supervision (%s mode)', (mode) => {
  let deployment: Deployment;
  const staff = {} as Record<Staff, Client>;
  const ids = {} as Record<Staff, string>;
  let applicant: { username: string; client: Client };
  const cases = {} as Record<CaseName, string>;

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1', TONGBAN_TIMER_SWEEP_MS: '1000' } });
    applicant = await newApplicant(deployment);
    await logInAgain();
    for (const name of STAFF) ids[name] = (await staff[name].get('/api/identity/me')).body.id;
  });
  afterAll(() => deployment?.stop());

  /** Sessions last 12 hours of the product's time: everyone logs in again once the clock has moved. */
  async function logInAgain(): Promise<void> {
    for (const name of STAFF) staff[name] = await loginAs(deployment, name);
    applicant.client = await loginAs(deployment, applicant.username, 'Grassland-2026');
  }

  async function moveTo(now: string): Promise<void> {
    const moved = await api(deployment.baseUrl).post('/api/test/clock', { now });
    if (moved.status !== 200) throw new Error(`moving the clock to ${now}: ${moved.status} ${JSON.stringify(moved.body)}`);
    await logInAgain();
  }

  async function act(who: Staff, caseId: string, action: string, body: object = {}) {
    const response = await staff[who].post(`/api/cases/${caseId}/actions/${action}`, body);
    if (response.status !== 200) throw new Error(`${who} ${action} on ${caseId}: ${response.status} ${JSON.stringify(response.body)}`);
  }

  const fileAndAccept = async (matterCode?: string) => {
    const caseId = await fileSubmittedCase(deployment, applicant.client, matterCode);
    if (!matterCode) await act('window1', caseId, 'preAccept');
    await act('window1', caseId, 'accept');
    return caseId;
  };

  async function board(query = '', who: Staff = 'supervisor1'): Promise<Board> {
    const response = await staff[who].get<Board>(`/api/supervision/board${query}`);
    if (response.status !== 200) throw new Error(`board${query}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const caseIds = (found: Board) => found.items.map((item) => item.caseId);
  const itemOf = async (caseId: string, query = '') => (await board(query)).items.find((item) => item.caseId === caseId);
  const inboxOf = async (who: Staff) => (await staff[who].get<{ caseId: string; title: string; body: string }[]>('/api/notifications')).body;

  describe('the board by the clock', () => {
    it('shows an accepted case green with its working days left, and not a closed one (12-01 … 12-03)', async () => {
      await moveTo(at('2026-12-01', '09:00:00'));
      cases.dueMid = await fileAndAccept();
      cases.withdrawn = await fileAndAccept();
      expect((await applicant.client.post(`/api/cases/${cases.withdrawn}/withdrawal`, { reason: '项目取消' })).status).toBe(200);
      // Accepted Tuesday 12-01: promised by 12-15, ten working days left.
      expect(await board()).toMatchObject({
        items: [{ caseId: cases.dueMid, alert: 'green', promisedDeadline: '2026-12-15', workingDaysLeft: 10, departmentCode: 'LCJ', legalStage: 'review', stage: 'review' }],
        total: 1, page: 1, pageSize: 20, counts: { green: 1, yellow: 0, red: 0 },
      });
      await moveTo(at('2026-12-03', '10:00:00'));
      cases.dueLater = await fileAndAccept(); // promised by 12-17
    });

    it('turns a case yellow on the 3rd-last working day before its promised deadline (12-11)', async () => {
      await moveTo(at('2026-12-11', '10:00:00'));
      const found = await board();
      expect(found.items).toEqual([
        expect.objectContaining({ caseId: cases.dueMid, alert: 'yellow', workingDaysLeft: 2 }),
        expect.objectContaining({ caseId: cases.dueLater, alert: 'green', workingDaysLeft: 4, promisedDeadline: '2026-12-17' }),
      ]);
      expect(found.counts).toEqual({ green: 1, yellow: 1, red: 0 });
    });

    it('turns it red the day after, with the working days overdue, most urgent first (12-16)', async () => {
      await moveTo(at('2026-12-16', '10:00:00'));
      cases.fresh = await fileAndAccept(); // promised by 12-30
      cases.commitment = await fileAndAccept(MATTER_OF_PROCESS['notification-commitment']);
      // Received, not yet accepted: its clock does not run (it would be accepted by law after 5 working days, 12-24).
      cases.unaccepted = await fileSubmittedCase(deployment, applicant.client);
      const found = await board();
      expect(caseIds(found)).not.toContain(cases.unaccepted);
      expect(found.counts).toEqual({ green: 2, yellow: 1, red: 1 });
      expect(found.total).toBe(4);
      expect(found.items.slice(0, 3)).toEqual([
        expect.objectContaining({ caseId: cases.dueMid, alert: 'red', workingDaysLeft: -1, holder: null, urgeCount: 0, lastUrgedAt: null, movedSinceUrge: null }),
        expect.objectContaining({ caseId: cases.dueLater, alert: 'yellow', workingDaysLeft: 1 }),
        expect.objectContaining({ alert: 'green' }),
      ]);
      const greens = found.items.filter((item) => item.alert === 'green');
      expect(greens.map((item) => item.caseId).sort()).toEqual([cases.fresh, cases.commitment].sort());
      expect(greens[0].workingDaysLeft).toBeLessThanOrEqual(greens[1].workingDaysLeft);
      expect(found.items.find((item) => item.caseId === cases.fresh)).toMatchObject({ promisedDeadline: '2026-12-30', workingDaysLeft: 10 });
      expect(found.items.find((item) => item.caseId === cases.commitment)).toMatchObject({ departmentCode: 'SCJG', legalStage: 'handling', stage: 'inspection' });
    });
  });

  describe('filters, paging and who may look', () => {
    it('filters by colour (repeated or comma-separated), keeping the counts of the other filters', async () => {
      expect(caseIds(await board('?alert=red'))).toEqual([cases.dueMid]);
      expect(await board('?alert=red,red&alert=red')).toMatchObject({ total: 1, items: [{ caseId: cases.dueMid }] });
      const redOrYellow = await board('?alert=red,yellow');
      expect(caseIds(redOrYellow)).toEqual([cases.dueMid, cases.dueLater]);
      expect(redOrYellow).toMatchObject({ total: 2, counts: { green: 2, yellow: 1, red: 1 } });
      const redAndGreen = await board('?alert=red&alert=green');
      expect(redAndGreen.total).toBe(3);
      expect(caseIds(redAndGreen)[0]).toBe(cases.dueMid);
      expect(caseIds(redAndGreen)).not.toContain(cases.dueLater);
    });

    it('filters by department, matter and stage of the to-do list', async () => {
      const forestry = await board('?department=LCJ');
      expect(caseIds(forestry)).toEqual([cases.dueMid, cases.dueLater, cases.fresh]);
      expect(forestry.counts).toEqual({ green: 1, yellow: 1, red: 1 });
      expect(caseIds(await board('?department=scjg'))).toEqual([cases.commitment]);
      expect(await board('?department=NOSUCH')).toMatchObject({ items: [], total: 0, counts: { green: 0, yellow: 0, red: 0 } });
      const commitmentMatter = await matterByCode(deployment, MATTER_OF_PROCESS['notification-commitment']);
      expect(caseIds(await board(`?matterId=${commitmentMatter.id}`))).toEqual([cases.commitment]);
      expect(caseIds(await board('?legalStage=handling'))).toEqual([cases.commitment]);
      expect(caseIds(await board('?legalStage=review&alert=green'))).toEqual([cases.fresh]);
      expect((await board('?legalStage=decision')).total).toBe(0);
    });

    it('pages through the same order, and answers a page past the end with no items', async () => {
      const all = caseIds(await board());
      const pages: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const one = await board(`?pageSize=1&page=${page}`);
        expect(one).toMatchObject({ page, pageSize: 1, total: 4 });
        pages.push(...caseIds(one));
      }
      expect(pages).toEqual(all);
      expect(caseIds(await board('?pageSize=3&page=2'))).toEqual(all.slice(3));
      expect(await board('?pageSize=3&page=3')).toMatchObject({ items: [], total: 4, page: 3 });
    });

    it('is for supervisors and administrators only', async () => {
      expect((await board('', 'admin1')).total).toBe(4);
      for (const who of ['window1', 'reviewer1'] as const) {
        const refused = await staff[who].get('/api/supervision/board');
        expect(refused).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
      }
      expect((await applicant.client.get('/api/supervision/board')).status).toBe(403);
      expect((await api(deployment.baseUrl).get('/api/supervision/board')).status).toBe(401);
    });

    it.each([
      ['alert=purple', ['alert']],
      ['alert=red,blue', ['alert']],
      ['page=0', ['page']],
      ['pageSize=0', ['pageSize']],
      ['pageSize=101', ['pageSize']],
      ['pageSize=ten', ['pageSize']],
      ['urged=yes', ['urged']],
      ['legalStage=triage', ['legalStage']],
      ['matterId=42', ['matterId']],
      ['department=%25', ['department']],
      ['colour=red', ['colour']],
      ['page=0&pageSize=1000&urged=maybe&matterId=x', ['matterId', 'page', 'pageSize', 'urged']],
    ])('refuses ?%s field by field', async (query, fields) => {
      const refused = await staff.supervisor1.get(`/api/supervision/board?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(fields);
    });
  });

  describe('urging (督办)', () => {
    it('lets administrators make an active member of a department’s staff its head, and no one else', async () => {
      const setHead = (headId: unknown) => staff.admin1.put('/api/admin/departments/LCJ', { headId });
      for (const headId of [ids.supervisor1, ids.reviewer2, randomUUID()]) {
        const refused = await setHead(headId);
        expect(refused).toMatchObject({ status: 422, body: { code: 'DEPARTMENT_HEAD_NOT_STAFF', details: { fields: [{ field: 'headId' }] } } });
      }
      expect((await setHead('someone')).body.details.fields).toEqual([expect.objectContaining({ field: 'headId' })]);
      expect((await staff.window1.put('/api/admin/departments/LCJ', { headId: ids.decider1 })).status).toBe(403);
      const set = await setHead(ids.decider1);
      expect(set).toMatchObject({ status: 200, body: { code: 'LCJ', head: { id: ids.decider1, name: '审批负责人 高峰' } } });
      expect((await staff.admin1.get('/api/admin/departments/LCJ/history')).body[0]).toMatchObject({
        action: 'department.updated', details: { changes: { headId: { from: null, to: ids.decider1 } } },
      });
    });

    it('tells the holder and the department head, and puts the urge on the case’s timeline', async () => {
      const [task] = (await staff.reviewer1.get(`/api/cases/${cases.dueMid}`)).body.openTasks;
      expect((await staff.reviewer1.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
      const note = '已超承诺时限，请今日内提出审查意见';
      const urged = await staff.supervisor1.post(`/api/cases/${cases.dueMid}/urges`, { note, commandId: 'urge-due-mid-1' });
      expect(urged).toMatchObject({ status: 201, body: { id: expect.any(String), caseId: cases.dueMid, note, urgedBy: { id: ids.supervisor1, name: '电子监察员 孙丽' }, urgedAt: expect.any(String) } });
      // Sent again with the same command id: the same urge, nobody told twice.
      const again = await staff.supervisor1.post(`/api/cases/${cases.dueMid}/urges`, { note, commandId: 'urge-due-mid-1' });
      expect(again).toMatchObject({ status: 201, body: { id: urged.body.id } });

      for (const who of ['reviewer1', 'decider1'] as const) {
        const notices = await eventually(async () => (await inboxOf(who)).filter((notice) => notice.caseId === cases.dueMid), (found) => found.length > 0);
        expect(notices).toEqual([expect.objectContaining({ title: expect.stringContaining('督办'), body: expect.stringContaining(note) })]);
      }
      expect((await inboxOf('window1')).filter((notice) => notice.caseId === cases.dueMid)).toEqual([]);
      const timeline = await timelineOf(staff.reviewer1, cases.dueMid);
      expect(timeline.filter((entry) => entry.action === 'case.urged')).toEqual([
        expect.objectContaining({ actor: { id: ids.supervisor1, name: '电子监察员 孙丽', role: 'supervisor' }, comment: note, from: expect.objectContaining({ stage: 'review' }) }),
      ]);
      // Whoever may see the case sees its urges.
      for (const client of [staff.reviewer1, applicant.client, staff.supervisor1]) {
        expect((await client.get(`/api/cases/${cases.dueMid}/urges`)).body).toEqual([expect.objectContaining({ id: urged.body.id, note })]);
      }
      const stranger = await newApplicant(deployment);
      expect((await stranger.client.get(`/api/cases/${cases.dueMid}/urges`)).status).toBe(404);
    });

    it('shows the case urged, with its holder, and not moved until the holder acts', async () => {
      expect(caseIds(await board('?urged=true'))).toEqual([cases.dueMid]);
      expect(caseIds(await board('?urged=false'))).not.toContain(cases.dueMid);
      expect((await board('?urged=false')).counts).toEqual({ green: 2, yellow: 1, red: 0 });
      const urged = await itemOf(cases.dueMid);
      expect(urged).toMatchObject({ urgeCount: 1, lastUrgedAt: expect.any(String), movedSinceUrge: false, holder: { id: ids.reviewer1, name: '审查员 陈刚' } });
      expect(new Date(urged!.lastUrgedAt!).toISOString()).toBe(urged!.lastUrgedAt);

      await act('reviewer1', cases.dueMid, 'approve', { comment: '审查通过' });
      expect(await itemOf(cases.dueMid)).toMatchObject({ stage: 'decision', legalStage: 'decision', movedSinceUrge: true, urgeCount: 1, holder: null });
      expect(caseIds(await board('?legalStage=decision&urged=true'))).toEqual([cases.dueMid]);
    });

    it('tells the head alone when nobody holds the open task', async () => {
      const urged = await staff.supervisor1.post(`/api/cases/${cases.dueLater}/urges`, { note: '请尽快签收办理' });
      expect(urged.status).toBe(201);
      await eventually(async () => (await inboxOf('decider1')).filter((notice) => notice.caseId === cases.dueLater), (found) => found.length === 1);
      expect((await inboxOf('reviewer1')).filter((notice) => notice.caseId === cases.dueLater)).toEqual([]);
      expect(await itemOf(cases.dueLater)).toMatchObject({ urgeCount: 1, movedSinceUrge: false });
    });

    it('refuses to urge a closed case, a case that does not exist, a bad note, or as anyone but a supervisor', async () => {
      const closed = await staff.supervisor1.post(`/api/cases/${cases.withdrawn}/urges`, { note: '请说明情况' });
      expect(closed).toMatchObject({ status: 409, body: { code: 'CASE_CLOSED' } });
      expect((await staff.supervisor1.post(`/api/cases/${randomUUID()}/urges`, { note: '请说明情况' })).status).toBe(404);
      for (const path of ['/api/cases/not-a-case/urges', '/api/cases/42/urges']) {
        expect((await staff.supervisor1.post(path, { note: '请说明情况' })).body.details.fields).toEqual([expect.objectContaining({ field: 'caseId' })]);
        expect((await staff.supervisor1.get(path)).body.details.fields).toEqual([expect.objectContaining({ field: 'caseId' })]);
      }
      for (const note of ['', '   ', 'x'.repeat(501), 42]) {
        const refused = await staff.supervisor1.post(`/api/cases/${cases.fresh}/urges`, { note });
        expect(refused.status).toBe(400);
        expect(refused.body.details.fields).toEqual([expect.objectContaining({ field: 'note' })]);
      }
      const otherCase = await staff.supervisor1.post(`/api/cases/${cases.fresh}/urges`, { note: '请说明情况', commandId: 'urge-due-mid-1' });
      expect(otherCase).toMatchObject({ status: 409, body: { code: 'COMMAND_ID_REUSED' } });
      for (const who of ['window1', 'admin1', 'reviewer1'] as const) {
        expect((await staff[who].post(`/api/cases/${cases.fresh}/urges`, { note: '请说明情况' })).status).toBe(403);
      }
      expect((await staff.supervisor1.get(`/api/cases/${cases.fresh}/urges`)).body).toEqual([]);
      expect((await itemOf(cases.fresh))?.urgeCount).toBe(0);
    });
  });
});
