import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import { creditCode, memberBody, organisationBody, PASSWORD, personBody, residentId, unique } from '../support/identities.js';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.js';
import { type Client, clientOf, deploy, type Deployment, loginAs, MODES } from '../support/tongban.js';

/*
 * The applicant's accounts over HTTP, in each run mode: registration as a person and as an organisation,
 * refusals naming their fields, the lock after repeated failed logins and its audit trail, password change,
 * password reset by a token that reaches the person through the notification gateway (and, in embedded mode,
 * the console), profile editing, and an organisation's invitations. The product's time is moved with the test
 * clock, forward only, so the tests below run in order.
 */

/** Changes one character so that the check character no longer matches. */
const corrupt = (value: string, at: number) => value.slice(0, at) + (value[at] === '7' ? '8' : '7') + value.slice(at + 1);

const fieldsOf = (body: any): string[] => body.details.fields.map((f: { field: string }) => f.field).sort();

describe.each(MODES)('applicant accounts (%s mode)', (mode) => {
  let deployment: Deployment;
  let sms: TestSmsGateway;
  let admin: Client;
  const anonymous = () => api(deployment.baseUrl);
  const login = (username: string, password: string) => anonymous().post('/api/identity/login', { username, password });
  const register = (body: unknown) => anonymous().post('/api/identity/register', body);
  const moveClock = async (ms: number) => {
    const now = Date.parse((await anonymous().get('/api/test/clock')).body.now);
    const moved = await anonymous().post('/api/test/clock', { now: new Date(now + ms).toISOString() });
    expect(moved.status).toBe(200);
  };
  /** The account's security events, as an administrator reads them. */
  const eventsOf = async (username: string) => {
    const log = await admin.get(`/api/identity/security-log?username=${encodeURIComponent(username)}`);
    expect(log.status).toBe(200);
    return log.body as { action: string; actor: { id: string | null; role: string }; details: any }[];
  };
  /** The reset token the gateway received for this user (the newest). */
  const tokenSentTo = async (userId: string, after = 0) => {
    const messages = await eventually(() => sms.received.filter((m) => m.userId === userId), (found) => found.length > after);
    expect(messages.length).toBe(after + 1);
    return /Reset token: ([A-Za-z0-9_-]+)/.exec(messages.at(-1)!.body)![1];
  };

  beforeAll(async () => {
    sms = await startSmsGateway();
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1', TONGBAN_NOTIFY_WEBHOOK_URL: sms.url } });
    admin = await loginAs(deployment, 'admin1');
  });
  afterAll(async () => {
    await deployment?.stop();
    await sms?.close();
  });

  describe('registration', () => {
    it('registers a person, who then logs in and reads their profile', async () => {
      const body = personBody({ idNumber: residentId().replace(/X$/, 'x') });
      const registered = await register(body);
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({
        username: body.username, kind: 'person', displayName: '张三', roles: ['applicant'], organisation: null, complete: true, missing: [],
        name: '张三', idType: 'resident_id', idNumber: (body.idNumber as string).toUpperCase(), mobile: '13800000000', email: 'zhang.san@example.cn',
      });
      expect(registered.body).not.toHaveProperty('password');
      expect(registered.body).not.toHaveProperty('passwordHash');

      const session = await login(body.username, PASSWORD);
      expect(session.status).toBe(200);
      const me = clientOf(deployment, session.body.token);
      expect((await me.get('/api/identity/me')).body).toMatchObject({ displayName: '张三', roles: ['applicant'] });
      expect((await me.get('/api/identity/profile')).body).toEqual(registered.body);
    });

    it('registers an organisation, whose first account is its administrator', async () => {
      const body = organisationBody({ mobile: '13900000000', creditCode: creditCode().toLowerCase() });
      const registered = await register(body);
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({
        kind: 'organisation', displayName: body.name, name: body.name, creditCode: (body.creditCode as string).toUpperCase(),
        legalRepresentativeName: '王五', legalRepresentativeIdNumber: body.legalRepresentativeIdNumber, address: body.address,
        contactName: '赵六', contactPhone: '0471-6945123', mobile: '13900000000', email: null,
        organisation: { name: body.name, creditCode: (body.creditCode as string).toUpperCase(), role: 'administrator' },
      });
      const administrator = clientOf(deployment, (await login(body.username, PASSWORD)).body.token);
      const organisation = await administrator.get('/api/identity/organisation');
      expect(organisation.status).toBe(200);
      expect(organisation.body.members).toEqual([expect.objectContaining({ username: body.username, role: 'administrator' })]);
    });

    it('refuses a resident ID number with a mistyped digit, naming the field and the rule', async () => {
      const response = await register(personBody({ idNumber: corrupt(residentId(), 16) }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.fields).toEqual([{ field: 'idNumber', problems: [expect.stringMatching(/^idNumber has a wrong check character/)] }]);
      expect(response.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
    });

    it('refuses a credit code with a mistyped character or a letter the code never uses, and a wrong legal representative’s ID', async () => {
      const code = creditCode();
      const mistyped = await register(organisationBody({ creditCode: corrupt(code, 10), legalRepresentativeIdNumber: corrupt(residentId('19750412'), 3) }));
      expect(mistyped.status).toBe(400);
      expect(fieldsOf(mistyped.body)).toEqual(['creditCode', 'legalRepresentativeIdNumber']);
      expect(mistyped.body.details.fields[0].problems[0]).toMatch(/^creditCode has a wrong check character/);

      const withO = await register(organisationBody({ creditCode: code.slice(0, 17) + 'O' }));
      expect(withO.body.details.fields).toEqual([{ field: 'creditCode', problems: [expect.stringMatching(/letter O, which the code never uses/)] }]);
    });

    it('refuses a birth date after today by the product’s clock', async () => {
      const response = await register(personBody({ idNumber: residentId('20991231') }));
      expect(response.status).toBe(400);
      expect(response.body.details.fields).toEqual([{ field: 'idNumber', problems: [expect.stringMatching(/20991231 .*in the future/)] }]);
    });

    it('names every wrong field at once: a weak password, mobile, e-mail, name', async () => {
      const response = await register(personBody({ password: 'password123', mobile: '1380000000', email: 'zhang@', name: '   ' }));
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['email', 'mobile', 'name', 'password']);
      const password = response.body.details.fields.find((f: { field: string }) => f.field === 'password');
      expect(password.problems.join(' ')).toMatch(/at least 3 of these 4 kinds/);
      expect(password.problems.join(' ')).toMatch(/most commonly used passwords/);
    });

    it('refuses a common password that meets the other rules, and one containing the username', async () => {
      const common = await register(personBody({ password: 'Password123' }));
      expect(common.body.details.fields).toEqual([{ field: 'password', problems: [expect.stringMatching(/most commonly used/)] }]);
      const withName = await register(personBody({ username: 'wang.wu.2026', password: 'Wang.Wu.2026-x' }));
      expect(withName.body.details.fields).toEqual([{ field: 'password', problems: ['password must not contain the username'] }]);
    });

    it('refuses an unknown kind, and fields of the other kind', async () => {
      const unknownKind = await register({ ...personBody(), kind: 'company' });
      expect(unknownKind.status).toBe(400);
      expect(fieldsOf(unknownKind.body)).toEqual(['kind']);
      const mixed = await register(personBody({ creditCode: creditCode(), address: '某地' }));
      expect(fieldsOf(mixed.body)).toEqual(['address', 'creditCode']);
    });

    it('answers 409 naming the field for a taken username, a person already registered, an organisation already registered', async () => {
      const person = personBody();
      expect((await register(person)).status).toBe(201);
      const sameName = await register(personBody({ username: person.username }));
      expect([sameName.status, sameName.body.code, fieldsOf(sameName.body)]).toEqual([409, 'USERNAME_TAKEN', ['username']]);
      const samePerson = await register(personBody({ idNumber: person.idNumber }));
      expect([samePerson.status, samePerson.body.code, fieldsOf(samePerson.body)]).toEqual([409, 'ID_DOCUMENT_REGISTERED', ['idNumber']]);

      const organisation = organisationBody();
      expect((await register(organisation)).status).toBe(201);
      const sameCode = await register(organisationBody({ creditCode: organisation.creditCode }));
      expect([sameCode.status, sameCode.body.code, fieldsOf(sameCode.body)]).toEqual([409, 'ORGANISATION_REGISTERED', ['creditCode']]);
      expect(sameCode.body.message.zh).toContain('管理员邀请');
    });

    it('still takes the first release’s registration without kind; the profile says what is missing', async () => {
      const username = `basic-${unique()}`;
      const registered = await register({ username, displayName: '张三', password: PASSWORD });
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({ kind: 'person', complete: false, missing: ['idType', 'idNumber', 'mobile', 'email'] });
    });

    it('writes each registration to the audit trail', async () => {
      const person = personBody();
      await register(person);
      expect((await eventsOf(person.username)).map((e) => e.action)).toEqual(['identity.registered']);
    });
  });

  describe('failed logins', () => {
    it('locks the account for 15 minutes after 5 failures within 15 minutes, with a bilingual message saying until when', async () => {
      const person = personBody();
      expect((await register(person)).status).toBe(201);
      for (let i = 1; i <= 4; i++) {
        const failed = await login(person.username, `Wrong-guess-${i}`);
        expect([failed.status, failed.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
      }
      const clockNow = Date.parse((await anonymous().get('/api/test/clock')).body.now);
      const fifth = await login(person.username, 'Wrong-guess-5');
      expect(fifth.status).toBe(423);
      expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
      const lockedUntil = Date.parse(fifth.body.details.lockedUntil);
      expect(lockedUntil - clockNow).toBeGreaterThanOrEqual(15 * 60_000 - 1_000);
      expect(lockedUntil - clockNow).toBeLessThanOrEqual(15 * 60_000 + 5_000);
      const beijing = new Date(lockedUntil + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      expect(fifth.body.message.zh).toContain(`锁定至北京时间 ${beijing}`);
      expect(fifth.body.message.en).toContain(`locked until ${beijing} Beijing time`);

      // Even the right password is refused while locked.
      const right = await login(person.username, PASSWORD);
      expect([right.status, right.body.details.lockedUntil]).toEqual([423, fifth.body.details.lockedUntil]);

      const events = await eventsOf(person.username);
      expect(events.map((e) => e.action).reverse()).toEqual([
        'identity.registered',
        ...Array(5).fill('identity.login_failed'),
        'identity.account_locked',
        'identity.login_refused_locked',
      ]);
      expect(events.find((e) => e.action === 'identity.account_locked')).toMatchObject({
        actor: { id: null, role: 'system' }, details: { failures: 5, windowMinutes: 15, lockedUntil: fifth.body.details.lockedUntil },
      });
      expect(events.filter((e) => e.action === 'identity.login_failed').map((e) => e.details.failuresInWindow).reverse()).toEqual([1, 2, 3, 4, 5]);

      if (mode === 'server') {
        // The trail itself: entries with no case.
        const db = new pg.Client({ connectionString: deployment.env.DATABASE_URL });
        await db.connect();
        try {
          const { rows } = await db.query(
            `SELECT action, case_id FROM audit_entries WHERE details ->> 'username' = $1 AND action LIKE 'identity.login%' ORDER BY id`,
            [person.username],
          );
          expect(rows).toHaveLength(6);
          expect(rows.every((row) => row.case_id === null)).toBe(true);
        } finally {
          await db.end();
        }
      }

      // 16 minutes later the lock has ended.
      await moveClock(16 * 60_000);
      expect((await login(person.username, PASSWORD)).status).toBe(200);
    });

    it('forgets failures older than 15 minutes, and those before a successful login', async () => {
      const person = personBody();
      await register(person);
      for (let i = 0; i < 4; i++) expect((await login(person.username, 'Wrong-guess-x')).status).toBe(401);
      await moveClock(15 * 60_000 + 1_000);
      for (let i = 0; i < 4; i++) expect((await login(person.username, 'Wrong-guess-y')).status).toBe(401);
      expect((await login(person.username, PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login(person.username, 'Wrong-guess-z')).status).toBe(401);
      expect((await login(person.username, PASSWORD)).status).toBe(200);
    });

    it('locks a name nobody registered the same way, so that a lock does not tell which names exist', async () => {
      const nobody = `nobody-${unique()}`;
      for (let i = 0; i < 4; i++) expect((await login(nobody, 'Wrong-guess-1')).status).toBe(401);
      expect((await login(nobody, 'Wrong-guess-1')).status).toBe(423);
      const events = await eventsOf(nobody);
      expect(events.map((e) => e.action)).toEqual(['identity.account_locked', ...Array(5).fill('identity.login_failed')]);
      expect(events[1].details).toMatchObject({ reason: 'unknown_username', userId: null });
    });

    it('checks no more than 5 passwords when 20 guesses arrive at once', async () => {
      const person = personBody();
      await register(person);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(person.username, `Wrong-guess-${i}`)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 423).length).toBe(20);
      const failed = (await eventsOf(person.username)).filter((e) => e.action === 'identity.login_failed');
      expect(failed.length).toBeLessThanOrEqual(5);
      expect((await login(person.username, PASSWORD)).status).toBe(423);
      await moveClock(16 * 60_000);
    });
  });

  describe('password change', () => {
    it('needs the current password, checks the new one, and ends the other sessions', async () => {
      const person = personBody();
      await register(person);
      const here = clientOf(deployment, (await login(person.username, PASSWORD)).body.token);
      const elsewhere = clientOf(deployment, (await login(person.username, PASSWORD)).body.token);

      const wrongCurrent = await here.post('/api/identity/password', { currentPassword: 'Not-my-password-1', newPassword: 'Meadow-Lark-2027' });
      expect([wrongCurrent.status, fieldsOf(wrongCurrent.body)]).toEqual([400, ['currentPassword']]);
      const weak = await here.post('/api/identity/password', { currentPassword: PASSWORD, newPassword: 'meadowlark' });
      expect([weak.status, fieldsOf(weak.body)]).toEqual([400, ['newPassword']]);
      const same = await here.post('/api/identity/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
      expect(same.body.details.fields).toEqual([{ field: 'newPassword', problems: ['newPassword must differ from the current password'] }]);

      expect((await here.post('/api/identity/password', { currentPassword: PASSWORD, newPassword: 'Meadow-Lark-2027' })).status).toBe(204);
      expect((await here.get('/api/identity/me')).status).toBe(200);
      expect((await elsewhere.get('/api/identity/me')).status).toBe(401);
      expect((await login(person.username, PASSWORD)).status).toBe(401);
      expect((await login(person.username, 'Meadow-Lark-2027')).status).toBe(200);

      const events = await eventsOf(person.username);
      expect(events.filter((e) => e.action === 'identity.password_changed')).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ otherSessionsEnded: 1 }) }),
      ]);
      // The wrong current password counts as a failed login.
      expect(events.filter((e) => e.action === 'identity.login_failed').map((e) => e.details.purpose)).toContain('password_change');
    });
  });

  describe('password reset', () => {
    it('sends a single-use token through the gateway (and the console only in embedded mode), never in the answer', async () => {
      const person = personBody({ mobile: '13712345678' });
      const registered = await register(person);
      const oldSession = clientOf(deployment, (await login(person.username, PASSWORD)).body.token);

      const asked = await anonymous().post('/api/identity/password-reset', { username: person.username });
      const askedForNobody = await anonymous().post('/api/identity/password-reset', { username: `nobody-${unique()}` });
      expect(asked.status).toBe(202);
      expect([askedForNobody.status, askedForNobody.body]).toEqual([asked.status, asked.body]);

      const token = await tokenSentTo(registered.body.id);
      expect(sms.received.filter((m) => m.userId === registered.body.id).at(-1)!.phone).toBe('13712345678');
      expect(JSON.stringify(asked.body)).not.toContain(token);
      if (mode === 'embedded') expect(deployment.api.output()).toContain(token);
      else expect(deployment.api.output()).not.toContain(token);

      // A refused new password leaves the token usable.
      const weak = await anonymous().post('/api/identity/password-reset/confirm', { token, newPassword: 'short' });
      expect([weak.status, fieldsOf(weak.body)]).toEqual([400, ['newPassword']]);

      const reset = await anonymous().post('/api/identity/password-reset/confirm', { token, newPassword: 'Meadow-Lark-2027' });
      expect(reset.status).toBe(204);
      expect((await oldSession.get('/api/identity/me')).status).toBe(401);
      expect((await login(person.username, PASSWORD)).status).toBe(401);
      const session = await login(person.username, 'Meadow-Lark-2027');
      expect(session.status).toBe(200);

      const again = await anonymous().post('/api/identity/password-reset/confirm', { token, newPassword: 'Another-Lark-2028' });
      expect(again.body.details.fields).toEqual([{ field: 'token', problems: ['token has already been used: each reset token works once'] }]);

      // The same message is in the account's inbox.
      const inbox = await clientOf(deployment, session.body.token).get('/api/notifications');
      expect(inbox.body.map((n: { title: string; body: string }) => n.body).join(' ')).toContain(token);
      const resets = (await eventsOf(person.username)).filter((e) => e.action.startsWith('identity.password_reset'));
      expect(resets.map((e) => e.action)).toEqual(['identity.password_reset', 'identity.password_reset_requested']);
      expect(resets[0].details).toMatchObject({ sessionsEnded: 1 });
    });

    it('lifts a lock', async () => {
      const person = personBody();
      const registered = await register(person);
      for (let i = 0; i < 5; i++) await login(person.username, 'Wrong-guess-1');
      expect((await login(person.username, PASSWORD)).status).toBe(423);
      await anonymous().post('/api/identity/password-reset', { username: person.username });
      const token = await tokenSentTo(registered.body.id);
      expect((await anonymous().post('/api/identity/password-reset/confirm', { token, newPassword: 'Meadow-Lark-2027' })).status).toBe(204);
      expect((await login(person.username, 'Meadow-Lark-2027')).status).toBe(200);
    });

    it('refuses a token after an hour, a token replaced by a newer one, and a made-up token', async () => {
      const person = personBody();
      const registered = await register(person);
      await anonymous().post('/api/identity/password-reset', { username: person.username });
      const first = await tokenSentTo(registered.body.id);
      await moveClock(61 * 60_000);
      const expired = await anonymous().post('/api/identity/password-reset/confirm', { token: first, newPassword: 'Meadow-Lark-2027' });
      expect(expired.body.details.fields).toEqual([{ field: 'token', problems: [expect.stringMatching(/^token has expired/)] }]);

      await anonymous().post('/api/identity/password-reset', { username: person.username });
      const second = await tokenSentTo(registered.body.id, 1);
      await moveClock(2 * 60_000);
      await anonymous().post('/api/identity/password-reset', { username: person.username });
      const third = await tokenSentTo(registered.body.id, 2);
      const replaced = await anonymous().post('/api/identity/password-reset/confirm', { token: second, newPassword: 'Meadow-Lark-2027' });
      expect(replaced.body.details.fields).toEqual([{ field: 'token', problems: [expect.stringMatching(/^token is not a valid reset token/)] }]);
      const madeUp = await anonymous().post('/api/identity/password-reset/confirm', { token: randomBytes(32).toString('base64url'), newPassword: 'Meadow-Lark-2027' });
      expect(fieldsOf(madeUp.body)).toEqual(['token']);
      expect((await anonymous().post('/api/identity/password-reset/confirm', { token: third, newPassword: 'Meadow-Lark-2027' })).status).toBe(204);
    });
  });

  describe('profile', () => {
    it('edits a person’s details, each field checked as at registration', async () => {
      const person = personBody();
      await register(person);
      const me = clientOf(deployment, (await login(person.username, PASSWORD)).body.token);
      const passport = { idType: 'passport', idNumber: 'E12345678' };
      const edited = await me.put('/api/identity/profile', { name: '张 三丰', mobile: '13900000000', email: 'new@example.cn', ...passport });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ name: '张 三丰', displayName: '张 三丰', mobile: '13900000000', email: 'new@example.cn', ...passport });
      expect((await me.get('/api/identity/profile')).body).toEqual(edited.body);
      expect((await me.get('/api/identity/me')).body.displayName).toBe('张 三丰');

      const wrong = await me.put('/api/identity/profile', { mobile: '139', email: 'x', idType: 'resident_id', idNumber: corrupt(residentId(), 5), name: '' });
      expect([wrong.status, fieldsOf(wrong.body)]).toEqual([400, ['email', 'idNumber', 'mobile', 'name']]);
      const alone = await me.put('/api/identity/profile', { idType: 'resident_id' });
      expect(alone.body.details.fields).toEqual([{ field: 'idNumber', problems: ['idNumber must be given together with idType'] }]);
      const nulled = await me.put('/api/identity/profile', { email: null });
      expect(fieldsOf(nulled.body)).toEqual(['email']);
      const foreign = await me.put('/api/identity/profile', { address: '某地', roles: ['administrator'] });
      expect(fieldsOf(foreign.body)).toEqual(['address', 'roles']);
      expect((await me.get('/api/identity/profile')).body).toEqual(edited.body);
      expect((await eventsOf(person.username))[0]).toMatchObject({ action: 'identity.profile_updated', details: { fields: expect.arrayContaining(['name', 'mobile']) } });
    });

    it('completes a basic account into a person’s', async () => {
      const username = `basic-${unique()}`;
      await register({ username, displayName: '李四', password: PASSWORD });
      const me = clientOf(deployment, (await login(username, PASSWORD)).body.token);
      const edited = await me.put('/api/identity/profile', { idType: 'resident_id', idNumber: residentId(), mobile: '13800000000', email: 'li.si@example.cn' });
      expect(edited.body).toMatchObject({ complete: true, missing: [], name: '李四' });
    });

    it('lets an organisation’s administrator edit the organisation’s details, but never its credit code', async () => {
      const organisation = organisationBody();
      await register(organisation);
      const administrator = clientOf(deployment, (await login(organisation.username, PASSWORD)).body.token);
      const edited = await administrator.put('/api/identity/profile', { name: '呼和浩特市某某牧业股份有限公司', email: 'office@example.cn', contactPhone: '13800000001' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ name: '呼和浩特市某某牧业股份有限公司', displayName: '呼和浩特市某某牧业股份有限公司', email: 'office@example.cn', contactPhone: '13800000001' });
      const cleared = await administrator.put('/api/identity/profile', { email: null });
      expect(cleared.body.email).toBeNull();

      const code = await administrator.put('/api/identity/profile', { creditCode: creditCode() });
      expect(code.body.details.fields).toEqual([{ field: 'creditCode', problems: [expect.stringMatching(/^creditCode cannot be changed/)] }]);
      const wrong = await administrator.put('/api/identity/profile', { legalRepresentativeIdType: 'resident_id', legalRepresentativeIdNumber: '440524188001010015', contactPhone: '12' });
      expect(fieldsOf(wrong.body)).toEqual(['contactPhone', 'legalRepresentativeIdNumber']);
    });

    it('is not editable for the centre’s staff', async () => {
      const staff = await loginAs(deployment, 'window1');
      expect((await staff.get('/api/identity/profile')).body).toMatchObject({ username: 'window1', kind: null });
      const refused = await staff.put('/api/identity/profile', { mobile: '13800000000' });
      expect([refused.status, refused.body.code]).toEqual([403, 'PROFILE_NOT_EDITABLE']);
    });

    it('lets only administrators read another account’s security log', async () => {
      const person = personBody();
      await register(person);
      const me = clientOf(deployment, (await login(person.username, PASSWORD)).body.token);
      expect((await me.get('/api/identity/security-log')).body.map((e: { action: string }) => e.action)).toEqual(['identity.login', 'identity.registered']);
      expect((await me.get('/api/identity/security-log?username=admin1')).status).toBe(403);
    });
  });

  describe('hostile input: a 400 naming the field, never a 500', () => {
    const WRONG_VALUES: [string, unknown][] = [
      ['a number', 42], ['a boolean', true], ['an array', ['a', 'b']], ['an object', { zh: '某某' }], ['null', null],
      ['a very long string', '长'.repeat(20_000)], ['a NUL byte', 'ab\u0000cd'], ['a lone surrogate', 'ab\ud800cd'],
    ];
    let person: Client;
    let administrator: Client;

    beforeAll(async () => {
      const p = personBody();
      await register(p);
      person = clientOf(deployment, (await login(p.username, PASSWORD)).body.token);
      const o = organisationBody();
      await register(o);
      administrator = clientOf(deployment, (await login(o.username, PASSWORD)).body.token);
    });

    const cases = (): [string, (body: unknown) => Promise<{ status: number; body: any }>, Record<string, unknown>, string[]][] => [
      ['register a person', register, personBody(), ['username', 'password', 'name', 'idType', 'idNumber', 'mobile', 'email']],
      ['register an organisation', register, organisationBody(), ['creditCode', 'legalRepresentativeIdType', 'legalRepresentativeIdNumber', 'address', 'contactPhone', 'mobile', 'email']],
      ['register a member', register, personBody({ kind: 'organisation_member', invitationToken: randomBytes(32).toString('base64url') }), ['invitationToken', 'idNumber']],
      ['edit a person', (body) => person.put('/api/identity/profile', body), { mobile: '13800000000' }, ['name', 'mobile', 'email']],
      ['edit an organisation', (body) => administrator.put('/api/identity/profile', body), { address: '某某路1号' }, ['name', 'address', 'contactName', 'contactPhone']],
      ['change the password', (body) => person.post('/api/identity/password', body), { currentPassword: 'x', newPassword: 'Meadow-Lark-2027' }, ['currentPassword', 'newPassword']],
      ['ask for a reset', (body) => anonymous().post('/api/identity/password-reset', body), { username: 'x' }, ['username']],
      ['reset', (body) => anonymous().post('/api/identity/password-reset/confirm', body), { token: randomBytes(32).toString('base64url'), newPassword: 'Meadow-Lark-2027' }, ['token', 'newPassword']],
      ['invite', (body) => administrator.post('/api/identity/organisation/invitations', body), {}, ['note']],
    ];

    it('refuses each wrong value of each field of each new endpoint', async () => {
      for (const [what, send, valid, fields] of cases()) {
        for (const field of fields) {
          for (const [kind, value] of WRONG_VALUES) {
            // null clears an organisation's mobile or e-mail, and leaves out the optional ones
            if (value === null && (['mobile', 'email'].includes(field) && what.endsWith('an organisation') || field === 'note')) continue;
            const answer = await send({ ...valid, [field]: value });
            const summary = `${what}: ${field} as ${kind} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
            expect([summary, answer.status]).toEqual([summary, 400]);
            expect([summary, answer.body.code]).toEqual([summary, 'VALIDATION_FAILED']);
            expect([summary, answer.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([summary, expect.arrayContaining([field])]);
          }
        }
      }
    });

    it('refuses bodies that are not an object, and unknown or inherited field names', async () => {
      for (const [what, send, valid] of cases()) {
        for (const body of [[], ['x'], [valid]]) {
          const answer = await send(body);
          expect([what, answer.status]).toEqual([what, 400]);
        }
        for (const extra of ['{"roles":["administrator"]}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}']) {
          const answer = await send(JSON.parse(JSON.stringify(valid).replace(/}$/, `${Object.keys(valid).length ? ',' : ''}${extra.slice(1)}`)));
          expect([what, extra, answer.status]).toEqual([what, extra, 400]);
        }
      }
    });
  });

  describe('organisations', () => {
    let organisation: ReturnType<typeof organisationBody>;
    let administrator: Client;

    beforeAll(async () => {
      organisation = organisationBody();
      await register(organisation);
      administrator = clientOf(deployment, (await login(organisation.username, PASSWORD)).body.token);
    });


    it('the administrator invites a colleague, who registers into the organisation once with the token', async () => {
      const invitation = await administrator.post('/api/identity/organisation/invitations', { note: '办事员 李四' });
      expect(invitation.status).toBe(201);
      expect(invitation.body).toMatchObject({ status: 'pending', note: '办事员 李四', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(Date.parse(invitation.body.expiresAt) - Date.parse(invitation.body.createdAt)).toBe(7 * 24 * 3600_000);

      const body = memberBody(invitation.body.token);
      const member = await register(body);
      expect(member.status).toBe(201);
      expect(member.body).toMatchObject({
        kind: 'organisation', name: '李四', idNumber: body.idNumber, organisation: { name: organisation.name, creditCode: organisation.creditCode, role: 'member' },
      });
      const again = await register(memberBody(invitation.body.token));
      expect(again.body.details.fields).toEqual([{ field: 'invitationToken', problems: [expect.stringMatching(/already been used/)] }]);

      const colleague = clientOf(deployment, (await login(body.username, PASSWORD)).body.token);
      const seen = await colleague.get('/api/identity/organisation');
      expect(seen.body.members.map((m: { username: string; role: string }) => [m.username, m.role])).toEqual([
        [organisation.username, 'administrator'],
        [body.username, 'member'],
      ]);
      // A member edits their own details, not the organisation's; invites nobody.
      expect((await colleague.put('/api/identity/profile', { mobile: '13600000000' })).body).toMatchObject({ mobile: '13600000000', organisation: { role: 'member' } });
      expect(fieldsOf((await colleague.put('/api/identity/profile', { address: '某地' })).body)).toEqual(['address']);
      const invites = await colleague.post('/api/identity/organisation/invitations', {});
      expect([invites.status, invites.body.code]).toEqual([403, 'ORGANISATION_ADMINISTRATOR_ONLY']);

      const list = await administrator.get('/api/identity/organisation/invitations');
      expect(list.body).toEqual([expect.objectContaining({ id: invitation.body.id, status: 'accepted', acceptedBy: expect.objectContaining({ username: body.username }) })]);
      expect(JSON.stringify(list.body)).not.toContain(invitation.body.token);
    });

    it('refuses a member registration with a made-up, withdrawn or expired invitation, or with wrong details', async () => {
      const madeUp = await register(memberBody(randomBytes(32).toString('base64url')));
      expect(madeUp.body.details.fields).toEqual([{ field: 'invitationToken', problems: [expect.stringMatching(/not a valid invitation/)] }]);

      const withdrawn = await administrator.post('/api/identity/organisation/invitations', {});
      expect((await administrator.delete(`/api/identity/organisation/invitations/${withdrawn.body.id}`)).status).toBe(204);
      expect((await administrator.delete(`/api/identity/organisation/invitations/${withdrawn.body.id}`)).status).toBe(409);
      const afterWithdrawal = await register(memberBody(withdrawn.body.token));
      expect(afterWithdrawal.body.details.fields).toEqual([{ field: 'invitationToken', problems: [expect.stringMatching(/withdrawn/)] }]);

      const pending = await administrator.post('/api/identity/organisation/invitations', {});
      const wrongDetails = await register(memberBody(pending.body.token, { idNumber: corrupt(residentId(), 9), mobile: '1' }));
      expect(fieldsOf(wrongDetails.body)).toEqual(['idNumber', 'mobile']);

      await moveClock(7 * 24 * 3600_000 + 60_000);
      const expired = await register(memberBody(pending.body.token));
      expect(expired.body.details.fields).toEqual([{ field: 'invitationToken', problems: [expect.stringMatching(/expired/)] }]);
      const admin1 = await loginAs(deployment, 'admin1'); // sessions of before have expired
      const events = await admin1.get(`/api/identity/security-log?username=${organisation.username}`);
      expect(events.body.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['identity.invitation_created', 'identity.invitation_revoked']),
      );
    });

    it('has no organisation for a person’s account', async () => {
      const person = personBody();
      await register(person);
      const me = clientOf(deployment, (await login(person.username, PASSWORD)).body.token);
      expect((await me.get('/api/identity/organisation')).status).toBe(404);
      expect((await me.post('/api/identity/organisation/invitations', {})).status).toBe(404);
    });
  });
});
