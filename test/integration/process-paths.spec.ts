import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  basicInformation, type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MATTER_OF_PROCESS, matterByCode, MODES, newApplicant,
  type TimelineEntry, timelineOf, uploadSmallMaterial, waitForStage, handOverDetails,
} from '../support/tongban.js';
import { pdfText } from '../support/pdf.js';

type Staff = 'window1' | 'reviewer1' | 'reviewer2' | 'decider1';
type ProcessKey = keyof typeof MATTER_OF_PROCESS;

/** A submitted case and the applicant who filed it. */
interface FiledCase {
  id: string;
  applicant: Client;
}

/**
 * One action and where it must leave the case: `to` is the stage the answer names (the service task's id when
 * the action reaches one; several waiting tasks are joined by '+', in any order); `then` is where the case
 * must settle once the background service task has run.
 */
interface Step {
  by: Staff | 'applicant';
  action: string;
  to: string;
  then?: string;
  comment?: string;
  specialProcedure?: { kind: string; expectedWorkingDays: number };
  taskId?: string;
}

/** A timeline entry as [action, actor role, from stage, to stage]. */
type Row = [action: string, role: string, from: string | null, to: string];

/** What a service task leaves in the timeline: the platform, not a person, moved the case on. */
const service = (handler: string, from: string, to: string): Row => [`service.${handler}`, 'system', from, to];

/** How each process's timeline starts once `fileSubmittedCase` has filed it. */
const FILED: Record<ProcessKey, Row[]> = {
  'standard-licensing': [['create', 'applicant', null, 'application'], ['submit', 'applicant', 'application', 'preAcceptance']],
  instant: [['create', 'applicant', null, 'application'], ['submit', 'applicant', 'application', 'windowDecision']],
  'notification-commitment': [
    ['create', 'applicant', null, 'commitment'],
    ['sign', 'applicant', 'commitment', 'application'],
    ['submit', 'applicant', 'application', 'acceptance'],
  ],
  'parallel-approval': [['create', 'applicant', null, 'application'], ['submit', 'applicant', 'application', 'acceptance']],
};

interface ExpectedPosition {
  waitingAt: string[];
  endedAt?: string;
  /** Times each element was passed; 0 means never. */
  visited?: Record<string, number>;
  flowsTaken?: string[];
  flowsNotTaken?: string[];
}

/** Every filing of basicInformation() names this organisation, the licence's holder. */
const HOLDER = basicInformation('').applicantOrganisation;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const stagesOf = (stage: string) => stage.split('+').sort();
// The notices and decisions the law requires of each step (src/cases/results/document-kinds.ts).
const ACCEPTANCE_NOTICE = '受理通知书';
const SUPPLEMENTATION_NOTICE = '补正告知书';
const NOTICE_OF_NON_ACCEPTANCE = '不予受理决定书';
const GRANT_DECISION = '准予行政许可决定书';
const REFUSAL_DECISION = '不予行政许可决定书';
const REVOCATION_DECISION = '撤销行政许可决定书';

// Every path through every shipped process (workflows/*.bpmn), over HTTP against real processes, in each run mode.
describe.each(MODES)('every path through the shipped processes (%s mode)', (mode) => {
  let deployment: Deployment;
  let staff: Record<Staff, Client>;

  beforeAll(async () => {
    deployment = await deploy(mode);
    const names: Staff[] = ['window1', 'reviewer1', 'reviewer2', 'decider1'];
    const clients = await Promise.all(names.map((name) => loginAs(deployment, name)));
    staff = Object.fromEntries(names.map((name, i) => [name, clients[i]])) as Record<Staff, Client>;
  });
  afterAll(() => deployment?.stop());

  async function fileCase(process: ProcessKey): Promise<FiledCase> {
    const { client: applicant } = await newApplicant(deployment);
    return { id: await fileSubmittedCase(deployment, applicant, MATTER_OF_PROCESS[process]), applicant };
  }

  /** The last lines the API and workers wrote, to tell a product error (a 500) from a wrong expectation. */
  const recentOutput = () =>
    [deployment.api, ...deployment.workers].map((proc) => proc.output().split('\n').slice(-40).join('\n')).join('\n');

  /** Takes each step in turn; fails naming the step unless it is answered 200 at the stage expected. */
  async function drive(kase: FiledCase, steps: Step[]): Promise<void> {
    for (const step of steps) {
      const client = step.by === 'applicant' ? kase.applicant : staff[step.by];
      const response = await client.post(`/api/cases/${kase.id}/actions/${step.action}`, { comment: step.comment, taskId: step.taskId, specialProcedure: step.specialProcedure, ...handOverDetails(step.action) });
      if (response.status !== 200 || stagesOf(response.body.case?.stage ?? '').join('+') !== stagesOf(step.to).join('+')) {
        throw new Error(`${step.by} ${step.action} on case ${kase.id}: expected 200 at ${step.to}, got ${response.status} ${JSON.stringify(response.body)}\n${recentOutput()}`);
      }
      if (step.then) await waitForStage(client, kase.id, step.then);
    }
  }

  async function expectTimeline(kase: FiledCase, rows: Row[]): Promise<TimelineEntry[]> {
    const timeline = await timelineOf(staff.window1, kase.id);
    expect(timeline.map((entry) => [entry.action, entry.actor.role, entry.from?.stage ?? null, entry.to.stage])).toEqual(rows);
    return timeline;
  }

  async function expectPosition(kase: FiledCase, expected: ExpectedPosition): Promise<void> {
    const response = await staff.window1.get(`/api/cases/${kase.id}/position`);
    expect(response.status).toBe(200);
    const position = response.body;
    expect([...position.waitingAt].sort()).toEqual([...expected.waitingAt].sort());
    expect(position.endedAt).toBe(expected.endedAt ?? null);
    for (const [elementId, times] of Object.entries(expected.visited ?? {})) {
      const passed = position.visited.filter((v: { elementId: string }) => v.elementId === elementId);
      expect({ elementId, passed }).toEqual({ elementId, passed: times === 0 ? [] : [{ elementId, times }] });
    }
    expect(position.flowsTaken).toEqual(expect.arrayContaining(expected.flowsTaken ?? []));
    for (const flow of expected.flowsNotTaken ?? []) expect(position.flowsTaken).not.toContain(flow);
  }

  /**
   * The case's documents are exactly those titled as given, in order; each downloads whole as a PDF, its
   * X-Content-SHA256 header and listed sha256 matching the bytes, and the last one states the staff's reasons when given.
   */
  async function expectDocuments(kase: FiledCase, titles: string[], reason?: string): Promise<void> {
    const list = await kase.applicant.get(`/api/cases/${kase.id}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.map((d: { title: string }) => d.title)).toEqual(titles);
    for (const [i, document] of list.body.entries()) {
      const download = await fetch(`${deployment.baseUrl}/api/cases/${kase.id}/documents/${document.id}/content`, {
        headers: { authorization: `Bearer ${kase.applicant.token}` },
      });
      expect(download.status).toBe(200);
      const content = Buffer.from(await download.arrayBuffer());
      expect(content.length).toBeGreaterThan(0);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('x-content-sha256')).toBe(sha256(content));
      expect(document).toMatchObject({ sha256: sha256(content), sizeBytes: content.length });
      if (reason && i === list.body.length - 1) expect((await pdfText(content)).replace(/\n/g, '')).toContain(reason);
    }
  }

  async function expectLicence(kase: FiledCase): Promise<void> {
    const licence = await kase.applicant.get(`/api/cases/${kase.id}/licence`);
    expect(licence.status).toBe(200);
    expect(licence.body).toMatchObject({ caseId: kase.id, holder: HOLDER, licenceNumber: expect.stringMatching(/^ZZ-/) });
  }

  async function expectNoLicence(kase: FiledCase): Promise<void> {
    const licence = await kase.applicant.get(`/api/cases/${kase.id}/licence`);
    expect(licence.status).toBe(404);
    expect(licence.body.code).toBe('LICENCE_NOT_FOUND');
  }

  /** The supplementation notices in the applicant's inbox (which also tells of every stage reached). */
  async function noticesOf(applicant: Client, query = ''): Promise<any[]> {
    const inbox = await applicant.get(`/api/notifications${query}`);
    expect(inbox.status).toBe(200);
    return inbox.body.filter((notification: { title: string }) => notification.title.includes('补正告知'));
  }

  describe('standard-licensing (LCJ-XK-001)', () => {
    const PRE_ACCEPT_AND_ACCEPT: Step[] = [
      { by: 'window1', action: 'preAccept', to: 'acceptance' },
      { by: 'window1', action: 'accept', to: 'review' },
    ];
    const ACCEPTED_ROWS: Row[] = [
      ['preAccept', 'window_staff', 'preAcceptance', 'acceptance'],
      ['accept', 'window_staff', 'acceptance', 'review'],
    ];

    it('refused at pre-acceptance: a notice of non-acceptance is generated, listed and downloadable, and the case ends notAccepted', async () => {
      const kase = await fileCase('standard-licensing');
      const reason = '申请事项不属于本机关职权范围，请向旗县林草主管部门申请';
      await drive(kase, [{ by: 'window1', action: 'refuse', comment: reason, to: 'notifyRefusal', then: 'notAccepted' }]);

      const detail = await kase.applicant.get(`/api/cases/${kase.id}`);
      expect(detail.body).toMatchObject({ stage: 'notAccepted', status: 'closed', openTasks: [], serviceTasks: [] });
      await expectDocuments(kase, [NOTICE_OF_NON_ACCEPTANCE], reason);
      await expectNoLicence(kase);
      await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ['refuse', 'window_staff', 'preAcceptance', 'notifyRefusal'],
        service('generateNotice', 'notifyRefusal', 'notAccepted'),
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'notAccepted',
        visited: { preAcceptance: 1, notifyRefusal: 1, acceptance: 0 },
        flowsTaken: ['toPreAcceptance', 'preAcceptanceRefused', 'toNotAccepted'],
        flowsNotTaken: ['preAccepted'],
      });
    });

    it('refused at acceptance after pre-acceptance: the case ends notAccepted with the notice', async () => {
      const kase = await fileCase('standard-licensing');
      const reason = '申请人不具备申请资格';
      await drive(kase, [
        { by: 'window1', action: 'preAccept', to: 'acceptance' },
        { by: 'window1', action: 'refuse', comment: reason, to: 'notifyRefusal', then: 'notAccepted' },
      ]);

      await expectDocuments(kase, [NOTICE_OF_NON_ACCEPTANCE], reason);
      await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ['preAccept', 'window_staff', 'preAcceptance', 'acceptance'],
        ['refuse', 'window_staff', 'acceptance', 'notifyRefusal'],
        service('generateNotice', 'notifyRefusal', 'notAccepted'),
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'notAccepted',
        visited: { preAcceptance: 1, acceptance: 1, notifyRefusal: 1, review: 0 },
        flowsTaken: ['preAccepted', 'acceptanceRefused', 'toNotAccepted'],
        flowsNotTaken: ['accepted', 'preAcceptanceRefused'],
      });
    });

    it('loops through supplementation twice, notifying the applicant each time with the staff comment, then accepts into review', async () => {
      const kase = await fileCase('standard-licensing');
      const matter = await matterByCode(deployment, MATTER_OF_PROCESS['standard-licensing']);
      const firstDefects = '草原权属证明材料为复印件，请补充原件扫描件';
      const secondDefects = '补偿协议缺少草原使用者签章，请补正';

      await drive(kase, [{ by: 'window1', action: 'requestSupplement', comment: firstDefects, to: 'notifySupplementation', then: 'supplementation' }]);
      expect(await noticesOf(kase.applicant)).toEqual([expect.objectContaining({ caseId: kase.id, body: firstDefects, readAt: null })]);
      // The applicant's turn again: the process takes supplementary materials.
      expect((await uploadSmallMaterial(deployment, kase.applicant, kase.id, matter.requiredMaterials[1].id)).status).toBe(201);

      await drive(kase, [
        { by: 'applicant', action: 'supplement', comment: '已补充原件扫描件', to: 'supplementAcceptance' },
        { by: 'window1', action: 'requestSupplement', comment: secondDefects, to: 'notifySupplementation', then: 'supplementation' },
      ]);
      expect((await noticesOf(kase.applicant)).map((n) => n.body)).toEqual([secondDefects, firstDefects]);

      await drive(kase, [
        { by: 'applicant', action: 'supplement', to: 'supplementAcceptance' },
        { by: 'window1', action: 'accept', comment: '补正材料齐全，予以受理', to: 'review' },
      ]);
      const timeline = await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ['requestSupplement', 'window_staff', 'preAcceptance', 'notifySupplementation'],
        service('notifyApplicant', 'notifySupplementation', 'supplementation'),
        ['supplement', 'applicant', 'supplementation', 'supplementAcceptance'],
        ['requestSupplement', 'window_staff', 'supplementAcceptance', 'notifySupplementation'],
        service('notifyApplicant', 'notifySupplementation', 'supplementation'),
        ['supplement', 'applicant', 'supplementation', 'supplementAcceptance'],
        ['accept', 'window_staff', 'supplementAcceptance', 'review'],
      ]);
      expect(timeline.filter((entry) => entry.action === 'requestSupplement').map((entry) => entry.comment)).toEqual([firstDefects, secondDefects]);
      await expectDocuments(kase, [SUPPLEMENTATION_NOTICE, SUPPLEMENTATION_NOTICE, ACCEPTANCE_NOTICE], '补正材料齐全，予以受理');
      await expectPosition(kase, {
        waitingAt: ['review'],
        visited: { preAcceptance: 1, notifySupplementation: 2, supplementation: 2, supplementAcceptance: 2, acceptance: 0 },
        flowsTaken: ['preAcceptanceSupplement', 'toSupplementation', 'toSupplementAcceptance', 'supplementDecided', 'acceptanceSupplement', 'accepted'],
        flowsNotTaken: ['preAccepted'],
      });
    });

    it('marks the supplementation notice read, for its applicant only', async () => {
      const kase = await fileCase('standard-licensing');
      const defects = '请补充草原植被恢复方案的实施进度安排';
      await drive(kase, [{ by: 'window1', action: 'requestSupplement', comment: defects, to: 'notifySupplementation', then: 'supplementation' }]);
      const [notice] = await noticesOf(kase.applicant, '?unread=true');
      expect(notice).toMatchObject({ caseId: kase.id, body: defects, readAt: null });
      const unreadCount = async () => (await kase.applicant.get('/api/notifications/unread-count')).body;
      const unread = (await kase.applicant.get('/api/notifications?unread=true')).body.length;
      expect(await unreadCount()).toEqual({ unread });

      const { client: stranger } = await newApplicant(deployment);
      expect((await stranger.post(`/api/notifications/${notice.id}/read`)).status).toBe(404);
      expect((await stranger.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
      const read = await kase.applicant.post(`/api/notifications/${notice.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: notice.id, readAt: expect.any(String) });
      expect(await noticesOf(kase.applicant, '?unread=true')).toEqual([]);
      expect(await unreadCount()).toEqual({ unread: unread - 1 });
      expect(await noticesOf(kase.applicant)).toEqual([expect.objectContaining({ id: notice.id, readAt: read.body.readAt })]);
    });

    it('returns to review after a special procedure and after an extension request, approved or denied', async () => {
      const kase = await fileCase('standard-licensing');
      await drive(kase, [
        ...PRE_ACCEPT_AND_ACCEPT,
        { by: 'reviewer1', action: 'startSpecialProcedure', comment: '需组织专家评审', specialProcedure: { kind: 'expertReview', expectedWorkingDays: 10 }, to: 'specialProcedure' },
        { by: 'reviewer1', action: 'endSpecialProcedure', comment: '专家评审结束', to: 'review' },
        { by: 'reviewer1', action: 'requestExtension', comment: '情况复杂，申请延期十个工作日', to: 'extensionApproval' },
        { by: 'decider1', action: 'approveExtension', to: 'review' },
        { by: 'reviewer1', action: 'requestExtension', comment: '再次申请延期', to: 'extensionApproval' },
        { by: 'decider1', action: 'denyExtension', to: 'review' },
      ]);

      await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ...ACCEPTED_ROWS,
        ['startSpecialProcedure', 'reviewer', 'review', 'specialProcedure'],
        ['endSpecialProcedure', 'reviewer', 'specialProcedure', 'review'],
        ['requestExtension', 'reviewer', 'review', 'extensionApproval'],
        ['approveExtension', 'decider', 'extensionApproval', 'review'],
        ['requestExtension', 'reviewer', 'review', 'extensionApproval'],
        ['denyExtension', 'decider', 'extensionApproval', 'review'],
      ]);
      await expectPosition(kase, {
        waitingAt: ['review'],
        visited: { review: 3, specialProcedure: 1, extensionApproval: 2, decision: 0 },
        flowsTaken: ['toSpecialProcedure', 'specialProcedureEnded', 'toExtension', 'extensionDecided'],
        flowsNotTaken: ['reviewed'],
      });
    });

    it('rejected in review and denied: a refusal decision is generated and delivered, and the case completes refused without a licence', async () => {
      const kase = await fileCase('standard-licensing');
      const reason = '临时占用期限超过二年，不符合法定条件';
      await drive(kase, [
        ...PRE_ACCEPT_AND_ACCEPT,
        { by: 'reviewer1', action: 'reject', comment: '建议不予许可', to: 'decision' },
        { by: 'decider1', action: 'deny', comment: reason, to: 'generateRefusalDecision', then: 'delivery' },
        { by: 'window1', action: 'deliver', to: 'completedRefused' },
      ]);

      await expectDocuments(kase, [ACCEPTANCE_NOTICE, REFUSAL_DECISION], reason);
      await expectNoLicence(kase);
      await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ...ACCEPTED_ROWS,
        ['reject', 'reviewer', 'review', 'decision'],
        ['deny', 'decider', 'decision', 'generateRefusalDecision'],
        service('generateNotice', 'generateRefusalDecision', 'delivery'),
        ['deliver', 'window_staff', 'delivery', 'completedRefused'],
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'completedRefused',
        visited: { generateRefusalDecision: 1, delivery: 1, issueLicence: 0 },
        flowsTaken: ['reviewed', 'denied', 'refusalToDelivery', 'completedAsRefused'],
        flowsNotTaken: ['granted', 'completedAsGranted'],
      });
    });

    it('sent back by the decider with its reason, reviewed again and granted; without a reason the send-back is refused', async () => {
      const kase = await fileCase('standard-licensing');
      await drive(kase, [...PRE_ACCEPT_AND_ACCEPT, { by: 'reviewer1', action: 'approve', to: 'decision' }]);
      const silent = await staff.decider1.post(`/api/cases/${kase.id}/actions/sendBack`, { comment: '  ' });
      expect(silent).toMatchObject({ status: 422, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'comment' }] } } });
      const reason = '恢复方案未明确植被恢复期限，请补充审查';
      await drive(kase, [
        { by: 'decider1', action: 'sendBack', comment: reason, to: 'review' },
        { by: 'reviewer1', action: 'approve', comment: '已核实恢复期限为一年', to: 'decision' },
        { by: 'decider1', action: 'grant', to: 'issueLicence', then: 'delivery' },
      ]);
      const timeline = await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ...ACCEPTED_ROWS,
        ['approve', 'reviewer', 'review', 'decision'],
        ['sendBack', 'decider', 'decision', 'review'],
        ['approve', 'reviewer', 'review', 'decision'],
        ['grant', 'decider', 'decision', 'issueLicence'],
        service('issueLicence', 'issueLicence', 'delivery'),
      ]);
      expect(timeline.find((entry) => entry.action === 'sendBack')?.comment).toBe(reason);
      await expectPosition(kase, { waitingAt: ['delivery'], visited: { review: 2, decision: 2 }, flowsTaken: ['sentBackToReview', 'granted'] });
    });

    it('approved and granted: a licence is issued, and delivery completes the case granted', async () => {
      const kase = await fileCase('standard-licensing');
      await drive(kase, [
        ...PRE_ACCEPT_AND_ACCEPT,
        { by: 'reviewer1', action: 'approve', to: 'decision' },
        { by: 'decider1', action: 'grant', comment: '符合法定条件，准予许可', to: 'issueLicence', then: 'delivery' },
        { by: 'window1', action: 'deliver', to: 'completedGranted' },
      ]);

      await expectLicence(kase);
      await expectDocuments(kase, [ACCEPTANCE_NOTICE, GRANT_DECISION], '符合法定条件，准予许可');
      await expectTimeline(kase, [
        ...FILED['standard-licensing'],
        ...ACCEPTED_ROWS,
        ['approve', 'reviewer', 'review', 'decision'],
        ['grant', 'decider', 'decision', 'issueLicence'],
        service('issueLicence', 'issueLicence', 'delivery'),
        ['deliver', 'window_staff', 'delivery', 'completedGranted'],
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'completedGranted',
        visited: { issueLicence: 1, delivery: 1, generateRefusalDecision: 0 },
        flowsTaken: ['reviewed', 'granted', 'licenceToDelivery', 'completedAsGranted'],
        flowsNotTaken: ['denied', 'completedAsRefused'],
      });
    });
  });

  describe('instant (SCJG-XK-015)', () => {
    it.each([
      { action: 'grant', serviceTask: 'issueLicence', handler: 'issueLicence', end: 'completedGranted', flows: ['granted', 'toCompletedGranted'], documents: [GRANT_DECISION] },
      { action: 'deny', serviceTask: 'generateRefusalDecision', handler: 'generateNotice', end: 'completedRefused', flows: ['denied', 'toCompletedRefused'], documents: [REFUSAL_DECISION] },
      { action: 'refuse', serviceTask: 'notifyRefusal', handler: 'generateNotice', end: 'notAccepted', flows: ['refused', 'toNotAccepted'], documents: [NOTICE_OF_NON_ACCEPTANCE] },
    ])('$action at the window ends the case $end through $serviceTask', async ({ action, serviceTask, handler, end, flows, documents }) => {
      const kase = await fileCase('instant');
      const comment = `当场办理：${action}`;
      await drive(kase, [{ by: 'window1', action, comment, to: serviceTask, then: end }]);

      if (action === 'grant') await expectLicence(kase);
      else await expectNoLicence(kase);
      await expectDocuments(kase, documents, comment);
      await expectTimeline(kase, [
        ...FILED.instant,
        [action, 'window_staff', 'windowDecision', serviceTask],
        service(handler, serviceTask, end),
      ]);
      const otherServices = ['issueLicence', 'generateRefusalDecision', 'notifyRefusal'].filter((id) => id !== serviceTask);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: end,
        visited: { windowDecision: 1, [serviceTask]: 1, ...Object.fromEntries(otherServices.map((id) => [id, 0])) },
        flowsTaken: ['toWindowDecision', ...flows],
      });
    });
  });

  describe('notification-commitment (SCJG-XK-012)', () => {
    it('starts the draft at the commitment, which the applicant signs before the application can be submitted', async () => {
      const { client: applicant } = await newApplicant(deployment);
      const matter = await matterByCode(deployment, MATTER_OF_PROCESS['notification-commitment']);
      const draft = await applicant.post('/api/cases', basicInformation(matter.id));
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ stage: 'commitment', status: 'open' });
      const kase: FiledCase = { id: draft.body.id, applicant };
      const detail = await applicant.get(`/api/cases/${kase.id}`);
      expect(detail.body.openTasks).toEqual([expect.objectContaining({ elementId: 'commitment', role: 'applicant', actions: ['sign'], yours: true })]);

      const early = await applicant.post(`/api/cases/${kase.id}/actions/submit`, {});
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'STAGE_CONFLICT', details: { stage: 'commitment', availableActions: ['sign'] } });

      await drive(kase, [{ by: 'applicant', action: 'sign', comment: '本人承诺符合食品经营许可条件', to: 'application' }]);
      for (const item of matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired)) {
        expect((await uploadSmallMaterial(deployment, applicant, kase.id, item.id)).status).toBe(201);
      }
      await drive(kase, [{ by: 'applicant', action: 'submit', to: 'acceptance' }]);
      await expectTimeline(kase, FILED['notification-commitment']);
      await expectPosition(kase, { waitingAt: ['acceptance'], visited: { commitment: 1, application: 1 }, flowsTaken: ['toCommitment', 'toApplication', 'toAcceptance'] });
    });

    it('issues the licence on acceptance, then the inspection confirms it: the case completes granted', async () => {
      const kase = await fileCase('notification-commitment');
      await drive(kase, [{ by: 'window1', action: 'accept', to: 'issueLicence', then: 'inspection' }]);
      // Issued before the inspection, on the strength of the commitment, with its decision.
      await expectLicence(kase);
      await expectDocuments(kase, [GRANT_DECISION]);
      await drive(kase, [{ by: 'reviewer1', action: 'confirm', comment: '现场核查属实', to: 'completedGranted' }]);

      await expectTimeline(kase, [
        ...FILED['notification-commitment'],
        ['accept', 'window_staff', 'acceptance', 'issueLicence'],
        service('issueLicence', 'issueLicence', 'inspection'),
        ['confirm', 'reviewer', 'inspection', 'completedGranted'],
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'completedGranted',
        visited: { acceptance: 1, issueLicence: 1, inspection: 1, generateRevocation: 0 },
        flowsTaken: ['accepted', 'toInspection', 'confirmed'],
        flowsNotTaken: ['revoked'],
      });
    });

    it('revokes the licence when the inspection finds the commitment false: a revocation decision is generated, the case ends licenceRevoked', async () => {
      const kase = await fileCase('notification-commitment');
      const reason = '经核查，经营场所与承诺不符';
      await drive(kase, [
        { by: 'window1', action: 'accept', to: 'issueLicence', then: 'inspection' },
        { by: 'reviewer1', action: 'revoke', comment: reason, to: 'generateRevocation', then: 'licenceRevoked' },
      ]);

      await expectDocuments(kase, [GRANT_DECISION, REVOCATION_DECISION], reason);
      await expectTimeline(kase, [
        ...FILED['notification-commitment'],
        ['accept', 'window_staff', 'acceptance', 'issueLicence'],
        service('issueLicence', 'issueLicence', 'inspection'),
        ['revoke', 'reviewer', 'inspection', 'generateRevocation'],
        service('generateNotice', 'generateRevocation', 'licenceRevoked'),
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'licenceRevoked',
        visited: { inspection: 1, generateRevocation: 1 },
        flowsTaken: ['accepted', 'revoked', 'toRevoked'],
        flowsNotTaken: ['confirmed'],
      });
    });

    it('refused at acceptance: the case ends notAccepted with the notice and no licence', async () => {
      const kase = await fileCase('notification-commitment');
      const reason = '经营场所不在本辖区';
      await drive(kase, [{ by: 'window1', action: 'refuse', comment: reason, to: 'notifyRefusal', then: 'notAccepted' }]);

      await expectDocuments(kase, [NOTICE_OF_NON_ACCEPTANCE], reason);
      await expectNoLicence(kase);
      await expectTimeline(kase, [
        ...FILED['notification-commitment'],
        ['refuse', 'window_staff', 'acceptance', 'notifyRefusal'],
        service('generateNotice', 'notifyRefusal', 'notAccepted'),
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'notAccepted',
        visited: { notifyRefusal: 1, issueLicence: 0, inspection: 0 },
        flowsTaken: ['refused', 'toNotAccepted'],
        flowsNotTaken: ['accepted'],
      });
    });
  });

  describe('parallel-approval (ZRZY-XK-003)', () => {
    const CO_REVIEWS = 'coReviewForestry+coReviewEnvironment';
    const objection = '项目用地涉及饮用水水源二级保护区，不同意';

    describe('the co-departments review at once, and the lead decides on every opinion', () => {
      let kase: FiledCase;

      beforeAll(async () => {
        kase = await fileCase('parallel-approval');
      });

      it('opens both co-reviews at once on acceptance, each for its own department', async () => {
        await drive(kase, [{ by: 'window1', action: 'accept', to: CO_REVIEWS }]);
        const detail = await staff.window1.get(`/api/cases/${kase.id}`);
        expect(detail.body.openTasks.map((t: any) => [t.elementId, t.role, t.department])).toEqual(
          expect.arrayContaining([['coReviewForestry', 'reviewer', 'LCJ'], ['coReviewEnvironment', 'reviewer', 'HJ']]),
        );
        expect(detail.body.openTasks).toHaveLength(2);
        await expectPosition(kase, { waitingAt: ['coReviewForestry', 'coReviewEnvironment'], flowsTaken: ['accepted', 'toForestryReview', 'toEnvironmentReview'] });
      });

      it("lists each co-review only in its own department's reviewers' to-do lists", async () => {
        const todoOf = async (client: Client) => {
          const todo = await client.get('/api/tasks?limit=200');
          expect(todo.status).toBe(200);
          return todo.body.items.filter((item: { caseId: string }) => item.caseId === kase.id).map((item: { stage: string }) => item.stage);
        };
        expect(await todoOf(staff.reviewer1)).toEqual(['coReviewForestry']);
        expect(await todoOf(staff.reviewer2)).toEqual(['coReviewEnvironment']);
      });

      it("refuses a reviewer acting on another department's co-review with 403 DEPARTMENT_NOT_ALLOWED", async () => {
        const response = await staff.reviewer1.post(`/api/cases/${kase.id}/actions/object`, { taskId: 'coReviewEnvironment' });
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({
          code: 'DEPARTMENT_NOT_ALLOWED', message: { zh: expect.any(String), en: expect.any(String) }, details: { requiredDepartment: 'HJ' },
        });
        await expectPosition(kase, { waitingAt: ['coReviewForestry', 'coReviewEnvironment'] });
      });

      it('waits for every co-department: an objection alone leaves the case in co-review, the concurrence brings it to the decision', async () => {
        await drive(kase, [{ by: 'reviewer2', action: 'object', comment: objection, to: 'coReviewForestry' }]);
        await expectPosition(kase, { waitingAt: ['coReviewForestry'], visited: { decision: 0 } });
        await drive(kase, [{ by: 'reviewer1', action: 'concur', comment: '同意', to: 'decision' }]);
      });

      it('shows the decider both opinions, the objection with its comment', async () => {
        const detail = await staff.decider1.get(`/api/cases/${kase.id}`);
        expect(detail.status).toBe(200);
        expect(detail.body.openTasks).toEqual([expect.objectContaining({ elementId: 'decision', yours: true })]);
        expect(detail.body.opinions).toHaveLength(2);
        expect(detail.body.opinions).toEqual(expect.arrayContaining([
          expect.objectContaining({ department: 'HJ', opinion: 'object', comment: objection }),
          expect.objectContaining({ department: 'LCJ', opinion: 'concur', comment: '同意' }),
        ]));
      });

      it('grants after the co-review: the licence is issued and the unified delivery completes the case granted', async () => {
        await drive(kase, [
          { by: 'decider1', action: 'grant', comment: '综合协办意见，准予许可', to: 'issueLicence', then: 'delivery' },
          { by: 'window1', action: 'deliver', to: 'completedGranted' },
        ]);
        await expectLicence(kase);
        await expectDocuments(kase, [ACCEPTANCE_NOTICE, GRANT_DECISION], '综合协办意见，准予许可');
        await expectTimeline(kase, [
          ...FILED['parallel-approval'],
          ['accept', 'window_staff', 'acceptance', CO_REVIEWS],
          ['object', 'reviewer', CO_REVIEWS, 'coReviewForestry'],
          ['concur', 'reviewer', 'coReviewForestry', 'decision'],
          ['grant', 'decider', 'decision', 'issueLicence'],
          service('issueLicence', 'issueLicence', 'delivery'),
          ['deliver', 'window_staff', 'delivery', 'completedGranted'],
        ]);
        await expectPosition(kase, {
          waitingAt: [],
          endedAt: 'completedGranted',
          visited: { coReviewForestry: 1, coReviewEnvironment: 1, decision: 1, issueLicence: 1, generateRefusalDecision: 0 },
          flowsTaken: ['forestryAnswered', 'environmentAnswered', 'toLeadDecision', 'granted', 'licenceToDelivery', 'completedAsGranted'],
          flowsNotTaken: ['denied'],
        });
      });
    });

    it("sends the lead's acceptance round a supplementation loop, notifying the applicant, and back to acceptance", async () => {
      const kase = await fileCase('parallel-approval');
      const defects = '用地红线图坐标系不是 CGCS2000，请重新提交';
      await drive(kase, [{ by: 'window1', action: 'requestSupplement', comment: defects, to: 'notifySupplementation', then: 'supplementation' }]);
      expect(await noticesOf(kase.applicant)).toEqual([expect.objectContaining({ caseId: kase.id, body: defects })]);
      await drive(kase, [
        { by: 'applicant', action: 'supplement', to: 'acceptance' },
        { by: 'window1', action: 'accept', to: CO_REVIEWS },
      ]);
      await expectDocuments(kase, [SUPPLEMENTATION_NOTICE, ACCEPTANCE_NOTICE]);

      await expectTimeline(kase, [
        ...FILED['parallel-approval'],
        ['requestSupplement', 'window_staff', 'acceptance', 'notifySupplementation'],
        service('notifyApplicant', 'notifySupplementation', 'supplementation'),
        ['supplement', 'applicant', 'supplementation', 'acceptance'],
        ['accept', 'window_staff', 'acceptance', CO_REVIEWS],
      ]);
      await expectPosition(kase, {
        waitingAt: ['coReviewForestry', 'coReviewEnvironment'],
        visited: { acceptance: 2, notifySupplementation: 1, supplementation: 1 },
        flowsTaken: ['supplementRequested', 'toSupplementation', 'backToAcceptance', 'accepted'],
      });
    });

    it('refused at acceptance: the case ends notAccepted with the notice', async () => {
      const kase = await fileCase('parallel-approval');
      const reason = '项目未取得用地批准文件';
      await drive(kase, [{ by: 'window1', action: 'refuse', comment: reason, to: 'notifyRefusal', then: 'notAccepted' }]);
      await expectDocuments(kase, [NOTICE_OF_NON_ACCEPTANCE], reason);
      await expectTimeline(kase, [
        ...FILED['parallel-approval'],
        ['refuse', 'window_staff', 'acceptance', 'notifyRefusal'],
        service('generateNotice', 'notifyRefusal', 'notAccepted'),
      ]);
      await expectPosition(kase, { waitingAt: [], endedAt: 'notAccepted', visited: { coReviewForestry: 0, coReviewEnvironment: 0 }, flowsTaken: ['refused', 'toNotAccepted'] });
    });

    it('sent back by the lead department: both co-departments review again before the decision', async () => {
      const kase = await fileCase('parallel-approval');
      await drive(kase, [
        { by: 'window1', action: 'accept', to: CO_REVIEWS },
        { by: 'reviewer1', action: 'concur', to: 'coReviewEnvironment' },
        { by: 'reviewer2', action: 'concur', to: 'decision' },
        { by: 'decider1', action: 'sendBack', comment: '请协办部门核实用地红线与生态保护红线的关系', to: CO_REVIEWS },
        { by: 'reviewer2', action: 'object', comment: objection, to: 'coReviewForestry' },
        { by: 'reviewer1', action: 'concur', to: 'decision' },
      ]);
      await expectPosition(kase, { waitingAt: ['decision'], visited: { coReviewForestry: 2, coReviewEnvironment: 2 }, flowsTaken: ['sentBackToCoReview', 'toCoReviewStart'] });
    });

    it('denied after the co-review: a refusal decision is generated and delivered, the case completes refused', async () => {
      const kase = await fileCase('parallel-approval');
      const reason = '生态环境部门不同意，不予许可';
      await drive(kase, [
        { by: 'window1', action: 'accept', to: CO_REVIEWS },
        { by: 'reviewer1', action: 'concur', to: 'coReviewEnvironment' },
        { by: 'reviewer2', action: 'object', comment: objection, to: 'decision' },
        { by: 'decider1', action: 'deny', comment: reason, to: 'generateRefusalDecision', then: 'delivery' },
        { by: 'window1', action: 'deliver', to: 'completedRefused' },
      ]);
      await expectDocuments(kase, [ACCEPTANCE_NOTICE, REFUSAL_DECISION], reason);
      await expectNoLicence(kase);
      await expectTimeline(kase, [
        ...FILED['parallel-approval'],
        ['accept', 'window_staff', 'acceptance', CO_REVIEWS],
        ['concur', 'reviewer', CO_REVIEWS, 'coReviewEnvironment'],
        ['object', 'reviewer', 'coReviewEnvironment', 'decision'],
        ['deny', 'decider', 'decision', 'generateRefusalDecision'],
        service('generateNotice', 'generateRefusalDecision', 'delivery'),
        ['deliver', 'window_staff', 'delivery', 'completedRefused'],
      ]);
      await expectPosition(kase, {
        waitingAt: [],
        endedAt: 'completedRefused',
        flowsTaken: ['forestryAnswered', 'environmentAnswered', 'denied', 'refusalToDelivery', 'completedAsRefused'],
        flowsNotTaken: ['granted'],
      });
    });
  });
});
