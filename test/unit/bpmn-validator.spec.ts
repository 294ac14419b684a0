import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import { assertSupportedCondition, UnsupportedExpressionError } from '../../src/processes/engine/safe-expressions.js';
import { BpmnProblem, inspectBpmn, MAX_BPMN_BYTES, validateBpmn, ValidationContext } from '../../src/processes/validation/validate-bpmn.js';

const root = projectRoot();
const GOOD = path.join(root, 'test/fixtures/bpmn/good');
const BAD = path.join(root, 'test/fixtures/bpmn/bad');
const WORKFLOWS = path.join(root, 'workflows');
// Real exports from other tools, kept outside the repository (see its README.md): read in place, never copied.
const SAMPLES = path.resolve(root, '../shared/bpmn-samples');

// The platform's handler names today; the shipped workflows name these.
const HANDLERS = ['notifyApplicant', 'generateNotice', 'issueLicence'];
const context: ValidationContext = { handlers: HANDLERS, departments: ['HJ', 'LCJ'] };

const bpmnFiles = (dir: string) => readdirSync(dir).filter((file) => file.endsWith('.bpmn')).sort();
const read = (dir: string, file: string) => readFileSync(path.join(dir, file));
const found = (problems: readonly BpmnProblem[]) => problems.map(({ rule, elementId }) => [rule, elementId]);
const CJK = /[\u4e00-\u9fff]/;

function expectWellShaped(problems: readonly BpmnProblem[]) {
  for (const { rule, elementId, message } of problems) {
    expect(rule).toMatch(/^[a-z]+(-[a-z]+)*(\/[a-z]+(-[a-z]+)*)?$/);
    expect(elementId === null || typeof elementId === 'string').toBe(true);
    expect(message.zh).toMatch(CJK);
    expect(message.en.length).toBeGreaterThan(10);
  }
}

/** A valid instant process with review tasks chained before acceptance, up to about `approximateBytes`. */
function bigValidProcess(approximateBytes: number): string {
  const steps: string[] = [];
  let previous = 'application';
  for (let i = 0, length = 0; length < approximateBytes; i++) {
    const step =
      `<bpmn:sequenceFlow id="toStep${i}" sourceRef="${previous}" targetRef="step${i}" />\n` +
      `<bpmn:userTask id="step${i}" name="审查第 ${i} 步 Review step ${i}" tongban:role="reviewer" tongban:actions="approve" tongban:stage="review" />\n`;
    steps.push(step);
    length += Buffer.byteLength(step);
    previous = `step${i}`;
  }
  const good = read(GOOD, 'instant.bpmn').toString('utf8');
  return good.replace(
    '<bpmn:sequenceFlow id="toAcceptance" sourceRef="application" targetRef="acceptance" />',
    `${steps.join('')}<bpmn:sequenceFlow id="toAcceptance" sourceRef="${previous}" targetRef="acceptance" />`,
  );
}

describe('validateBpmn: hand-made good files', () => {
  it.each(bpmnFiles(GOOD))('%s is valid, without even a lint warning', async (file) => {
    expect(await inspectBpmn(read(GOOD, file), context)).toEqual({ problems: [], warnings: [] });
  });

  it('takes the same file as a string and as bytes, twice in a row (lint rules keep no state between files)', async () => {
    const xml = read(GOOD, 'standard.bpmn');
    expect(await validateBpmn(xml, context)).toEqual([]);
    expect(await validateBpmn(xml.toString('utf8'), context)).toEqual([]);
  });

  it('checks department codes only when the centre gives them', async () => {
    expect(await validateBpmn(read(GOOD, 'parallel.bpmn'), { handlers: HANDLERS })).toEqual([]);
    const problems = await validateBpmn(read(GOOD, 'parallel.bpmn'), { handlers: HANDLERS, departments: ['HJ'] });
    expect(found(problems)).toEqual([['unknown-department', 'coReviewForestry']]);
  });
});

// Every process shipped in workflows/ must validate with no problems. Another engineer is rewriting them (kinds,
// stages); until that lands this may fail, and that failure is the point of the test.
describe('validateBpmn: shipped workflows', () => {
  it.each(bpmnFiles(WORKFLOWS))('workflows/%s has no problems', async (file) => {
    const problems = await validateBpmn(read(WORKFLOWS, file), { handlers: HANDLERS });
    expect(problems).toEqual([]);
  });
});

/** Each bad file shows one fault (a few show its natural consequence too): the exact rules and elements. */
const BAD_FILES: Record<string, [string, string | null][]> = {
  'acceptance-without-refusal.bpmn': [['acceptance-without-refusal', 'acceptance']],
  'billion-laughs.bpmn': [['doctype-forbidden', null]],
  'bpmnlint-disconnected.bpmn': [
    ['no-way-out', 'forgotten'],
    ['bpmnlint/no-disconnected', 'forgotten'],
    ['bpmnlint/no-implicit-start', 'forgotten'],
  ],
  'bpmnlint-implicit-split.bpmn': [['bpmnlint/no-implicit-split', 'decision']],
  'dmn-decision.bpmn': [['not-bpmn', null]],
  'duplicate-id.bpmn': [['duplicate-id', 'decision']],
  'external-entity.bpmn': [['doctype-forbidden', null]],
  'gateway-unconditioned-flow.bpmn': [['gateway-unconditioned-flow', 'refused']],
  'html-page.bpmn': [['not-bpmn', null]],
  'missing-stage.bpmn': [
    ['missing-stage', 'proc'],
    ['missing-stage', 'proc'],
  ],
  'no-way-out.bpmn': [['no-way-out', 'decision']],
  'not-executable.bpmn': [['not-executable', null]],
  'process-kind-missing.bpmn': [['process-kind', 'proc']],
  'process-kind-unknown.bpmn': [['process-kind', 'proc']],
  'raw-ampersand.bpmn': [['not-well-formed', null]],
  'script-condition-untyped.bpmn': [['script-forbidden', 'accepted']],
  'script-condition.bpmn': [['script-forbidden', 'accepted']],
  'script-task.bpmn': [['script-forbidden', 'notifyRefusal']],
  'service-task-handler-missing.bpmn': [['service-task-handler', 'notifyRefusal']],
  'service-task-handler-unknown.bpmn': [['service-task-handler', 'notifyRefusal']],
  'several-executable-processes.bpmn': [['several-executable-processes', null]],
  'start-event-missing.bpmn': [
    ['start-event', 'proc'],
    ['bpmnlint/no-implicit-start', 'application'],
  ],
  'start-event-several.bpmn': [['start-event', 'proc']],
  'truncated.bpmn': [['not-well-formed', null]],
  'unbound-prefix.bpmn': [['not-well-formed', null]],
  'unknown-department.bpmn': [['unknown-department', 'decision']],
  'user-task-limit.bpmn': [['user-task-limit', 'decision']],
  'unknown-element.bpmn': [['unknown-element', null]],
  'unresolved-reference.bpmn': [['unresolved-reference', 'acceptanceOutcome']],
  'unsupported-boundary-event.bpmn': [['unsupported-element', 'overdue']],
  'unsupported-expression-juel.bpmn': [['unsupported-expression', 'refused']],
  'unsupported-expression.bpmn': [['unsupported-expression', 'accepted']],
  'unsupported-message-start.bpmn': [['unsupported-element', 'start']],
  'unsupported-multi-instance.bpmn': [['unsupported-element', 'decision']],
  'unsupported-sub-process.bpmn': [['unsupported-element', 'refusalSub']],
  'unsupported-timer-event.bpmn': [['unsupported-element', 'wait']],
  'user-task-actions-invalid.bpmn': [['user-task-actions', 'decision']],
  'user-task-actions-missing.bpmn': [['user-task-actions', 'decision']],
  'user-task-role-camunda.bpmn': [['user-task-role', 'acceptance']],
  'user-task-role-missing.bpmn': [['user-task-role', 'acceptance']],
  'user-task-role-unknown.bpmn': [['user-task-role', 'acceptance']],
  'user-task-stage-missing.bpmn': [
    ['user-task-stage', 'decision'],
    ['missing-stage', 'proc'],
  ],
  'user-task-stage-unknown.bpmn': [['user-task-stage', 'decision']],
};

describe('validateBpmn: hand-made bad files', () => {
  it('has an expectation for every file in the bad corpus', () => {
    expect(bpmnFiles(BAD)).toEqual(Object.keys(BAD_FILES).sort());
  });

  it.each(Object.entries(BAD_FILES))('%s is refused for exactly its fault', async (file, expected) => {
    const problems = await validateBpmn(read(BAD, file), context);
    expectWellShaped(problems);
    expect(found(problems)).toEqual(expected);
  });

  it('says that timers come with the legal clock', async () => {
    const [problem] = await validateBpmn(read(BAD, 'unsupported-timer-event.bpmn'), context);
    expect(problem.message.en).toContain('intermediateCatchEvent + timerEventDefinition');
    expect(problem.message.en).toContain('Timers come with the legal clock');
    expect(problem.message.zh).toContain('法定时限');
  });

  it('names the vendor assignment to replace with tongban:role', async () => {
    const [problem] = await validateBpmn(read(BAD, 'user-task-role-camunda.bpmn'), context);
    expect(problem.message.en).toContain('camunda:candidateGroups');
    expect(problem.message.en).toContain('use tongban:role');
    expect(problem.message.zh).toContain('请使用 tongban:role');
  });

  it('returns lint warnings beside the problems, not among them', async () => {
    const { problems, warnings } = await inspectBpmn(read(BAD, 'start-event-several.bpmn'), context);
    expect(found(problems)).toEqual([['start-event', 'proc']]);
    expect(found(warnings)).toEqual([['bpmnlint/fake-join', 'application']]);
  });
});

describe('validateBpmn: real-world exports (shared/bpmn-samples)', () => {
  it.each(bpmnFiles(SAMPLES))('refuses %s with problems, without throwing', async (file) => {
    const problems = await validateBpmn(read(SAMPLES, file), context);
    expect(problems.length).toBeGreaterThan(0);
    expectWellShaped(problems);
    expect(problems.map((problem) => problem.rule)).not.toContain('internal-error');
  });

  /** [file, rule, elementId (undefined: any), text the English message must contain] — always four: a missing
   * last argument would make jest pass its `done` callback there. */
  const expectations: [string, string, string | null | undefined, string][] = [
    ['bpmnengine__mother-of-all.bpmn', 'script-forbidden', 'scriptTask1', 'JavaScript'],
    ['bpmnengine__mother-of-all.bpmn', 'script-forbidden', 'toLoop', 'condition'],
    ['bpmnengine__mother-of-all.bpmn', 'unsupported-element', 'manyDecisions', 'inclusiveGateway'],
    ['bpmnjs__events.bpmn', 'not-well-formed', null, 'unbound namespace prefix'],
    ['camundamodeler__collaboration_not_executable.bpmn', 'not-executable', null, 'Process_1tp2lk4, Process_09h5p6u'],
    ['bpmnmoddle__potentialOwner.bpmn', 'user-task-role', 'assignApprover', 'potentialOwner: Tongban does not read these assignments; use tongban:role'],
    ['bpmnengine__conditional-bound-js-event.bpmn', 'script-forbidden', 'cond', 'js condition on conditionalEventDefinition'],
    ['bpmnengine__timers.bpmn', 'unsupported-element', 'start-cycle', 'legal clock'],
    ['bpmnengine__call-activity.bpmn', 'unsupported-element', 'call-activity', 'callActivity'],
    ['bpmnengine__task-with-multi-instance-loop.bpmn', 'script-forbidden', 'recurring', 'Script tasks are not allowed'],
    ['bpmnengine__issue-187.bpmn', 'unsupported-element', 'task_approve', 'multiInstanceLoopCharacteristics'],
    ['bpmnjs__kitchen-sink.bpmn', 'unsupported-element', 'Gateway_0im7nvs', 'complexGateway'],
    ['camunda7ex__invoiceApproval.bpmn', 'user-task-role', 'UserTask_1', 'camunda:assignee'],
    ['camunda7ex__camunda-testing-job-announcement.bpmn', 'unsupported-expression', 'Flow_1gfi885', '#{approved}'],
    ['camundamodeler__activiti.bpmn', 'user-task-role', 'Task_1', 'activiti:assignee'],
    ['flowable__ExecutionListenerJavaDelegate.bpmn20.bpmn', 'user-task-role', 'sid-5C3D68E7-1D85-43C6-8395-EC625DB7DE07', 'flowable:candidateUsers'],
    ['flowable__chinese.bpmn', 'user-task-role', 'sid-8FD9BE8E-3040-496B-8F0D-FAC03E245A56', '中文名称去'],
    ['miwg__adonis-B.2.0-export.bpmn', 'not-executable', null, 'no executable process'],
    ['miwg__bonita-A.3.0-export.bpmn', 'invalid-id', undefined, 'is not valid'],
    ['miwg__signavio-B.1.0-export.bpmn', 'unresolved-reference', 'sid-E1638278-7098-4BFF-9F77-653EA156C782', 'sourceRef'],
    ['miwg__bizagi-B.2.0-roundtrip.bpmn', 'unknown-element', null, 'bpmn:LoopCounter'],
    ['miwg__yaoqiang-A.4.0-export.bpmn', 'several-executable-processes', null, 'PROCESS_1, PROCESS_2'],
    ['miwg__trisotech-C.8.0-export.bpmn', 'user-task-role', undefined, 'potentialOwner'],
  ];

  it.each(expectations)('%s → %s at %s', async (file, rule, elementId, text) => {
    const problems = await validateBpmn(read(SAMPLES, file), context);
    const matching = problems.filter((problem) => problem.rule === rule && (elementId === undefined || problem.elementId === elementId));
    expect(matching.map((problem) => [problem.rule, problem.elementId])).not.toEqual([]);
    expect(matching.some((problem) => problem.message.en.includes(text))).toBe(true);
  });

  it('reports nothing but not-executable for a collaboration whose pools are all drawings', async () => {
    expect(found(await validateBpmn(read(SAMPLES, 'camundamodeler__collaboration_not_executable.bpmn'), context))).toEqual([['not-executable', null]]);
  });
});

describe('validateBpmn: hostile and broken input', () => {
  it('refuses a billion-laughs file before any parser expands it', async () => {
    const problems = await validateBpmn(read(BAD, 'billion-laughs.bpmn'), context);
    expect(found(problems)).toEqual([['doctype-forbidden', null]]);
  });

  it('refuses an external entity without reading the file it names', async () => {
    const problems = await validateBpmn(read(BAD, 'external-entity.bpmn'), context);
    expect(found(problems)).toEqual([['doctype-forbidden', null]]);
    expect(JSON.stringify(problems)).not.toContain('root:');
  });

  it('refuses an HTML page with its doctype, and an ENTITY declared without one', async () => {
    const html = '<!DOCTYPE html><html><body><p>审批</p></body></html>';
    expect(found(await validateBpmn(html, context))).toEqual([['doctype-forbidden', null]]);
    const entity = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><!ENTITY x "y"></bpmn:definitions>';
    expect(found(await validateBpmn(entity, context))).toEqual([['doctype-forbidden', null]]);
  });

  it('refuses 50 MB in milliseconds, as bytes and as a string', async () => {
    const bytes = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const text = 'a'.repeat(50 * 1024 * 1024);
    let started = performance.now();
    const fromBytes = await validateBpmn(bytes, context);
    const bytesMs = performance.now() - started;
    started = performance.now();
    const fromText = await validateBpmn(text, context);
    const textMs = performance.now() - started;
    console.log(`50 MB refused in ${bytesMs.toFixed(2)} ms (Buffer) and ${textMs.toFixed(2)} ms (string)`);
    expect(found(fromBytes)).toEqual([['file-too-large', null]]);
    expect(found(fromText)).toEqual([['file-too-large', null]]);
  });

  it('takes a file of exactly MAX_BPMN_BYTES and refuses one byte more', async () => {
    const good = read(GOOD, 'instant.bpmn');
    const padding = (size: number) => Buffer.alloc(size - good.length, 0x20);
    expect(await validateBpmn(Buffer.concat([good, padding(MAX_BPMN_BYTES)]), context)).toEqual([]);
    expect(found(await validateBpmn(Buffer.concat([good, padding(MAX_BPMN_BYTES + 1)]), context))).toEqual([['file-too-large', null]]);
  });

  it('counts a string in UTF-8 bytes: 2 M Chinese characters are 6 MB', async () => {
    expect(found(await validateBpmn('审'.repeat(2 * 1024 * 1024), context))).toEqual([['file-too-large', null]]);
  });

  it('checks a valid 4 MB process by its rules, without crashing', async () => {
    const xml = bigValidProcess(4 * 1024 * 1024);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(4 * 1024 * 1024);
    expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(MAX_BPMN_BYTES);
    const started = performance.now();
    const { problems, warnings } = await inspectBpmn(xml, context);
    console.log(`valid ${(Buffer.byteLength(xml) / 1024 / 1024).toFixed(1)} MB process checked in ${(performance.now() - started).toFixed(0)} ms`);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('refuses elements nested deeper than any tool writes, before recursive walks overflow the stack', async () => {
    const depth = 50_000;
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" isExecutable="true">${'<bpmn:subProcess>'.repeat(depth)}${'</bpmn:subProcess>'.repeat(depth)}</bpmn:process></bpmn:definitions>`;
    expect(found(await validateBpmn(xml, context))).toEqual([['too-deeply-nested', null]]);
  });

  it.each([
    ['binary with NUL bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(GOOD, 'instant.bpmn').toString('utf8'), 'utf16le')])],
    ['GBK bytes', Buffer.from([0x3c, 0x61, 0x3e, 0xc9, 0xf3, 0xc5, 0xfa, 0x3c, 0x2f, 0x61, 0x3e])],
    ['a string with a lone surrogate', '<a>\ud800</a>'],
    ['a string with a NUL', '<a>\u0000</a>'],
  ])('refuses %s as not XML', async (_, xml) => {
    expect(found(await validateBpmn(xml, context))).toEqual([['not-xml', null]]);
  });

  it.each([
    ['an empty file', ''],
    ['plain text', 'hello, 审批'],
    ['JSON', '{"definitions": {}}'],
    ['two roots', '<a/><b/>'],
    ['an undeclared entity', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&nbsp;</bpmn:definitions>'],
  ])('refuses %s as not well-formed', async (_, xml) => {
    expect(found(await validateBpmn(xml, context))).toEqual([['not-well-formed', null]]);
  });

  it('refuses well-formed XML of another kind as not BPMN', async () => {
    expect(found(await validateBpmn('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', context))).toEqual([['not-bpmn', null]]);
    expect(found(await validateBpmn('<definitions id="d"/>', context))).toEqual([['not-bpmn', null]]);
  });

  it('never throws, whatever prefix of a valid file it is given', async () => {
    const xml = read(GOOD, 'collaboration-with-drawings.bpmn');
    for (let end = 0; end < xml.length; end += 61) {
      const problems = await validateBpmn(xml.subarray(0, end), context);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((problem) => problem.rule)).not.toContain('internal-error');
    }
  });

  it('never throws on a caller mistake either', async () => {
    await expect(validateBpmn(42 as unknown as string, context)).resolves.toEqual([expect.objectContaining({ rule: 'not-xml' })]);
    await expect(validateBpmn(read(GOOD, 'instant.bpmn'), undefined as unknown as ValidationContext)).resolves.toEqual([
      expect.objectContaining({ rule: 'service-task-handler', elementId: 'notifyRefusal' }),
    ]);
  });
});

describe('assertSupportedCondition', () => {
  it.each(['${outcome}', '${outcome == "accept"}', "${outcomes.decision != 'grant'}", '${count == 3}', '${flag == true}', '${x != null}', '  ${ outcome == "accept" }  '])(
    'accepts %s',
    (condition) => expect(() => assertSupportedCondition(condition)).not.toThrow(),
  );

  it.each(['', 'approved', '#{approved}', '${!approved}', '${a && b}', '${outcome === "accept"}', '${a} and ${b}', '${fn()}', '${outcome == accept}'])(
    'refuses %s',
    (condition) => expect(() => assertSupportedCondition(condition)).toThrow(UnsupportedExpressionError),
  );
});
