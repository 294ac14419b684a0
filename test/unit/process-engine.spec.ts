import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import { compileProcess } from '../../src/processes/engine/compiled-process.js';
import { EngineStep, ProcessEngine, ProcessEngineError } from '../../src/processes/engine/process-engine.js';

const standardLicensing = () => readFile(path.join(projectRoot(), 'workflows', 'standard-licensing.bpmn'), 'utf8');
// Every step in production starts from state read back from the database: so do these.
const persisted = (step: EngineStep) => JSON.parse(JSON.stringify(step.state));

describe(ProcessEngine.name, () => {
  const engine = new ProcessEngine();

  it('drives the standard licensing process from draft to a granted completion, one saved state at a time', async () => {
    const process = await compileProcess('v1', await standardLicensing());
    let step = await engine.start(process, 'case-1');
    expect(step.waiting).toEqual([{ elementId: 'application', name: '申办 Application', role: 'applicant', actions: ['submit'] }]);

    const path = [
      ['application', 'submit', 'preAcceptance'],
      ['preAcceptance', 'preAccept', 'acceptance'],
      ['acceptance', 'accept', 'review'],
    ];
    for (const [task, action, next] of path) {
      step = await engine.complete(process, 'case-1', persisted(step), task, action);
      expect(step.waiting.map((w) => w.elementId)).toEqual([next]);
      expect(step.ended).toBeNull();
    }
    step = await engine.complete(process, 'case-1', persisted(step), 'review', 'approve');
    expect(step.waiting).toEqual([]);
    expect(step.ended).toEqual({ elementId: 'completedGranted', name: '办结（通过）Completed, granted' });
  });

  it('follows the gateway to the branch the action names', async () => {
    const process = await compileProcess('v1', await standardLicensing());
    let step = await engine.start(process, 'case-2');
    step = await engine.complete(process, 'case-2', persisted(step), 'application', 'submit');
    step = await engine.complete(process, 'case-2', persisted(step), 'preAcceptance', 'refuse');
    expect(step.ended?.elementId).toBe('notAccepted');
  });

  it('keeps the process source out of the saved state', async () => {
    const process = await compileProcess('v1', await standardLicensing());
    const step = await engine.start(process, 'case-3');
    const state = step.state as { definitions: object[] };
    expect(state.definitions).toHaveLength(1);
    expect(state.definitions[0]).not.toHaveProperty('source');
    expect(JSON.stringify(state)).not.toContain('tongban:role');
  });

  it('refuses to complete a task the saved state does not wait on', async () => {
    const process = await compileProcess('v1', await standardLicensing());
    const step = await engine.start(process, 'case-4');
    await expect(engine.complete(process, 'case-4', persisted(step), 'review', 'approve')).rejects.toThrow(ProcessEngineError);
  });

  it('never runs a script condition', async () => {
    const xml = (await standardLicensing()).replace(
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${outcome == "preAccept"}</bpmn:conditionExpression>',
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, globalThis.pwned = true)</bpmn:conditionExpression>',
    );
    const process = await compileProcess('v2', xml);
    let step = await engine.start(process, 'case-5');
    step = await engine.complete(process, 'case-5', persisted(step), 'application', 'submit');
    await expect(engine.complete(process, 'case-5', persisted(step), 'preAcceptance', 'preAccept')).rejects.toThrow(/scripts are not allowed/);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
