import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import { compileProcess, CompiledProcess } from '../../src/processes/engine/compiled-process.js';
import { EngineSignal, EngineStep, ProcessEngine, ProcessEngineError } from '../../src/processes/engine/process-engine.js';

const workflow = (name: string) => readFile(path.join(projectRoot(), 'workflows', `${name}.bpmn`), 'utf8');
// Every step in production starts from state read back from the database: so do these.
const persisted = (step: EngineStep) => JSON.parse(JSON.stringify(step.state));
const where = (step: EngineStep) => [...step.waiting.map((w) => w.elementId), ...step.pendingServices.map((s) => `service:${s.elementId}`)];

describe(ProcessEngine.name, () => {
  const engine = new ProcessEngine();

  /** Drives a process through [signal, where it then stands] pairs, checking every stop. */
  async function drive(process: CompiledProcess, name: string, path: [EngineSignal, string[]][]): Promise<EngineStep> {
    let step = await engine.start(process, name);
    for (const [signal, expected] of path) {
      step = await engine.advance(process, name, persisted(step), signal);
      expect(where(step)).toEqual(expected);
    }
    return step;
  }
  const act = (userTask: string, outcome: string): EngineSignal => ({ userTask, outcome });
  const handled = (serviceTask: string): EngineSignal => ({ serviceTask, output: { done: true } });

  it('drives standard licensing from draft to delivery, waiting on the licence handler between decision and delivery', async () => {
    const process = await compileProcess('v1', await workflow('standard-licensing'));
    const start = await engine.start(process, 'case-1');
    expect(start.waiting).toEqual([{ elementId: 'application', name: '申办 Application', role: 'applicant', actions: ['submit'], stages: ['application'], department: null, limitDays: null }]);
    const step = await drive(process, 'case-1', [
      [act('application', 'submit'), ['preAcceptance']],
      [act('preAcceptance', 'preAccept'), ['acceptance']],
      [act('acceptance', 'accept'), ['review']],
      [act('review', 'approve'), ['decision']],
      [act('decision', 'grant'), ['service:issueLicence']],
      [handled('issueLicence'), ['delivery']],
      [act('delivery', 'pickUp'), []],
    ]);
    expect(step.ended).toEqual({ elementId: 'completedGranted', name: '办结（通过） Completed, granted' });
  });

  it('ends a denied case as refused after delivery: the completion gateway reads the decision, not the last action', async () => {
    const process = await compileProcess('v1', await workflow('standard-licensing'));
    const step = await drive(process, 'case-2', [
      [act('application', 'submit'), ['preAcceptance']],
      [act('preAcceptance', 'requestSupplement'), ['service:notifySupplementation']],
      [handled('notifySupplementation'), ['supplementation']],
      [act('supplementation', 'supplement'), ['supplementAcceptance']],
      [act('supplementAcceptance', 'requestSupplement'), ['service:notifySupplementation']],
      [handled('notifySupplementation'), ['supplementation']],
      [act('supplementation', 'supplement'), ['supplementAcceptance']],
      [act('supplementAcceptance', 'accept'), ['review']],
      [act('review', 'startSpecialProcedure'), ['specialProcedure']],
      [act('specialProcedure', 'endSpecialProcedure'), ['review']],
      [act('review', 'requestExtension'), ['extensionApproval']],
      [act('extensionApproval', 'approveExtension'), ['review']],
      [act('review', 'reject'), ['decision']],
      [act('decision', 'deny'), ['service:generateRefusalDecision']],
      [handled('generateRefusalDecision'), ['delivery']],
      [act('delivery', 'deliver'), []],
    ]);
    expect(step.ended?.elementId).toBe('completedRefused');
  });

  it('refuses at pre-acceptance through the notice handler to the end, while the untaken branches still drain', async () => {
    const process = await compileProcess('v1', await workflow('standard-licensing'));
    const step = await drive(process, 'case-9', [
      [act('application', 'submit'), ['preAcceptance']],
      [act('preAcceptance', 'refuse'), ['service:notifyRefusal']],
      [handled('notifyRefusal'), []],
    ]);
    expect(step.ended?.elementId).toBe('notAccepted');
  });

  it('opens one task per co-department at once and lets the lead decide only when all have answered', async () => {
    const process = await compileProcess('v1', await workflow('parallel-approval'));
    const coReviews = ['coReviewForestry', 'coReviewEnvironment'];
    let step = await drive(process, 'case-3', [
      [act('application', 'submit'), ['acceptance']],
      [act('acceptance', 'accept'), coReviews],
    ]);
    expect(step.waiting.map((task) => task.department)).toEqual(['LCJ', 'HJ']);
    step = await engine.advance(process, 'case-3', persisted(step), act('coReviewEnvironment', 'object'));
    expect(where(step)).toEqual(['coReviewForestry']);
    step = await engine.advance(process, 'case-3', persisted(step), act('coReviewForestry', 'concur'));
    expect(where(step)).toEqual(['decision']);
  });

  it('issues the licence on acceptance of a commitment and follows with the inspection', async () => {
    const process = await compileProcess('v1', await workflow('notification-commitment'));
    const step = await drive(process, 'case-4', [
      [act('commitment', 'sign'), ['application']],
      [act('application', 'submit'), ['acceptance']],
      [act('acceptance', 'accept'), ['service:issueLicence']],
      [handled('issueLicence'), ['inspection']],
      [act('inspection', 'revoke'), ['service:generateRevocation']],
      [handled('generateRevocation'), []],
    ]);
    expect(step.ended?.elementId).toBe('licenceRevoked');
  });

  it('decides an instant case at the window in one step', async () => {
    const process = await compileProcess('v1', await workflow('instant'));
    const step = await drive(process, 'case-5', [
      [act('application', 'submit'), ['windowDecision']],
      [act('windowDecision', 'grant'), ['service:issueLicence']],
      [handled('issueLicence'), []],
    ]);
    expect(step.ended?.elementId).toBe('completedGranted');
  });

  it('keeps the process source out of the saved state', async () => {
    const process = await compileProcess('v1', await workflow('standard-licensing'));
    const step = await engine.start(process, 'case-6');
    const state = step.state as { definitions: object[] };
    expect(state.definitions).toHaveLength(1);
    expect(state.definitions[0]).not.toHaveProperty('source');
    expect(JSON.stringify(state)).not.toContain('tongban:role');
  });

  it('refuses to complete a task, or a service, the saved state does not wait on', async () => {
    const process = await compileProcess('v1', await workflow('standard-licensing'));
    const step = await engine.start(process, 'case-7');
    await expect(engine.advance(process, 'case-7', persisted(step), act('review', 'approve'))).rejects.toThrow(ProcessEngineError);
    await expect(engine.advance(process, 'case-7', persisted(step), handled('issueLicence'))).rejects.toThrow(/issueLicence is not waiting/);
  });

  it('never runs a script condition', async () => {
    const xml = (await workflow('standard-licensing')).replace(
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${outcome == "preAccept"}</bpmn:conditionExpression>',
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, globalThis.pwned = true)</bpmn:conditionExpression>',
    );
    const process = await compileProcess('v2', xml);
    let step = await engine.start(process, 'case-8');
    step = await engine.advance(process, 'case-8', persisted(step), act('application', 'submit'));
    await expect(engine.advance(process, 'case-8', persisted(step), act('preAcceptance', 'preAccept'))).rejects.toThrow(/scripts are not allowed/);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
