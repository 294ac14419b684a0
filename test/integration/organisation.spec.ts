import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import { unique } from '../support/identities.js';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.js';
import { newStaff as createStaff, type NewStaff, STAFF_PASSWORD } from '../support/staff.js';
import {
  type Client, clientOf, deploy, type Deployment, fileSubmittedCase, loginAs, MATTER_OF_PROCESS, MODES, newApplicant,
} from '../support/tongban.js';

/*
 * The centre's organisation over HTTP, in each run mode: administrators create and edit departments (levels,
 * parents) and staff accounts (no password: the person sets it with a one-time token), change their roles and
 * departments and disable them; staff see and act on the cases of their departments only. The product's time is
 * moved with the test clock at the very end only (it ends every session), so the tests below run in order.
 */

interface Todo {
  items: { taskId: string; caseId: string; stage: string; department: string }[];
}

const fieldsOf = (body: any): string[] => body.details.fields.map((f: { field: string }) => f.field).sort();
const problemsOf = (body: any, field: string): string[] => body.details.fields.find((f: { field: string }) => f.field === field)?.problems ?? [];

describe.each(MODES)('departments, staff accounts and department scoping (%s mode)', (mode) => {
  let deployment: Deployment;
  let sms: TestSmsGateway;
  let admin: Client;
  let applicant: Client;
  let forestryCase: string; // LCJ, waiting at pre-acceptance
  let marketCase: string; // SCJG, waiting at acceptance
  const anonymous = () => api(deployment.baseUrl);
  const login = (username: string, password = STAFF_PASSWORD) => anonymous().post('/api/identity/login', { username, password });
  const eventsOf = async (username: string) => (await admin.get(`/api/identity/security-log?username=${encodeURIComponent(username)}`)).body as { action: string; details: any }[];
  const todo = async (client: Client) => (await client.get<Todo>('/api/tasks?limit=200')).body.items;
  const stagesOf = async (client: Client, caseId: string) => (await todo(client)).filter((item) => item.caseId === caseId).map((item) => item.stage);

  const newStaff = (roles: string[], departmentCodes: string[]) => createStaff(deployment, admin, roles, departmentCodes);

  beforeAll(async () => {
    sms = await startSmsGateway();
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1', TONGBAN_NOTIFY_WEBHOOK_URL: sms.url } });
    admin = await loginAs(deployment, 'admin1');
    ({ client: applicant } = await newApplicant(deployment));
    forestryCase = await fileSubmittedCase(deployment, applicant, MATTER_OF_PROCESS['standard-licensing']);
    marketCase = await fileSubmittedCase(deployment, applicant, MATTER_OF_PROCESS['notification-commitment']);
  });
  afterAll(async () => {
    await deployment?.stop();
    await sms?.close();
  });

  describe('departments', () => {
    it('lists the departments with their level, the department above, and how many staff and matters each has', async () => {
      const list = await admin.get('/api/admin/departments');
      expect(list.status).toBe(200);
      expect(list.body.map((d: { code: string }) => d.code)).toEqual(['HJ', 'LCJ', 'SCJG', 'ZRZY']);
      // The demo's forestry department: window1, window2, reviewer1 and decider1 serve it.
      expect(list.body[1]).toMatchObject({ code: 'LCJ', level: 'city', levelName: '市级 City', parent: null, staffCount: 4, matterCount: 1 });
    });

    it('creates a province department, puts a city one under it and a county one under that, each change audited', async () => {
      const province = await admin.post('/api/admin/departments', { code: 'nm-lcj', name: '  自治区林业和草原局  ', level: 'province' });
      expect(province.status).toBe(201);
      expect(province.body).toMatchObject({ code: 'NM-LCJ', name: '自治区林业和草原局', level: 'province', parent: null, staffCount: 0, matterCount: 0 });

      const moved = await admin.put('/api/admin/departments/LCJ', { parentCode: 'NM-LCJ' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ code: 'LCJ', level: 'city', parent: { code: 'NM-LCJ', name: '自治区林业和草原局' } });
      const county = await admin.post('/api/admin/departments', { code: 'XL-LCJ', name: '锡林浩特市林草局', level: 'county', parentCode: 'LCJ' });
      expect(county.status).toBe(201);
      expect(county.body.parent).toEqual({ code: 'LCJ', name: '市林业和草原局 Forestry and Grassland Bureau' });

      const renamed = await admin.put('/api/admin/departments/XL-LCJ', { name: '锡林浩特市林业和草原局' });
      expect(renamed.body.name).toBe('锡林浩特市林业和草原局');
      const history = await admin.get('/api/admin/departments/XL-LCJ/history');
      expect(history.body.map((e: { action: string }) => e.action)).toEqual(['department.updated', 'department.created']);
      expect(history.body[0]).toMatchObject({
        actor: { name: '系统管理员 吴昊' }, details: { code: 'XL-LCJ', changes: { name: { from: '锡林浩特市林草局', to: '锡林浩特市林业和草原局' } } },
      });
      // The same values again change nothing, and are not audited.
      expect((await admin.put('/api/admin/departments/XL-LCJ', { name: '锡林浩特市林业和草原局', level: 'county' })).status).toBe(200);
      expect((await admin.get('/api/admin/departments/XL-LCJ/history')).body).toHaveLength(2);
      // The public catalogue lists it at once.
      expect((await anonymous().get('/api/departments')).body.map((d: { code: string }) => d.code)).toContain('XL-LCJ');
    });

    it('refuses bad departments field by field', async () => {
      const bad = await admin.post('/api/admin/departments', { code: 'a b', name: ' ', level: 'town', extra: 1 });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['code', 'extra', 'level', 'name']);
      expect(problemsOf(bad.body, 'level')).toEqual(['level must be one of: province (省级), city (市级), county (县级)']);

      const refused = async (body: object, field: string, problem: RegExp, path = '/api/admin/departments', put = false) => {
        const response = put ? await admin.put(path, body) : await admin.post(path, body);
        expect({ status: response.status, fields: fieldsOf(response.body) }).toEqual({ status: 400, fields: [field] });
        expect(problemsOf(response.body, field)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
      };
      await refused({ code: 'WJW', name: '卫健委', level: 'city', parentCode: 'NOPE' }, 'parentCode', /^parentCode NOPE is not the code of a department$/);
      await refused({ code: 'WJW', name: '卫健委', level: 'city', parentCode: 'XL-LCJ' }, 'parentCode', /higher level than city: XL-LCJ is county/);
      await refused({ parentCode: 'LCJ' }, 'parentCode', /must not be the department itself/, '/api/admin/departments/LCJ', true);
      await refused({ level: 'county' }, 'level', /higher than the departments under LCJ: XL-LCJ \(county\)/, '/api/admin/departments/LCJ', true);
      await refused({ code: 'LCJ2' }, 'code', /^code cannot be changed/, '/api/admin/departments/LCJ', true);
      await refused({ name: null }, 'name', /^name must be a string/, '/api/admin/departments/LCJ', true);

      const taken = await admin.post('/api/admin/departments', { code: 'lcj', name: '重复', level: 'city' });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'DEPARTMENT_CODE_TAKEN', details: { fields: [{ field: 'code' }] } });
      expect((await admin.put('/api/admin/departments/NOPE', { name: '不存在' })).status).toBe(404);
      expect((await admin.get('/api/admin/departments/LCJ')).body).toMatchObject({ level: 'city', parent: { code: 'NM-LCJ' } });
    });
  });

  describe('staff accounts', () => {
    it('creates an account without a password: the one-time setup token sets it, under the password policy', async () => {
      const username = `clerk-${unique()}`;
      const created = await admin.post('/api/admin/staff', {
        username, displayName: '综合窗口受理员 李娜', roles: ['window_staff'], departmentCodes: ['scjg', 'LCJ'], mobile: '13900000001',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username, roles: ['window_staff'], departmentCodes: ['LCJ', 'SCJG'], status: 'pending', mobile: '13900000001', passwordChangedAt: null,
        passwordSetup: { token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String), use: 'POST /api/identity/password-setup' },
      });
      const { token, expiresAt } = created.body.passwordSetup;
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(71 * 3600_000);
      // It also went to the person's mobile.
      const sent = await eventually(() => sms.received.filter((m) => m.userId === created.body.id), (found) => found.length > 0);
      expect(sent).toEqual([expect.objectContaining({ phone: '13900000001', body: expect.stringContaining(token) })]);

      // No password works before one is set, not even an empty one.
      expect((await login(username, STAFF_PASSWORD)).status).toBe(401);
      const weak = await anonymous().post('/api/identity/password-setup', { token, newPassword: 'password' });
      expect(weak.status).toBe(400);
      expect(fieldsOf(weak.body)).toEqual(['newPassword']);
      const withName = await anonymous().post('/api/identity/password-setup', { token, newPassword: `${username}-X1` });
      expect(problemsOf(withName.body, 'newPassword')).toEqual(['newPassword must not contain the username']);
      // A reset token's endpoint does not take it.
      expect((await anonymous().post('/api/identity/password-reset/confirm', { token, newPassword: STAFF_PASSWORD })).status).toBe(400);

      expect((await anonymous().post('/api/identity/password-setup', { token, newPassword: STAFF_PASSWORD })).status).toBe(204);
      const again = await anonymous().post('/api/identity/password-setup', { token, newPassword: 'Another-Desk-2026' });
      expect(again.status).toBe(400);
      expect(problemsOf(again.body, 'token')).toEqual(['token has already been used: each password setup token works once']);

      const session = await login(username);
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ roles: ['window_staff'], departmentCodes: ['LCJ', 'SCJG'], organisationId: null });
      expect((await admin.get(`/api/admin/staff/${created.body.id}`)).body).toMatchObject({ status: 'active', passwordChangedAt: expect.any(String) });
      expect((await eventsOf(username)).map((e) => e.action)).toEqual(expect.arrayContaining(['identity.staff_created', 'identity.password_set']));
      // Its password is set: a new setup token is refused (the person resets a forgotten one themselves).
      expect((await admin.post(`/api/admin/staff/${created.body.id}/password-setup`)).body.code).toBe('PASSWORD_ALREADY_SET');
    });

    it('refuses bad staff accounts field by field', async () => {
      const bad = await admin.post('/api/admin/staff', { username: 'a', displayName: '', roles: ['applicant', 'applicant'], departmentCodes: 'LCJ', password: 'x' });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['departmentCodes', 'displayName', 'password', 'roles', 'username']);

      const unknown = await admin.post('/api/admin/staff', { username: `s-${unique()}`, displayName: '李娜', roles: ['reviewer'], departmentCodes: ['NOPE', 'LCJ'] });
      expect(unknown.status).toBe(400);
      expect(problemsOf(unknown.body, 'departmentCodes')).toEqual(['departmentCodes names no department with the code NOPE']);
      const none = await admin.post('/api/admin/staff', { username: `s-${unique()}`, displayName: '李娜', roles: ['decider', 'supervisor'], departmentCodes: [] });
      expect(problemsOf(none.body, 'departmentCodes')).toEqual([expect.stringMatching(/^departmentCodes must name at least one department for the role decider/)]);
      const taken = await admin.post('/api/admin/staff', { username: 'window1', displayName: '李娜', roles: ['supervisor'], departmentCodes: [] });
      expect(taken).toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });

      const window1 = (await admin.get('/api/admin/staff?role=window_staff&department=SCJG')).body.items.find((s: { username: string }) => s.username === 'window1');
      expect(window1).toMatchObject({ departmentCodes: ['LCJ', 'SCJG', 'ZRZY'], status: 'active' });
      const rename = await admin.put(`/api/admin/staff/${window1.id}`, { username: 'window9' });
      expect(problemsOf(rename.body, 'username')).toEqual([expect.stringMatching(/^username cannot be changed/)]);
      expect((await admin.get(`/api/admin/staff/${randomUUID()}`)).status).toBe(404);
      // An applicant's account is not a staff account.
      const applicantId = (await applicant.get('/api/identity/me')).body.id;
      expect((await admin.get(`/api/admin/staff/${applicantId}`)).body.code).toBe('STAFF_NOT_FOUND');
      expect((await admin.get('/api/admin/staff?status=asleep')).status).toBe(400);
    });

    it('keeps an administrator from disabling their own account or taking their own administrator role away', async () => {
      const me = (await admin.get('/api/identity/me')).body.id;
      expect((await admin.post(`/api/admin/staff/${me}/disable`, { reason: '测试' })).body.code).toBe('OWN_ACCOUNT');
      expect((await admin.put(`/api/admin/staff/${me}`, { roles: ['supervisor'] })).body.code).toBe('OWN_ACCOUNT');
      expect((await admin.get('/api/identity/me')).body.roles).toEqual(['administrator']);
    });
  });

  describe('who sees and acts on which cases', () => {
    let market: NewStaff; // a window clerk of market regulation (SCJG) only

    beforeAll(async () => {
      market = await newStaff(['window_staff'], ['SCJG']);
    });

    const CASE_READS = ['', '/timeline', '/position', '/materials', '/material-checklist', '/supplementation-notices', '/documents', '/receipt', '/licence', '/rating'];

    it("answers another department's case 404 on every case endpoint, as if it did not exist, and its own as usual", async () => {
      for (const path of CASE_READS) {
        const other = await market.client.get(`/api/cases/${forestryCase}${path}`);
        expect({ path, status: other.status, code: other.body.code }).toEqual({ path, status: 404, code: 'CASE_NOT_FOUND' });
        const own = await market.client.get(`/api/cases/${marketCase}${path}`);
        expect({ path, code: own.body.code }).not.toEqual({ path, code: 'CASE_NOT_FOUND' });
      }
      const [material] = (await applicant.get(`/api/cases/${forestryCase}/materials`)).body;
      expect((await market.client.get(`/api/cases/${forestryCase}/materials/${material.id}/content`)).status).toBe(404);
      // The same for staff of other departments and roles: an environment reviewer, a designer who serves none.
      for (const name of ['reviewer2', 'designer1']) {
        expect((await (await loginAs(deployment, name)).get(`/api/cases/${forestryCase}`)).status).toBe(404);
      }
      // Supervisors and administrators see every department's cases; the applicant their own.
      for (const client of [await loginAs(deployment, 'supervisor1'), admin, applicant]) {
        expect((await client.get(`/api/cases/${forestryCase}/timeline`)).status).toBe(200);
      }
    });

    it("keeps another department's tasks out of the to-do list and refuses acting on or claiming them", async () => {
      const window1 = await loginAs(deployment, 'window1');
      const forestryTask = (await todo(window1)).find((item) => item.caseId === forestryCase)!;
      expect(forestryTask).toMatchObject({ stage: 'preAcceptance', department: 'LCJ' });

      expect(await stagesOf(market.client, forestryCase)).toEqual([]);
      expect(await stagesOf(market.client, marketCase)).toEqual(['acceptance']);
      const act = await market.client.post(`/api/cases/${forestryCase}/actions/preAccept`, {});
      expect({ status: act.status, code: act.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
      const claim = await market.client.post(`/api/tasks/${forestryTask.taskId}/claim`);
      expect({ status: claim.status, code: claim.body.code }).toEqual({ status: 404, code: 'TASK_NOT_FOUND' });
      expect((await window1.get(`/api/cases/${forestryCase}`)).body).toMatchObject({ stage: 'preAcceptance', openTasks: [expect.objectContaining({ assigneeId: null })] });
    });

    it("lists a comprehensive window clerk both departments' tasks, each with its department", async () => {
      const window1 = await loginAs(deployment, 'window1');
      expect(await stagesOf(window1, forestryCase)).toEqual(['preAcceptance']);
      expect(await stagesOf(window1, marketCase)).toEqual(['acceptance']);
      const departments = new Set((await todo(window1)).filter((item) => [forestryCase, marketCase].includes(item.caseId)).map((item) => item.department));
      expect(departments).toEqual(new Set(['LCJ', 'SCJG']));
    });

    it('applies a change of departments from the next request, releasing a claimed task the person may no longer hold', async () => {
      const joined = await admin.put(`/api/admin/staff/${market.id}`, { departmentCodes: ['SCJG', 'lcj'] });
      expect(joined.body.departmentCodes).toEqual(['LCJ', 'SCJG']);
      expect((await market.client.get('/api/identity/me')).body.departmentCodes).toEqual(['LCJ', 'SCJG']);
      expect((await market.client.get(`/api/cases/${forestryCase}`)).status).toBe(200);
      const task = (await todo(market.client)).find((item) => item.caseId === forestryCase)!;
      expect((await market.client.post(`/api/tasks/${task.taskId}/claim`)).status).toBe(200);

      const left = await admin.put(`/api/admin/staff/${market.id}`, { departmentCodes: ['SCJG'] });
      expect(left.status).toBe(200);
      expect((await market.client.get(`/api/cases/${forestryCase}`)).status).toBe(404);
      const window1 = await loginAs(deployment, 'window1');
      const detail = (await window1.get(`/api/cases/${forestryCase}`)).body;
      expect(detail.openTasks[0]).toMatchObject({ assigneeId: null, yours: true });
      const events = await eventsOf(market.username);
      expect(events.find((e) => e.action === 'identity.staff_updated' && e.details.changes.departmentCodes?.to.length === 1)).toMatchObject({
        details: { changes: { departmentCodes: { from: ['LCJ', 'SCJG'], to: ['SCJG'] } }, tasksReleased: 1 },
      });
    });

    it('applies a change of roles from the next request: the right role acts, a wrong one is refused', async () => {
      expect((await admin.put(`/api/admin/staff/${market.id}`, { roles: ['reviewer'] })).body.roles).toEqual(['reviewer']);
      const wrongRole = await market.client.post(`/api/cases/${marketCase}/actions/accept`, {});
      expect(wrongRole).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED', details: { requiredRole: 'window_staff' } } });
      expect(await stagesOf(market.client, marketCase)).toEqual([]);

      await admin.put(`/api/admin/staff/${market.id}`, { roles: ['window_staff'] });
      const accepted = await market.client.post(`/api/cases/${marketCase}/actions/accept`, { comment: '材料齐全，当场决定' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.case.stage).toBe('issueLicence');
    });

    it("shows a co-department's reviewer a case of another department once a task of theirs opens, and only that task", async () => {
      const reviewer2 = await loginAs(deployment, 'reviewer2');
      const parallel = await fileSubmittedCase(deployment, applicant, MATTER_OF_PROCESS['parallel-approval']);
      expect((await reviewer2.get(`/api/cases/${parallel}`)).status).toBe(404);
      expect((await (await loginAs(deployment, 'window1')).post(`/api/cases/${parallel}/actions/accept`, {})).status).toBe(200);
      const detail = await reviewer2.get(`/api/cases/${parallel}`);
      expect(detail.status).toBe(200);
      expect(detail.body.openTasks.map((t: { elementId: string; department: string; yours: boolean }) => [t.elementId, t.department, t.yours]).sort()).toEqual([
        ['coReviewEnvironment', 'HJ', true], ['coReviewForestry', 'LCJ', false],
      ]);
      expect(await stagesOf(reviewer2, parallel)).toEqual(['coReviewEnvironment']);
    });
  });

  describe('disabling an account', () => {
    let clerk: NewStaff;

    beforeAll(async () => {
      clerk = await newStaff(['window_staff'], ['LCJ']);
    });

    it('ends its sessions at once, refuses its logins and releases its tasks; enabling it lets it log in again', async () => {
      const task = (await todo(clerk.client)).find((item) => item.caseId === forestryCase)!;
      expect((await clerk.client.post(`/api/tasks/${task.taskId}/claim`)).status).toBe(200);

      const reason = '调离本中心';
      const disabled = await admin.post(`/api/admin/staff/${clerk.id}/disable`, { reason });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) });
      expect((await clerk.client.get('/api/identity/me')).status).toBe(401);
      const refused = await login(clerk.username);
      expect(refused).toMatchObject({ status: 403, body: { code: 'ACCOUNT_DISABLED' } });
      // A wrong password is told no more than before.
      expect((await login(clerk.username, 'Wrong-Password-1')).body.code).toBe('INVALID_CREDENTIALS');
      const window1 = await loginAs(deployment, 'window1');
      expect((await window1.get(`/api/cases/${forestryCase}`)).body.openTasks[0].assigneeId).toBeNull();
      // Nobody may pass a task to a disabled account.
      await window1.post(`/api/tasks/${task.taskId}/claim`);
      const passed = await window1.post(`/api/tasks/${task.taskId}/reassign`, { assigneeId: clerk.id, reason: '转办' });
      expect(passed).toMatchObject({ status: 422, body: { code: 'ASSIGNEE_NOT_FOUND' } });
      await window1.post(`/api/tasks/${task.taskId}/release`);
      expect((await admin.get(`/api/admin/staff?status=disabled`)).body.items.map((s: { id: string }) => s.id)).toEqual([clerk.id]);

      const events = await eventsOf(clerk.username);
      expect(events.find((e) => e.action === 'identity.staff_disabled')).toMatchObject({ details: { reason, sessionsEnded: 1, tasksReleased: 1 } });
      expect(events.filter((e) => e.action === 'identity.login_failed').map((e) => e.details.reason)).toEqual(['wrong_password', 'account_disabled']);

      expect((await admin.post(`/api/admin/staff/${clerk.id}/enable`)).body.status).toBe('active');
      expect((await login(clerk.username)).status).toBe(200);
    });
  });

  describe('administration is for administrators only', () => {
    it('refuses every administration endpoint with 403 to anyone else signed in, and with 401 to anyone not', async () => {
      const id = (await admin.get('/api/identity/me')).body.id;
      const endpoints: [method: 'get' | 'post' | 'put', path: string, body?: object][] = [
        ['get', '/api/admin/departments'],
        ['post', '/api/admin/departments', { code: 'X1', name: '某部门', level: 'city' }],
        ['get', '/api/admin/departments/LCJ'],
        ['put', '/api/admin/departments/LCJ', { name: '改名' }],
        ['get', '/api/admin/departments/LCJ/history'],
        ['get', '/api/admin/staff'],
        ['post', '/api/admin/staff', { username: `x-${unique()}`, displayName: '某人', roles: ['administrator'], departmentCodes: [] }],
        ['get', `/api/admin/staff/${id}`],
        ['put', `/api/admin/staff/${id}`, { roles: ['supervisor'] }],
        ['post', `/api/admin/staff/${id}/disable`, { reason: '夺权' }],
        ['post', `/api/admin/staff/${id}/enable`],
        ['post', `/api/admin/staff/${id}/password-setup`],
        // A bad body is refused for the role first: nothing about the request is told.
        ['post', '/api/admin/staff', { username: 1 }],
      ];
      const others = [...(await Promise.all(['window1', 'supervisor1', 'designer1', 'decider1'].map((name) => loginAs(deployment, name)))), applicant];
      for (const client of others) {
        for (const [method, path, body] of endpoints) {
          const answer = await client[method](path, body);
          expect({ method, path, status: answer.status, code: answer.body.code }).toEqual({ method, path, status: 403, code: 'ROLE_NOT_ALLOWED' });
        }
      }
      for (const [method, path, body] of endpoints) expect((await anonymous()[method](path, body)).status).toBe(401);
      // Nothing was changed by them.
      expect((await admin.get('/api/admin/departments/LCJ')).body.name).toBe('市林业和草原局 Forestry and Grassland Bureau');
      expect((await admin.get('/api/identity/me')).body.roles).toEqual(['administrator']);
    });
  });

  // Last: moving the clock 3 days on ends every session.
  describe('the setup token expires', () => {
    it('is valid for 72 hours; a new one replaces the old; after the password is set, no new one is given', async () => {
      const username = `late-${unique()}`;
      const created = await admin.post('/api/admin/staff', { username, displayName: '迟到的同事', roles: ['supervisor'], departmentCodes: [] });
      const first = created.body.passwordSetup.token;
      const second = await admin.post(`/api/admin/staff/${created.body.id}/password-setup`);
      expect(second.status).toBe(201);
      expect(second.body.token).not.toBe(first);
      const replaced = await anonymous().post('/api/identity/password-setup', { token: first, newPassword: STAFF_PASSWORD });
      expect(problemsOf(replaced.body, 'token')).toEqual([expect.stringMatching(/^token is not a valid password setup token/)]);

      const now = Date.parse((await anonymous().get('/api/test/clock')).body.now);
      expect((await anonymous().post('/api/test/clock', { now: new Date(now + 72 * 3600_000 + 60_000).toISOString() })).status).toBe(200);
      const expired = await anonymous().post('/api/identity/password-setup', { token: second.body.token, newPassword: STAFF_PASSWORD });
      expect(expired.status).toBe(400);
      expect(problemsOf(expired.body, 'token')).toEqual(['token has expired (password setup tokens are valid for 72 hours): ask an administrator for a new one']);
      expect((await login(username)).status).toBe(401);

      const freshAdmin = await loginAs(deployment, 'admin1');
      const third = await freshAdmin.post(`/api/admin/staff/${created.body.id}/password-setup`);
      expect((await anonymous().post('/api/identity/password-setup', { token: third.body.token, newPassword: STAFF_PASSWORD })).status).toBe(204);
      const session = await login(username);
      expect(session.status).toBe(200);
      expect((await clientOf(deployment, session.body.token).get('/api/identity/me')).body).toMatchObject({ roles: ['supervisor'], departmentCodes: [] });
    });
  });
});
