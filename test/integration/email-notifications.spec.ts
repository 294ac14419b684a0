import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import { organisationBody, PASSWORD, personBody, unique } from '../support/identities.js';
import { startMailServer, type TestMailServer } from '../support/mail-server.js';
import { startSmsGateway, type TestSmsGateway } from '../support/sms-gateway.js';
import { type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant } from '../support/tongban.js';

/*
 * Stage changes told by e-mail, through a real SMTP server on loopback that asks for a password: to the
 * applicant's own address (an organisation's administrator: the organisation's), with the Chinese subject
 * encoded as RFC 2047 asks, plain text and HTML; nothing for an applicant without an address; and a server
 * that refuses for a while gets each message later, while transitions answer at once and the SMS gateway is
 * sent each message only once.
 */

const MAIL_FROM = '通办 Tongban <noreply@zwfw.example.gov.cn>';

/** Registers an applicant from a registration body (a person's or an organisation's) and logs them in. */
async function registered(deployment: Deployment, body: Record<string, unknown>): Promise<Client> {
  const response = await api(deployment.baseUrl).post('/api/identity/register', body);
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return loginAs(deployment, body.username as string, PASSWORD);
}

/** The title the applicant is sent for the stage the case now stands at. */
async function titleNow(client: Client, caseId: string): Promise<string> {
  const { body } = await client.get(`/api/cases/${caseId}`);
  return `${body.caseNumber}：进入“${body.stageName}”`;
}

/** Takes an action as staff and returns how long the answer took. */
async function act(staff: Client, caseId: string, action: string): Promise<number> {
  const started = Date.now();
  const answered = await staff.post(`/api/cases/${caseId}/actions/${action}`, {});
  expect(answered.status).toBe(200);
  return Date.now() - started;
}

const mailsTo = (mail: TestMailServer, address: string) => mail.received.filter((received) => received.envelopeTo.includes(address));
const subjectsTo = (mail: TestMailServer, address: string) => mailsTo(mail, address).map((received) => received.parsed.subject).sort();

describe.each(MODES)('stage changes reach the applicant by e-mail (%s mode)', (mode) => {
  let mail: TestMailServer;
  let deployment: Deployment;
  const person = { email: `zhang.san.${unique()}@example.cn`, titles: [] as string[] };
  const organisation = { email: `office.${unique()}@example.cn`, titles: [] as string[] };

  beforeAll(async () => {
    mail = await startMailServer();
    deployment = await deploy(mode, { extraEnv: { TONGBAN_SMTP_URL: mail.url, TONGBAN_MAIL_FROM: MAIL_FROM } });
    const window = await loginAs(deployment, 'window1');

    // A person without an e-mail address files first: had the channel tried to reach them, it would show below.
    const { client: withoutEmail } = await newApplicant(deployment);
    await fileSubmittedCase(deployment, withoutEmail);

    const applicant = await registered(deployment, personBody({ email: person.email }));
    const caseId = await fileSubmittedCase(deployment, applicant);
    person.titles.push(await titleNow(applicant, caseId));
    for (const action of ['preAccept', 'accept']) {
      await act(window, caseId, action);
      person.titles.push(await titleNow(applicant, caseId));
    }

    const administrator = await registered(deployment, organisationBody({ email: organisation.email }));
    organisation.titles.push(await titleNow(administrator, await fileSubmittedCase(deployment, administrator)));
  });
  afterAll(async () => {
    await deployment?.stop();
    await mail?.close();
  });

  it('mails each stage reached to the applicant’s address, once, with the case number in the decoded Chinese subject', async () => {
    expect(person.titles).toHaveLength(3);
    expect(new Set(person.titles).size).toBe(3);
    const subjects = await eventually(() => subjectsTo(mail, person.email), (found) => found.length >= 3);
    expect(subjects).toEqual([...person.titles].sort());

    for (const { parsed, rawHeaders } of mailsTo(mail, person.email)) {
      expect(parsed.to).toMatchObject({ value: [{ address: person.email }] });
      expect(parsed.from).toMatchObject({ value: [{ address: 'noreply@zwfw.example.gov.cn', name: '通办 Tongban' }] });
      // The subject travels as RFC 2047 encoded words, never as raw 8-bit bytes in the header.
      expect(rawHeaders).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
      const caseNumber = parsed.subject!.split('：')[0];
      expect(caseNumber).toMatch(/^LCJ-\d{8}-\d{6}$/);
      expect(parsed.text).toContain(`您的办件 ${caseNumber} 当前环节：`);
      expect(parsed.text).toContain('请勿直接回复');
      expect(parsed.html).toContain(`<h1>${parsed.subject}</h1>`);
      expect(parsed.html).toContain(`<p>您的办件 ${caseNumber} 当前环节：`);
    }
  });

  it('mails an organisation’s administrator at the organisation’s address', async () => {
    const subjects = await eventually(() => subjectsTo(mail, organisation.email), (found) => found.length >= 1);
    expect(subjects).toEqual(organisation.titles);
  });

  it('sends nothing by e-mail to an applicant without an address, and counts that as no failure', async () => {
    // Everything received went to the two applicants with an address.
    const everyone = new Set(mail.received.flatMap((received) => received.envelopeTo));
    expect([...everyone].sort()).toEqual([organisation.email, person.email].sort());
    const output = [deployment.api, ...deployment.workers].map((proc) => proc.output()).join('\n');
    expect(output).not.toMatch(/-email of notifications failed|the email channel/);
  });
});

describe.each(MODES)('an SMTP server that refuses for a while (%s mode)', (mode) => {
  let mail: TestMailServer;
  let sms: TestSmsGateway;
  let deployment: Deployment;
  let window: Client;
  let applicant: Client;
  let caseId: string;
  const email = `li.si.${unique()}@example.cn`;
  const titles: string[] = [];

  beforeAll(async () => {
    mail = await startMailServer();
    sms = await startSmsGateway();
    deployment = await deploy(mode, { extraEnv: { TONGBAN_SMTP_URL: mail.url, TONGBAN_MAIL_FROM: MAIL_FROM, TONGBAN_NOTIFY_WEBHOOK_URL: sms.url } });
    window = await loginAs(deployment, 'window1');
    applicant = await registered(deployment, personBody({ email }));
  });
  afterAll(async () => {
    await deployment?.stop();
    await mail?.close();
    await sms?.close();
  });

  it('answers transitions at once while the mail server refuses every recipient', async () => {
    mail.refuse(true);
    caseId = await fileSubmittedCase(deployment, applicant);
    titles.push(await titleNow(applicant, caseId));
    expect(await act(window, caseId, 'preAccept')).toBeLessThan(5_000);
    titles.push(await titleNow(applicant, caseId));

    // Both messages were offered and refused; none was taken.
    expect(await eventually(() => mail.refusalsSoFar(), (refusals) => refusals >= 2)).toBeGreaterThanOrEqual(2);
    expect(mail.received).toHaveLength(0);
  });

  it('puts them in the inbox and sends them by SMS meanwhile: a refusing channel holds no other back', async () => {
    const inbox = await eventually(
      async () => (await applicant.get('/api/notifications')).body.map((n: { title: string }) => n.title) as string[],
      (found) => found.length >= 2,
    );
    expect(inbox.sort()).toEqual([...titles].sort());
    const texts = await eventually(() => sms.received.map((m) => m.title), (found) => found.length >= 2);
    expect(texts.sort()).toEqual([...titles].sort());
    expect(sms.received.every((m) => m.email === email && m.phone === '13800000000')).toBe(true);
    expect(mail.received).toHaveLength(0);
  });

  it('delivers each message once the server takes mail again, and the SMS is not sent twice', async () => {
    const refusedWhileDown = mail.refusalsSoFar();
    mail.refuse(false);
    const subjects = await eventually(() => subjectsTo(mail, email), (found) => found.length >= 2, 40_000);
    expect(subjects).toEqual([...titles].sort());
    expect(mail.refusalsSoFar()).toBe(refusedWhileDown);
    expect(sms.received).toHaveLength(2);
  });
});
