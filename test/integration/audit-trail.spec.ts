import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { projectRoot } from '../../src/common/project-root.js';
import {
  type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant,
} from '../support/tongban.js';

const PROXY_CLIENT = '203.0.113.7';
const USER_AGENT = 'AuditTrailSpec/1.0 (Tongban tests)';
const CASES_AT_ONCE = 6;

/** A request as a browser behind the centre's proxy sends it: its own user agent, the client's address in X-Forwarded-For. */
async function send(deployment: Deployment, method: string, path: string, { token, body, forwardedFor }: { token?: string; body?: unknown; forwardedFor?: string } = {}) {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  if (token) headers.authorization = `Bearer ${token}`;
  if (forwardedFor) headers['x-forwarded-for'] = `${forwardedFor}, 10.0.0.1`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(deployment.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** `npm run audit:verify` with the deployment's configuration: its exit code and the report it prints with --json. */
async function verifyCommand(deployment: Deployment): Promise<{ code: number; report: any; output: string }> {
  const run = promisify(execFile)(process.execPath, ['dist/src/audit-verify.js', '--json'], {
    cwd: projectRoot(),
    env: { ...process.env, NODE_OPTIONS: undefined, ...deployment.env },
  });
  const { code, stdout, stderr } = await run.then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return { code, report: last.startsWith('{') ? JSON.parse(last) : null, output: stdout + stderr };
}

type Sql = (text: string, parameters?: unknown[]) => Promise<any[]>;

/** A connection to the deployment's database beside the app: PostgreSQL in server mode; in embedded mode the data folder itself, with the app stopped. */
async function openDatabase(deployment: Deployment): Promise<{ sql: Sql; close(): Promise<void> }> {
  if (deployment.mode === 'server') {
    const client = new pg.Client({ connectionString: deployment.env.DATABASE_URL });
    await client.connect();
    return { sql: async (text, parameters) => (await client.query(text, parameters)).rows, close: () => client.end() };
  }
  const db = await PGlite.create(path.join(deployment.env.TONGBAN_DATA_DIR, 'pg'));
  return { sql: async (text, parameters) => (await db.query<any>(text, parameters)).rows, close: () => db.close() };
}

describe.each(MODES)('the audit trail (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let supervisor: Client;

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TRUST_PROXY: '1' } });
    ({ client: applicant } = await newApplicant(deployment));
    supervisor = await loginAs(deployment, 'supervisor1');
  });
  afterAll(() => deployment?.stop());

  it('records failed logins, logins and logouts with the address and user agent, never the password', async () => {
    const username = 'reviewer1';
    const password = deployment.passwords[username];
    expect((await send(deployment, 'POST', '/api/identity/login', { body: { username, password: 'Not-the-password-1' } })).status).toBe(401);
    const login = await send(deployment, 'POST', '/api/identity/login', { body: { username, password }, forwardedFor: PROXY_CLIENT });
    expect(login.status).toBe(200);
    expect((await send(deployment, 'POST', '/api/identity/logout', { token: login.body.token, forwardedFor: PROXY_CLIENT })).status).toBeLessThan(300);

    const admin = await loginAs(deployment, 'admin1');
    const events = (await admin.get(`/api/identity/security-log?username=${username}`)).body as any[];
    const [logout, signedIn, failed] = events;
    expect([logout.action, signedIn.action, failed.action]).toEqual(['identity.logout', 'identity.login', 'identity.login_failed']);
    expect(logout).toMatchObject({ actor: { role: 'reviewer' }, origin: { sourceIp: PROXY_CLIENT, userAgent: USER_AGENT } });
    expect(signedIn).toMatchObject({ actor: { role: 'reviewer' }, origin: { sourceIp: PROXY_CLIENT, userAgent: USER_AGENT } });
    // Without the header, the address the connection came from.
    expect(failed).toMatchObject({ actor: { role: 'anonymous' }, details: { reason: 'wrong_password' }, origin: { sourceIp: '127.0.0.1', userAgent: USER_AGENT } });
    expect(JSON.stringify(events)).not.toContain('Not-the-password-1');
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it('records where a transition was asked from, though a worker carries it out, and replays the case to its stage', async () => {
    const caseId = await fileSubmittedCase(deployment, applicant);
    const window = await loginAs(deployment, 'window1');
    const preAccepted = await send(deployment, 'POST', `/api/cases/${caseId}/actions/preAccept`, { token: window.token, body: { comment: '材料齐全' }, forwardedFor: PROXY_CLIENT });
    expect(preAccepted.body.case).toMatchObject({ stage: 'acceptance' });
    expect((await window.post(`/api/cases/${caseId}/actions/accept`, {})).body.case).toMatchObject({ stage: 'review' });

    const replay = await applicant.get(`/api/cases/${caseId}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ caseId, stage: 'review', replayedStage: 'review', consistent: true });
    const entries = replay.body.entries as any[];
    expect(entries.find((entry) => entry.action === 'preAccept')).toMatchObject({
      stageFrom: 'preAcceptance', stageTo: 'acceptance', stageAfter: 'acceptance', sourceIp: PROXY_CLIENT, userAgent: USER_AGENT, comment: '材料齐全',
    });
    // Documents issued are on the trail too, and leave the stage where it was.
    expect(entries.find((entry) => entry.action === 'document.issued')).toMatchObject({ actor: { role: 'system' }, stageTo: null });
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['create', 'submit', 'preAccept', 'accept']));
    expect(entries.at(-1).stageAfter).toBe('review');
    const seqs = entries.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // The one case-access rule: someone else's applicant is not shown the case.
    const { client: stranger } = await newApplicant(deployment);
    expect((await stranger.get(`/api/cases/${caseId}/replay`)).status).toBe(404);
  });

  it(`keeps one unbroken chain while transitions run on ${CASES_AT_ONCE} cases at once`, async () => {
    const caseIds = await Promise.all(Array.from({ length: CASES_AT_ONCE }, () => fileSubmittedCase(deployment, applicant)));
    const windows = await Promise.all([0, 1, 2].map(() => loginAs(deployment, 'window1')));
    await Promise.all(caseIds.map(async (caseId, i) => {
      const window = windows[i % windows.length];
      expect((await window.post(`/api/cases/${caseId}/actions/preAccept`, {})).status).toBe(200);
      expect((await window.post(`/api/cases/${caseId}/actions/accept`, {})).status).toBe(200);
    }));

    const verification = await supervisor.get('/api/audit/verification');
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ ok: true, problems: [] });
    expect(verification.body.checked).toBe(verification.body.lastSeq);
    for (const caseId of caseIds) expect((await supervisor.get(`/api/cases/${caseId}/replay`)).body).toMatchObject({ consistent: true, stage: 'review' });
  });

  it('lets supervisors and administrators verify the trail, and no one else', async () => {
    expect((await (await loginAs(deployment, 'admin1')).get('/api/audit/verification')).body.ok).toBe(true);
    const refused = await applicant.get('/api/audit/verification');
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect((await (await loginAs(deployment, 'window1')).get('/api/audit/verification')).status).toBe(403);
  });

  it('names exactly the rows that were altered, removed and reordered, over the API and from the command line', async () => {
    if (mode === 'embedded') {
      const refused = await verifyCommand(deployment);
      expect(refused.code).toBe(2);
      expect(refused.output).toMatch(/in use by process/);
      // PGlite has one user: the app steps aside while the test plays the intruder.
      await deployment.api.stop();
    }
    const clean = await verifyCommand(deployment);
    expect([clean.code, clean.report?.ok]).toEqual([0, true]);

    const db = await openDatabase(deployment);
    let expected: { seq: number; id: string | null; kind: string }[];
    try {
      const [{ last_seq: last }] = await db.sql(`SELECT last_seq FROM audit_chain_head`);
      const lastSeq = Number(last);
      expect(lastSeq).toBeGreaterThan(14);
      const idAt = async (seq: number) => String((await db.sql(`SELECT id FROM audit_entries WHERE seq = $1`, [seq]))[0].id);
      const [altered, swappedA, swappedB] = [await idAt(3), await idAt(9), await idAt(12)];

      // The trigger refuses every way of changing the trail.
      await expect(db.sql(`UPDATE audit_entries SET comment = 'x' WHERE seq = 3`)).rejects.toThrow(/append-only/);
      await expect(db.sql(`DELETE FROM audit_entries WHERE seq = 3`)).rejects.toThrow(/append-only/);
      await expect(db.sql(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);

      await db.sql(`ALTER TABLE audit_entries DISABLE TRIGGER USER`);
      await db.sql(`UPDATE audit_entries SET comment = '改过的意见' WHERE seq = 3`);
      await db.sql(`DELETE FROM audit_entries WHERE seq IN (6, $1)`, [lastSeq]);
      await db.sql(`UPDATE audit_entries SET seq = 1000000000 WHERE seq = 9`);
      await db.sql(`UPDATE audit_entries SET seq = 9 WHERE seq = 12`);
      await db.sql(`UPDATE audit_entries SET seq = 12 WHERE seq = 1000000000`);
      await db.sql(`ALTER TABLE audit_entries ENABLE TRIGGER USER`);
      expected = [
        { seq: 3, id: altered, kind: 'altered' },
        { seq: 6, id: null, kind: 'missing' },
        { seq: 9, id: swappedB, kind: 'reordered' },
        { seq: 12, id: swappedA, kind: 'reordered' },
        { seq: lastSeq, id: null, kind: 'missing' },
      ];
    } finally {
      await db.close();
    }

    const tampered = await verifyCommand(deployment);
    expect(tampered.code).toBe(1);
    expect(tampered.report.problems.map(({ seq, id, kind }: any) => ({ seq, id, kind }))).toEqual(expected);
    expect(tampered.output).toMatch(/审计链发现 5 处问题/);
    expect(tampered.output).toMatch(/Audit chain: 5 problem\(s\) found/);

    if (mode === 'embedded') await deployment.restart();
    const admin = await loginAs(deployment, 'admin1'); // appends to the chain after the removed last entry
    const verification = await admin.get('/api/audit/verification');
    expect(verification.body.ok).toBe(false);
    expect(verification.body.problems.map(({ seq, id, kind }: any) => ({ seq, id, kind }))).toEqual(expected);
    expect(verification.body.problems[0].message).toEqual({ zh: expect.stringContaining('已被修改'), en: expect.stringContaining('altered') });
  });
});
