import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { newStaff } from '../support/staff.js';
import {
  basicInformation, type Client, deploy, type Deployment, fileSubmittedCase, grasslandMatter, handOverDetails, loginAs, MATTER_OF_PROCESS, MODES,
  newApplicant, uploadSmallMaterial, waitForStage,
} from '../support/tongban.js';

/*
 * Who may do what, over HTTP in each run mode. A standard case walks through every stage of its process; at each
 * stage everyone but the one person whose step it is tries every action the stage offers and is refused (404 to
 * those who may not see the case, 403 with the reason to those who may) while the case stays where it was; then
 * the right person takes the step. The process designer, who sees no case, may at every stage read where it stands
 * in its diagram, and nothing else of it. A parallel case shows the department rule between departments that share a
 * case, and the centre's administration endpoints show their roles. What each action does when the right person
 * takes it, on every path, is process-paths.spec.ts's.
 */

type Person =
  | 'applicant' | 'stranger' | 'window1' | 'reviewer1' | 'decider1' | 'supervisor1' | 'designer1' | 'admin1'
  | 'hjWindow' | 'reviewer2' | 'hjDecider';

/** Who cannot see a forestry (LCJ) case at all: other applicants, staff of other departments, staff of none. */
const OUTSIDERS: Person[] = ['stranger', 'hjWindow', 'reviewer2', 'hjDecider', 'designer1'];

interface Refusal {
  status: number;
  code: string;
}

/** Why `person` may not take a step meant for `role` on a case of LCJ alone. */
function refusalOnForestryCase(person: Person, role: string): Refusal {
  if (OUTSIDERS.includes(person)) return { status: 404, code: 'CASE_NOT_FOUND' };
  return { status: 403, code: role === 'applicant' ? 'NOT_THE_APPLICANT' : 'ROLE_NOT_ALLOWED' };
}

const BODIES: Record<string, object> = {
  startSpecialProcedure: { specialProcedure: { kind: 'expertReview', expectedWorkingDays: 10 }, comment: '组织专家评审' },
  deliver: handOverDetails('deliver'),
  pickUp: handOverDetails('pickUp'),
};
const bodyOf = (action: string) => BODIES[action] ?? { comment: '经审查，意见如下' };

describe.each(MODES)('who may do what (%s mode)', (mode) => {
  let deployment: Deployment;
  const people = {} as Record<Person, Client>;

  const detailOf = async (caseId: string) => (await people.supervisor1.get(`/api/cases/${caseId}`)).body;

  /** Every action open at the case's stage, tried by everyone but `right`: each refused as the rule says, nothing changed. */
  async function everyoneElseIsRefused(caseId: string, right: Person, refusal: (person: Person, role: string) => Refusal) {
    const before = await detailOf(caseId);
    const tried: string[] = [];
    for (const task of before.openTasks as { role: string; actions: string[] }[]) {
      for (const action of task.actions) {
        for (const person of (Object.keys(people) as Person[]).filter((p) => p !== right)) {
          const answer = await people[person].post(`/api/cases/${caseId}/actions/${action}`, bodyOf(action));
          expect({ person, action, status: answer.status, code: answer.body.code }).toEqual({ person, action, ...refusal(person, task.role) });
          tried.push(`${person}:${action}`);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(0);
    expect(await detailOf(caseId)).toMatchObject({ stage: before.stage, version: before.version });
  }

  /** A designer reads where the case stands (case-access.ts, assertCanReadPosition) but not the case itself. */
  async function designerSeesOnlyThePosition(caseId: string) {
    const { stage, openTasks } = await detailOf(caseId);
    const position = await people.designer1.get(`/api/cases/${caseId}/position`);
    expect({ stage, status: position.status }).toEqual({ stage, status: 200 });
    expect(position.body.waitingAt).toEqual(expect.arrayContaining(openTasks.map((task: { elementId: string }) => task.elementId)));
    for (const path of ['', '/timeline', '/materials']) {
      expect({ stage, path, status: (await people.designer1.get(`/api/cases/${caseId}${path}`)).status }).toEqual({ stage, path, status: 404 });
    }
  }

  async function step(caseId: string, person: Person, action: string, next: string, body: object = bodyOf(action)) {
    const answer = await people[person].post(`/api/cases/${caseId}/actions/${action}`, body);
    expect({ action, status: answer.status }).toEqual({ action, status: 200 });
    await waitForStage(people.supervisor1, caseId, next);
  }

  beforeAll(async () => {
    deployment = await deploy(mode);
    const demo: Person[] = ['window1', 'reviewer1', 'decider1', 'supervisor1', 'designer1', 'admin1', 'reviewer2'];
    await Promise.all(demo.map(async (name) => (people[name] = await loginAs(deployment, name))));
    people.applicant = (await newApplicant(deployment)).client;
    people.stranger = (await newApplicant(deployment)).client;
    people.hjWindow = (await newStaff(deployment, people.admin1, ['window_staff'], ['HJ'])).client;
    people.hjDecider = (await newStaff(deployment, people.admin1, ['decider'], ['HJ'])).client;
  });
  afterAll(() => deployment?.stop());

  it('a standard case, stage by stage: only the person whose step it is takes it', async () => {
    const matter = await grasslandMatter(deployment);
    const [item] = matter.requiredMaterials;
    const draft = await people.applicant.post('/api/cases', basicInformation(matter.id));
    for (const required of matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired)) {
      expect((await uploadSmallMaterial(deployment, people.applicant, draft.body.id, required.id)).status).toBe(201);
    }
    const caseId: string = draft.body.id;
    const walk: [stage: string, right: Person, action: string, next: string, body?: object][] = [
      ['application', 'applicant', 'submit', 'preAcceptance'],
      ['preAcceptance', 'window1', 'preAccept', 'acceptance'],
      ['acceptance', 'window1', 'requestSupplement', 'supplementation', { supplementItems: [{ requiredMaterialId: item.id, problem: '缺少签章页' }] }],
      ['supplementation', 'applicant', 'supplement', 'supplementAcceptance'],
      ['supplementAcceptance', 'window1', 'accept', 'review'],
      ['review', 'reviewer1', 'requestExtension', 'extensionApproval'],
      ['extensionApproval', 'decider1', 'approveExtension', 'review'],
      ['review', 'reviewer1', 'startSpecialProcedure', 'specialProcedure'],
      ['specialProcedure', 'reviewer1', 'endSpecialProcedure', 'review'],
      ['review', 'reviewer1', 'approve', 'decision'],
      ['decision', 'decider1', 'grant', 'delivery'],
      ['delivery', 'window1', 'pickUp', 'completedGranted'],
    ];
    const triedAt = new Set<string>();
    for (const [stage, right, action, next, body] of walk) {
      expect((await detailOf(caseId)).stage).toBe(stage);
      if (!triedAt.has(stage)) {
        await everyoneElseIsRefused(caseId, right, refusalOnForestryCase);
        await designerSeesOnlyThePosition(caseId);
      }
      triedAt.add(stage);
      if (action === 'supplement') expect((await uploadSmallMaterial(deployment, people.applicant, caseId, item.id)).status).toBe(201);
      await step(caseId, right, action, next, body);
    }
    expect((await people.designer1.get(`/api/cases/${caseId}/position`)).body).toMatchObject({ endedAt: 'completedGranted', waitingAt: [] });
  });

  it('a parallel case: staff of a co-department see it, yet may not take the lead department’s steps', async () => {
    const caseId = await fileSubmittedCase(deployment, people.applicant, MATTER_OF_PROCESS['parallel-approval']);
    // Before the co-departments are asked, the case is the lead department's (ZRZY) alone.
    expect((await people.hjDecider.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await people.window1.post(`/api/cases/${caseId}/actions/accept`, bodyOf('accept'))).status).toBe(200);
    // Each reviewer concurs on their own department's task, not on the other's.
    const coReview = await eventually(() => detailOf(caseId), (detail) => detail.openTasks.length === 2);
    expect(coReview.openTasks.map((task: { department: string }) => task.department).sort()).toEqual(['HJ', 'LCJ']);
    expect(await people.hjDecider.post(`/api/cases/${caseId}/actions/concur`, bodyOf('concur'))).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
    expect((await people.reviewer1.post(`/api/cases/${caseId}/actions/concur`, bodyOf('concur'))).status).toBe(200);
    expect(await people.reviewer1.post(`/api/cases/${caseId}/actions/concur`, bodyOf('concur'))).toMatchObject({ status: 403, body: { code: 'DEPARTMENT_NOT_ALLOWED', details: { requiredDepartment: 'HJ' } } });
    await step(caseId, 'reviewer2', 'concur', 'decision');
    // HJ took part, so its staff see the case; the decision and the delivery stay the lead department's.
    expect(await people.hjDecider.post(`/api/cases/${caseId}/actions/grant`, bodyOf('grant'))).toMatchObject({ status: 403, body: { code: 'DEPARTMENT_NOT_ALLOWED', details: { requiredDepartment: 'ZRZY' } } });
    expect(await people.reviewer2.post(`/api/cases/${caseId}/actions/grant`, bodyOf('grant'))).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED' } });
    await step(caseId, 'decider1', 'grant', 'delivery');
    expect(await people.hjWindow.post(`/api/cases/${caseId}/actions/pickUp`, bodyOf('pickUp'))).toMatchObject({ status: 403, body: { code: 'DEPARTMENT_NOT_ALLOWED', details: { requiredDepartment: 'ZRZY' } } });
    await step(caseId, 'window1', 'pickUp', 'completedGranted');
  });

  it('claims: only those who may take a task may claim it', async () => {
    const caseId = await fileSubmittedCase(deployment, people.applicant);
    const [task] = (await detailOf(caseId)).openTasks;
    const claim = (person: Person) => people[person].post(`/api/tasks/${task.id}/claim`, {});
    // Only window staff take a window task: everyone else, applicants included, is refused by role.
    for (const person of ['reviewer1', 'decider1', 'supervisor1', 'designer1', 'admin1', 'applicant', 'stranger'] as Person[]) {
      expect({ person, ...(await claim(person)).body }).toMatchObject({ person, statusCode: 403, code: 'ROLE_NOT_ALLOWED' });
    }
    // A window clerk of another department may not see the case it belongs to.
    expect((await claim('hjWindow')).status).toBe(404);
    expect((await detailOf(caseId)).openTasks[0].assigneeId).toBeNull();
    expect((await claim('window1')).status).toBe(200);
  });

  // [what, method, path, body, who may]: those who may pass the role check (their answer is not 401/403);
  // everyone else gets 403.
  const ADMINISTRATION: [string, 'get' | 'post' | 'put', string, object | undefined, Person[]][] = [
    ['list departments', 'get', '/api/admin/departments', undefined, ['admin1']],
    ['create a department', 'post', '/api/admin/departments', {}, ['admin1']],
    ['list staff', 'get', '/api/admin/staff', undefined, ['admin1']],
    ['create a staff account', 'post', '/api/admin/staff', {}, ['admin1']],
    ['list matters for administration', 'get', '/api/admin/matters', undefined, ['admin1']],
    ['create a matter', 'post', '/api/admin/matters', {}, ['admin1']],
    ['read the calendar’s changes', 'get', '/api/calendar/changes', undefined, ['admin1']],
    ['list processes', 'get', '/api/processes', undefined, ['designer1', 'admin1', 'supervisor1']],
    ['list the matters bound to a process', 'get', '/api/processes/standard-licensing/matters', undefined, ['designer1', 'admin1']],
    ['list the cases running on a process version', 'get', '/api/processes/standard-licensing/versions/1/cases', undefined, ['designer1', 'admin1']],
    ['list incidents', 'get', '/api/incidents', undefined, ['supervisor1', 'admin1']],
  ];

  it.each(ADMINISTRATION)('%s', async (_what, method, path, body, allowed) => {
    for (const person of Object.keys(people) as Person[]) {
      const answer = method === 'get' ? await people[person].get(path) : await people[person][method](path, body);
      if (allowed.includes(person)) expect({ person, allowed: answer.status !== 401 && answer.status !== 403 && answer.status < 500 }).toEqual({ person, allowed: true });
      else expect({ person, status: answer.status }).toEqual({ person, status: 403 });
    }
  });
});
