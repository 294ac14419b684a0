import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { eventually } from '../support/eventually.js';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.js';
import { api } from '../support/http.js';
import { PASSWORD, personBody } from '../support/identities.js';
import {
  basicInformation, type Client, deploy, type Deployment, fileSubmittedCase, grasslandMatter, loginAs, MODES, newApplicant,
} from '../support/tongban.js';

type Staff = 'window1' | 'reviewer1' | 'reviewer2' | 'supervisor1' | 'admin1';
const STAFF: Staff[] = ['window1', 'reviewer1', 'reviewer2', 'supervisor1', 'admin1'];
const MOBILE = '13912345678';
const REPLY_DAYS = 3;

/**
 * 我要问 over HTTP, in each run mode: an applicant writes consultations and complaints to a department; its
 * staff (window1 and reviewer1 of LCJ, reviewer2 of HJ) list and answer them, supervisors read every
 * complaint; the answer reaches the applicant's inbox and the gateway from a worker. Consultations are due in
 * 3 working days here (TONGBAN_CONSULTATION_REPLY_DAYS), complaints in the default 15. The product's time
 * moves forward with the test clock, so the tests run in order.
 */
describe.each(MODES)('consultations and complaints (%s mode)', (mode) => {
  let deployment: Deployment;
  let sms: TestSmsGateway;
  const staff = {} as Record<Staff, Client>;
  let applicant: { username: string; id: string; client: Client };
  let stranger: Client;
  let ownCaseId: string;
  // A: a consultation to LCJ about the applicant's case; B: a complaint to HJ; C: a consultation to HJ.
  const ids = {} as Record<'A' | 'B' | 'C', string>;

  const write = (client: Client, body: object) => client.post('/api/consultations', body);
  const question = (overrides: object = {}) => ({
    kind: 'consultation', departmentCode: 'LCJ', subject: '临时占用草原的期限', body: '请问临时占用草原最长可以多久？\n到期后能否延续？', ...overrides,
  });
  const listed = async (client: Client, query = '') => {
    const response = await client.get(`/api/consultations/received${query}`);
    expect(response.status).toBe(200);
    return response.body as { total: number; items: { id: string; status: string; dueDate: string | null; overdue: boolean }[] };
  };
  const idsIn = async (client: Client, query = '') => (await listed(client, query)).items.map((item) => item.id);
  const clockNow = async () => Date.parse((await api(deployment.baseUrl).get('/api/test/clock')).body.now);
  const shanghaiDate = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

  /** Sessions last 12 hours of the product's time: everyone logs in again after the clock moves. */
  async function loginEveryone() {
    for (const name of STAFF) staff[name] = await loginAs(deployment, name);
    applicant.client = await loginAs(deployment, applicant.username, PASSWORD);
  }

  beforeAll(async () => {
    sms = await startSmsGateway();
    deployment = await deploy(mode, {
      extraEnv: { TONGBAN_TEST_CLOCK: '1', TONGBAN_NOTIFY_WEBHOOK_URL: sms.url, TONGBAN_CONSULTATION_REPLY_DAYS: String(REPLY_DAYS) },
    });
    const person = personBody({ mobile: MOBILE });
    const registered = await api(deployment.baseUrl).post('/api/identity/register', person);
    expect(registered.status).toBe(201);
    applicant = { username: person.username, id: registered.body.id, client: undefined as never };
    await loginEveryone();
    // Due dates may fall in next year, which needs its schedule loaded (here: no holidays).
    await staff.admin1.put(`/api/calendar/years/${new Date(await clockNow()).getUTCFullYear() + 1}`, {});
    ({ client: stranger } = await newApplicant(deployment));
    ownCaseId = await fileSubmittedCase(deployment, applicant.client);
  });
  afterAll(async () => {
    await deployment?.stop();
    await sms?.close();
  });

  describe('writing', () => {
    it('refuses bad input field by field', async () => {
      const bad = await write(applicant.client, {
        kind: 'question', departmentCode: '', subject: 'x', body: '  \n ', matterId: 'grassland', caseId: 42, urgent: true,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const problems = Object.fromEntries(bad.body.details.fields.map((f: { field: string; problems: string[] }) => [f.field, f.problems.join('; ')]));
      expect(problems).toEqual({
        kind: 'kind must be one of: consultation, complaint',
        departmentCode: 'departmentCode must be longer than or equal to 1 characters',
        subject: 'subject must be longer than or equal to 2 characters',
        body: 'body must be longer than or equal to 5 characters',
        matterId: 'matterId must be the id of a matter',
        caseId: 'caseId must be the id of one of your cases',
        urgent: 'property urgent should not exist',
      });
      const tooLong = await write(applicant.client, question({ subject: '长'.repeat(101), body: '问'.repeat(2001) }));
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['subject', 'body']);
      expect((await write(applicant.client, question({ departmentCode: 'NOPE' }))).body.code).toBe('DEPARTMENT_NOT_FOUND');
      expect((await write(applicant.client, question({ matterId: '00000000-0000-4000-8000-000000000000' }))).body.code).toBe('MATTER_NOT_FOUND');
    });

    it('refuses another applicant’s case as not found, and a draft until it is submitted', async () => {
      const othersCaseId = await fileSubmittedCase(deployment, stranger);
      const others = await write(applicant.client, question({ caseId: othersCaseId }));
      expect(others.status).toBe(404);
      expect(others.body.code).toBe('CASE_NOT_FOUND');
      const draft = await applicant.client.post('/api/cases', basicInformation((await grasslandMatter(deployment)).id));
      const early = await write(applicant.client, question({ caseId: draft.body.id }));
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('CASE_NOT_SUBMITTED');
      expect((await applicant.client.get('/api/consultations/mine')).body.total).toBe(0);
    });

    it('is for applicants: staff do not write to departments here', async () => {
      const byStaff = await write(staff.window1, question());
      expect(byStaff.status).toBe(403);
      expect(byStaff.body.code).toBe('ROLE_NOT_ALLOWED');
    });

    it('writes a consultation about a matter and one’s own case, due in working days', async () => {
      const matter = await grasslandMatter(deployment);
      const today = shanghaiDate(await clockNow());
      const written = await write(applicant.client, question({ subject: '  临时占用草原的   期限 ', matterId: matter.id, caseId: ownCaseId }));
      expect(written.status).toBe(201);
      const expectedDue = (await api(deployment.baseUrl).get(`/api/calendar/add-working-days?from=${today}&days=${REPLY_DAYS}`)).body.date;
      expect(written.body).toMatchObject({
        kind: 'consultation', kindName: '咨询 Consultation', department: { code: 'LCJ' }, matter: { id: matter.id, name: matter.name },
        case: { id: ownCaseId, caseNumber: expect.any(String) }, author: { id: applicant.id, name: '张三' },
        subject: '临时占用草原的 期限', body: '请问临时占用草原最长可以多久？\n到期后能否延续？',
        status: 'open', dueDate: expectedDue, overdue: false, answer: null,
      });
      ids.A = written.body.id;
    });

    it('writes a complaint, due in 15 working days by default, and another consultation', async () => {
      const today = shanghaiDate(await clockNow());
      const complaint = await write(applicant.client, question({ kind: 'complaint', departmentCode: 'HJ', subject: '现场核查人员迟到', body: '约定九点核查，十一点才到。' }));
      expect(complaint.status).toBe(201);
      const expectedDue = (await api(deployment.baseUrl).get(`/api/calendar/add-working-days?from=${today}&days=15`)).body.date;
      expect(complaint.body).toMatchObject({ kind: 'complaint', kindName: '投诉 Complaint', department: { code: 'HJ' }, dueDate: expectedDue, matter: null, case: null });
      ids.B = complaint.body.id;
      ids.C = (await write(applicant.client, question({ departmentCode: 'HJ', subject: '环评需要哪些材料' }))).body.id;
      const mine = (await applicant.client.get('/api/consultations/mine')).body;
      expect(mine.total).toBe(3);
      expect(mine.items.map((item: { id: string }) => item.id)).toEqual([ids.C, ids.B, ids.A]);
    });
  });

  describe('who sees what', () => {
    it('lists to the department’s staff whatever their role, oldest open first, and supervisors every complaint', async () => {
      expect(await idsIn(staff.window1)).toEqual([ids.A]);
      expect(await idsIn(staff.reviewer1)).toEqual([ids.A]);
      expect(await idsIn(staff.reviewer2)).toEqual([ids.B, ids.C]);
      // The demo supervisor serves no department of its own: every complaint, and no department's consultations.
      expect(await idsIn(staff.supervisor1)).toEqual([ids.B]);
      expect(await idsIn(staff.reviewer2, '?kind=consultation')).toEqual([ids.C]);
      const page = await listed(staff.reviewer2, '?limit=1&offset=1');
      expect(page).toMatchObject({ total: 2, items: [{ id: ids.C }] });
      const bad = await staff.reviewer2.get('/api/consultations/received?status=closed&limit=0');
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'status']);
      expect((await applicant.client.get('/api/consultations/received')).status).toBe(403);
    });

    it('hides a message from other applicants and other departments: 404', async () => {
      for (const client of [stranger, staff.reviewer2]) {
        const read = await client.get(`/api/consultations/${ids.A}`);
        expect(read.status).toBe(404);
        expect(read.body.code).toBe('CONSULTATION_NOT_FOUND');
        expect((await client.post(`/api/consultations/${ids.A}/answer`, { answer: '答复内容' })).status).toBe(404);
      }
      expect((await staff.window1.get(`/api/consultations/${ids.C}`)).status).toBe(404);
      expect((await stranger.get('/api/consultations/mine')).body).toEqual({ total: 0, items: [] });
      expect((await stranger.get('/api/consultations/not-a-uuid')).body.details.fields[0].field).toBe('consultationId');
    });

    it('lets supervisors read complaints but not answer them for the department, nor the author answer', async () => {
      expect((await staff.supervisor1.get(`/api/consultations/${ids.B}`)).body).toMatchObject({ id: ids.B, kind: 'complaint' });
      const bySupervisor = await staff.supervisor1.post(`/api/consultations/${ids.B}/answer`, { answer: '已督办' });
      expect(bySupervisor.status).toBe(403);
      expect(bySupervisor.body.code).toBe('DEPARTMENT_NOT_ALLOWED');
      expect((await staff.supervisor1.get(`/api/consultations/${ids.C}`)).status).toBe(404);
      expect((await applicant.client.post(`/api/consultations/${ids.A}/answer`, { answer: '我自己答' })).status).toBe(403);
    });
  });

  describe('answering', () => {
    const answer = '临时占用草原的期限一般不超过二年。\n期满前可申请延续一次。';

    it('refuses an empty answer, field by field', async () => {
      const empty = await staff.window1.post(`/api/consultations/${ids.A}/answer`, { answer: ' \n ', by: 'me' });
      expect(empty.status).toBe(400);
      expect(empty.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['answer', 'by']);
    });

    it('answers once, with who answered and when', async () => {
      const answered = await staff.window1.post(`/api/consultations/${ids.A}/answer`, { answer });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ status: 'answered', answer: { text: answer, by: { name: '窗口受理员 刘敏' }, at: expect.any(String) }, overdue: false });
      const again = await staff.reviewer1.post(`/api/consultations/${ids.A}/answer`, { answer: '再答一次' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONSULTATION_ANSWERED');
      expect((await applicant.client.get(`/api/consultations/${ids.A}`)).body.answer).toMatchObject({ text: answer, by: { name: '窗口受理员 刘敏' } });
      expect(await idsIn(staff.window1, '?status=open')).toEqual([]);
      expect(await idsIn(staff.window1, '?status=answered')).toEqual([ids.A]);
      expect((await applicant.client.get('/api/consultations/mine?status=answered')).body.items.map((i: { id: string }) => i.id)).toEqual([ids.A]);
    });

    it('tells the applicant in the inbox and through the gateway, from a worker', async () => {
      const inbox = await eventually(
        async () => (await applicant.client.get('/api/notifications')).body as { dedupeKey: string; title: string; body: string; caseId: string | null }[],
        (found) => found.some((n) => n.dedupeKey === `consultation-answer:${ids.A}`),
      );
      const notice = inbox.find((n) => n.dedupeKey === `consultation-answer:${ids.A}`);
      expect(notice).toMatchObject({ title: '您的咨询已答复 Consultation answered：临时占用草原的 期限', caseId: ownCaseId });
      expect(notice!.body).toContain(answer);
      const sent = await eventually(() => sms.received.filter((m) => m.userId === applicant.id && m.title.startsWith('您的咨询')), (found) => found.length > 0);
      expect(sent).toEqual([expect.objectContaining({ phone: MOBILE, body: notice!.body })]);
    });
  });

  describe('the reply period', () => {
    it('shows an open consultation as overdue once its due date has passed, and an answer after it as late', async () => {
      await api(deployment.baseUrl).post('/api/test/clock', { now: new Date((await clockNow()) + 10 * 86_400_000).toISOString() });
      await loginEveryone();
      const items = (await listed(staff.reviewer2)).items;
      expect(items.map((item) => [item.id, item.overdue])).toEqual([[ids.B, false], [ids.C, true]]);
      expect(shanghaiDate(await clockNow()) > items[1].dueDate!).toBe(true);
      // Answered on time stays on time.
      expect((await applicant.client.get(`/api/consultations/${ids.A}`)).body.overdue).toBe(false);
      const late = await staff.reviewer2.post(`/api/consultations/${ids.C}/answer`, { answer: '需要环境影响报告表。' });
      expect(late.body).toMatchObject({ status: 'answered', overdue: true });
    });
  });

  // The trail itself, read from the database: server mode's is reachable from here.
  describe('the audit trail', () => {
    (mode === 'server' ? it : it.skip)('audits every creation and answer, outside any case’s timeline', async () => {
      const db = new pg.Client({ connectionString: deployment.env.DATABASE_URL });
      await db.connect();
      try {
        const { rows } = await db.query(
          `SELECT action, actor_id, case_id, details FROM audit_entries WHERE details ->> 'consultationId' = ANY($1) ORDER BY id`,
          [Object.values(ids)],
        );
        expect(rows.map((row) => [row.action, row.details.consultationId])).toEqual([
          ['consultation.created', ids.A], ['consultation.created', ids.B], ['consultation.created', ids.C],
          ['consultation.answered', ids.A], ['consultation.answered', ids.C],
        ]);
        expect(rows.every((row) => row.case_id === null)).toBe(true);
        expect(rows.slice(3).map((row) => row.details.late)).toEqual([false, true]);
        expect(rows[0].actor_id).toBe(applicant.id);
      } finally {
        await db.end();
      }
    });
  });
});
