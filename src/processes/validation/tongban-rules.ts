import { ROLES } from '../../identity/user.entity.js';
import { ProcessKind, REQUIRED_STAGES, STAGES } from '../engine/tongban-moddle.js';
import { BpmnProblem, problem, ValidationContext } from './bpmn-problem.js';
import { children, foreignAttributes, is, isModdleElement, label, ModdleElement, ModdleSequenceFlow, stringProperty, tagName, tokens } from './moddle-element.js';

const ACTION = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Assignment attributes of Camunda 7, Flowable and Activiti, whatever prefix the file bound them to. */
const VENDOR_ASSIGNMENT_ATTRIBUTES = ['assignee', 'candidateGroups', 'candidateUsers'];

/** Extension elements that assign a task elsewhere (Camunda 8 `zeebe:assignmentDefinition`). */
const VENDOR_ASSIGNMENT_ELEMENTS = ['assignmentDefinition'];

/**
 * The platform's own rules for one executable process: who works each user task, which actions and legal
 * stages it offers, which handler runs each service task, whether the stages the law requires for the kind
 * exist, and whether every token can move on from the nodes the engine can run (`supported`).
 */
export function checkTongbanRules(process: ModdleElement, kind: ProcessKind | null, supported: readonly ModdleElement[], context: ValidationContext): BpmnProblem[] {
  // Tasks refused for their form (multi-instance) are still read for their stages, lest a stage seem missing.
  const elements = children(process, 'flowElements');
  const userTasks = elements.filter((element) => is(element, 'bpmn:UserTask'));
  const serviceTasks = elements.filter((element) => is(element, 'bpmn:ServiceTask'));
  return [
    ...startEventProblems(process),
    ...userTasks.flatMap((task) => userTaskProblems(task, context)),
    ...serviceTasks.flatMap((task) => serviceTaskProblems(task, context)),
    ...(kind ? stageProblems(process, kind, userTasks) : []),
    ...supported.flatMap(flowProblems),
  ];
}

function startEventProblems(process: ModdleElement): BpmnProblem[] {
  // Start events with a trigger are refused as unsupported; they still count here, or "none" would mislead.
  const starts = children(process, 'flowElements').filter((element) => is(element, 'bpmn:StartEvent'));
  if (starts.length === 1) return [];
  const ids = starts.map((start) => start.id ?? '?').join(', ');
  return [
    starts.length === 0
      ? problem('start-event', process.id ?? null, '流程没有开始事件：须有且仅有一个开始事件。', 'The process has no start event: it needs exactly one.')
      : problem('start-event', process.id ?? null, `流程有多个开始事件（${ids}）：只能有一个。`, `The process has several start events (${ids}): it may have only one.`),
  ];
}

function userTaskProblems(task: ModdleElement, context: ValidationContext): BpmnProblem[] {
  return [roleProblem(task), actionsProblem(task), stageProblem(task), departmentProblem(task, context), limitProblem(task)].filter(
    (found): found is BpmnProblem => found !== null,
  );
}

function roleProblem(task: ModdleElement): BpmnProblem | null {
  const role = stringProperty(task, 'tongban:role');
  if (role !== undefined && (ROLES as readonly string[]).includes(role)) return null;
  const allowed = ROLES.join(', ');
  const vendor = vendorAssignments(task);
  const hintZh = vendor.length ? `检测到 ${vendor.join('、')}：本平台不读取这些分配方式，请使用 tongban:role。` : '';
  const hintEn = vendor.length ? ` Found ${vendor.join(', ')}: Tongban does not read these assignments; use tongban:role.` : '';
  const found = role === undefined ? '缺少 tongban:role' : `的 tongban:role="${role}" 不是平台角色`;
  const foundEn = role === undefined ? 'has no tongban:role' : `has tongban:role="${role}", which is not a platform role`;
  return problem(
    'user-task-role',
    task.id ?? null,
    `用户任务“${label(task)}”${found}（可选：${allowed}）。${hintZh}`,
    `User task “${label(task)}” ${foundEn} (one of: ${allowed}).${hintEn}`,
  );
}

/** How other engines assign the task, named as in the file, so that the designer sees what to replace. */
function vendorAssignments(task: ModdleElement): string[] {
  const attributes = foreignAttributes(task, VENDOR_ASSIGNMENT_ATTRIBUTES);
  const performers = children(task, 'resources').filter((resource) => is(resource, 'bpmn:HumanPerformer')).map(tagName);
  const extensionElements = task.get('extensionElements');
  const extensions = isModdleElement(extensionElements) ? children(extensionElements, 'values') : [];
  const assignments = extensions.filter((extension) => VENDOR_ASSIGNMENT_ELEMENTS.includes(extension.$type.slice(extension.$type.indexOf(':') + 1))).map((extension) => extension.$type);
  return [...new Set([...attributes, ...performers, ...assignments])];
}

function actionsProblem(task: ModdleElement): BpmnProblem | null {
  const actions = tokens(stringProperty(task, 'tongban:actions'));
  const invalid = actions.filter((action) => !ACTION.test(action));
  if (actions.length > 0 && invalid.length === 0) return null;
  const [zh, en] =
    actions.length === 0
      ? ['缺少 tongban:actions（以空格分隔的办理动作，如 "accept refuse"）', 'has no tongban:actions (space-separated actions, such as "accept refuse")']
      : [`的动作 ${invalid.join(' ')} 不合法（须以字母开头，仅含字母、数字、_ 或 -，最长 64 个字符）`, `has invalid actions ${invalid.join(' ')} (a letter, then letters, digits, _ or -, at most 64 characters)`];
  return problem('user-task-actions', task.id ?? null, `用户任务“${label(task)}”${zh}。`, `User task “${label(task)}” ${en}.`);
}

function stageProblem(task: ModdleElement): BpmnProblem | null {
  const stages = tokens(stringProperty(task, 'tongban:stage'));
  const unknown = stages.filter((stage) => !(STAGES as readonly string[]).includes(stage));
  if (stages.length > 0 && unknown.length === 0) return null;
  const allowed = STAGES.join(', ');
  const [zh, en] = stages.length === 0 ? ['缺少 tongban:stage', 'has no tongban:stage'] : [`的环节 ${unknown.join(' ')} 不是法定环节`, `names unknown stages ${unknown.join(' ')}`];
  return problem('user-task-stage', task.id ?? null, `用户任务“${label(task)}”${zh}（可选：${allowed}）。`, `User task “${label(task)}” ${en} (one of: ${allowed}).`);
}

/** A task's own time limit is a whole number of working days, at most a year's worth. */
function limitProblem(task: ModdleElement): BpmnProblem | null {
  const limit = stringProperty(task, 'tongban:limit');
  if (limit === undefined || (/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 250)) return null;
  return problem(
    'user-task-limit',
    task.id ?? null,
    `用户任务“${label(task)}”的 tongban:limit="${limit}" 须为 1 至 250 的工作日数。`,
    `User task “${label(task)}” has tongban:limit="${limit}"; it must be a number of working days from 1 to 250.`,
  );
}

function departmentProblem(task: ModdleElement, context: ValidationContext): BpmnProblem | null {
  const department = stringProperty(task, 'tongban:department');
  if (department === undefined || !context.departments || context.departments.includes(department)) return null;
  return problem(
    'unknown-department',
    task.id ?? null,
    `用户任务“${label(task)}”的 tongban:department="${department}" 不是本中心已登记的部门代码。`,
    `User task “${label(task)}” names tongban:department="${department}", which is not a department code of this centre.`,
  );
}

function serviceTaskProblems(task: ModdleElement, context: ValidationContext): BpmnProblem[] {
  const handler = stringProperty(task, 'tongban:handler');
  if (handler !== undefined && context.handlers.includes(handler)) return [];
  const allowed = context.handlers.join(', ') || '-';
  const [zh, en] = handler === undefined ? ['缺少 tongban:handler', 'has no tongban:handler'] : [`的 tongban:handler="${handler}" 不是平台处理程序`, `names tongban:handler="${handler}", which is not a platform handler`];
  return [problem('service-task-handler', task.id ?? null, `服务任务“${label(task)}”${zh}（可选：${allowed}）。`, `Service task “${label(task)}” ${en} (one of: ${allowed}).`)];
}

/**
 * The law's steps for the kind must each be some user task's stage; the acceptance step must be able to
 * refuse (不予受理, Administrative Licensing Law Art. 32); a parallel approval needs two co-departments.
 */
function stageProblems(process: ModdleElement, kind: ProcessKind, userTasks: readonly ModdleElement[]): BpmnProblem[] {
  const present = new Set(userTasks.flatMap((task) => tokens(stringProperty(task, 'tongban:stage'))));
  const missing = REQUIRED_STAGES[kind]
    .filter((stage) => !present.has(stage))
    .map((stage) =>
      problem(
        'missing-stage',
        process.id ?? null,
        `“${kind}”类流程缺少法定环节 ${stage}：须有用户任务的 tongban:stage 包含它。`,
        `A “${kind}” process lacks the required stage ${stage}: some user task's tongban:stage must include it.`,
      ),
    );
  return [...missing, ...refusalProblems(userTasks), ...(kind === 'parallel' ? coDepartmentProblems(process, userTasks) : [])];
}

function refusalProblems(userTasks: readonly ModdleElement[]): BpmnProblem[] {
  return userTasks
    .filter((task) => tokens(stringProperty(task, 'tongban:stage')).includes('acceptance'))
    .filter((task) => !tokens(stringProperty(task, 'tongban:actions')).includes('refuse'))
    .map((task) =>
      problem(
        'acceptance-without-refusal',
        task.id ?? null,
        `受理环节的用户任务“${label(task)}”须提供 refuse（不予受理）动作：《行政许可法》第三十二条。`,
        `User task “${label(task)}” in the acceptance stage must offer the action refuse (不予受理, Administrative Licensing Law Art. 32).`,
      ),
    );
}

function coDepartmentProblems(process: ModdleElement, userTasks: readonly ModdleElement[]): BpmnProblem[] {
  const coReviews = userTasks.filter((task) => tokens(stringProperty(task, 'tongban:stage')).includes('coReview'));
  const departments = new Set(coReviews.map((task) => stringProperty(task, 'tongban:department')).filter(Boolean));
  if (departments.size >= 2) return [];
  return [
    problem(
      'parallel-co-departments',
      process.id ?? null,
      `并联审批流程须有至少两个 coReview 用户任务，分属不同的 tongban:department（现有 ${departments.size} 个部门）。`,
      `A parallel approval needs at least two coReview user tasks with distinct tongban:department (found ${departments.size}).`,
    ),
  ];
}

/** Where a token can go from each node: somewhere (no-way-out), and by a choice the gateway can make (gateway-unconditioned-flow). */
function flowProblems(node: ModdleElement): BpmnProblem[] {
  if (!is(node, 'bpmn:FlowNode') || is(node, 'bpmn:EndEvent')) return [];
  const outgoing = children(node, 'outgoing') as ModdleSequenceFlow[];
  if (outgoing.length === 0) {
    return [
      problem(
        'no-way-out',
        node.id ?? null,
        `${tagName(node)}“${label(node)}”没有出口顺序流：办件会停在这里。请连到下一步或结束事件。`,
        `${tagName(node)} “${label(node)}” has no outgoing sequence flow: a case would be stuck there. Connect it to the next step or an end event.`,
      ),
    ];
  }
  if (!is(node, 'bpmn:ExclusiveGateway') || outgoing.length < 2) return [];
  const defaultFlow = node.get('default');
  return outgoing
    .filter((flow) => !flow.conditionExpression && flow !== defaultFlow)
    .map((flow) =>
      problem(
        'gateway-unconditioned-flow',
        flow.id ?? null,
        `排他网关“${label(node)}”的出口顺序流“${flow.id ?? '?'}”既没有条件，也不是默认流。请加条件，如 \${outcome == "accept"}，或把它设为网关的默认流。`,
        `Sequence flow “${flow.id ?? '?'}” leaving exclusive gateway “${label(node)}” has no condition and is not the default. Add a condition such as \${outcome == "accept"}, or make it the gateway's default.`,
      ),
    );
}

