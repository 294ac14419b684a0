import { assertSupportedCondition } from '../engine/safe-expressions.js';
import { BpmnProblem, problem } from './bpmn-problem.js';
import { children, descendants, foreignAttributes, is, label, ModdleElement, ModdleExpression, ModdleSequenceFlow, nearestId, tagName } from './moddle-element.js';

/** What the engine here runs; anything else in the executable process is refused. */
const SUPPORTED_TYPES = ['bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:SequenceFlow'];

const SUPPORTED_ZH = '开始事件（无事件定义）、结束事件（无事件定义）、用户任务、服务任务、排他网关、并行网关、顺序流';
const SUPPORTED_EN = 'plain start and end events, user tasks, service tasks, exclusive and parallel gateways, sequence flows';

export interface ElementCheck {
  /** Flow elements of the process the engine can run: the Tongban and lint rules look at these only. */
  supported: ModdleElement[];
  problems: BpmnProblem[];
}

/**
 * Only the process's flow elements are checked: lanes, text annotations, associations, groups, documentation
 * and other vendors' extension elements are drawings the engine ignores.
 */
export function checkElements(process: ModdleElement): ElementCheck {
  const supported: ModdleElement[] = [];
  const problems: BpmnProblem[] = [];
  for (const element of children(process, 'flowElements')) {
    problems.push(...scriptProblems(element));
    const unsupported = unsupportedProblem(element);
    if (unsupported) problems.push(unsupported);
    else supported.push(element);
    if (!unsupported && is(element, 'bpmn:SequenceFlow')) problems.push(...expressionProblems(element as ModdleSequenceFlow));
  }
  return { supported, problems };
}

function unsupportedProblem(element: ModdleElement): BpmnProblem | null {
  // A script task is refused as a script, which says more than "unsupported".
  if (is(element, 'bpmn:ScriptTask')) return null;
  const definitions = children(element, 'eventDefinitions');
  const loop = element.get('loopCharacteristics');
  if (SUPPORTED_TYPES.includes(element.$type) && definitions.length === 0 && !loop) return null;
  const what = [tagName(element), ...definitions.map(tagName), ...(loop ? [tagName(loop as ModdleElement)] : [])].join(' + ');
  const timer = definitions.some((definition) => is(definition, 'bpmn:TimerEventDefinition'));
  return problem(
    'unsupported-element',
    element.id ?? null,
    `不支持的元素：${what}。本平台的流程引擎只运行${SUPPORTED_ZH}。${timer ? '定时器将随法定时限（法定时钟）功能一并提供。' : ''}`,
    `Unsupported element: ${what}. The engine here runs only ${SUPPORTED_EN}.${timer ? ' Timers come with the legal clock.' : ''}`,
  );
}

/** Where bpmn-engine evaluates an expression as a condition, and so runs it as a script when it has a language. */
const CONDITION_PROPERTIES = ['conditionExpression', 'condition', 'completionCondition', 'loopCondition'];

/**
 * bpmn-engine runs script tasks and conditions with a `language` in node:vm, which is no sandbox. They are
 * looked for everywhere inside the process's elements, also inside elements refused for other reasons
 * (a conditional event's JavaScript condition): an upload with a script is refused as such. Expressions
 * the engine never evaluates (a Yaoqiang resource assignment in NCalc) are left to the other rules.
 */
function scriptProblems(element: ModdleElement): BpmnProblem[] {
  return descendants(element).flatMap((node) => {
    if (is(node, 'bpmn:ScriptTask')) return [scriptTaskForbidden(node)];
    const language = isCondition(node) ? languageOf(node as ModdleExpression) : undefined;
    return language ? [scriptConditionForbidden(node, language)] : [];
  });
}

function isCondition(node: ModdleElement): boolean {
  const parent = node.$parent;
  return is(node, 'bpmn:Expression') && parent !== undefined && CONDITION_PROPERTIES.some((property) => (parent as unknown as Record<string, unknown>)[property] === node);
}

/** A `language` attribute makes the engine run the expression as a script; moddle keeps it in `$attrs` when the expression is untyped. */
function languageOf(expression: ModdleExpression): string | undefined {
  if (expression.language) return expression.language;
  const [attribute] = foreignAttributes(expression, ['language']);
  return attribute === undefined ? undefined : String(expression.$attrs?.[attribute]);
}

function scriptTaskForbidden(task: ModdleElement): BpmnProblem {
  const language = String(task.get('scriptFormat') ?? '?');
  return problem(
    'script-forbidden',
    flowElementId(task),
    `不允许脚本任务：“${label(task)}”（${language}）。流程引擎会在 node:vm 中运行脚本，而它不是安全沙箱。请改用服务任务，并以 tongban:handler 指定平台处理程序。`,
    `Script tasks are not allowed: “${label(task)}” (${language}). The engine would run it in node:vm, which is no sandbox. Use a service task naming a platform handler in tongban:handler.`,
  );
}

function scriptConditionForbidden(condition: ModdleElement, language: string): BpmnProblem {
  const owner = condition.$parent ?? condition;
  return problem(
    'script-forbidden',
    flowElementId(condition),
    `不允许脚本条件：${tagName(owner)} 上的 ${language} 条件。流程引擎会在 node:vm 中运行脚本，而它不是安全沙箱。条件请写成表达式，如 \${outcome == "accept"}，且不要设置 language。`,
    `Script conditions are not allowed: a ${language} condition on ${tagName(owner)}. The engine would run it in node:vm, which is no sandbox. Write the condition as an expression such as \${outcome == "accept"}, without a language.`,
  );
}

/** The flow element holding `node`, which a modeller can select (an event definition or an expression cannot). */
function flowElementId(node: ModdleElement): string | null {
  for (let current: ModdleElement | undefined = node; current; current = current.$parent) {
    if (current.id && is(current, 'bpmn:FlowElement')) return current.id;
  }
  return nearestId(node);
}


function expressionProblems(flow: ModdleSequenceFlow): BpmnProblem[] {
  const expression = flow.conditionExpression;
  if (!expression || languageOf(expression)) return [];
  const body = expression.body ?? '';
  try {
    assertSupportedCondition(body);
    return [];
  } catch {
    const [zh, en] = body.trim() ? [`条件表达式“${body.trim()}”无法求值`, `The condition “${body.trim()}” cannot be evaluated`] : ['条件表达式为空', 'The condition is empty'];
    return [
      problem(
        'unsupported-expression',
        flow.id ?? null,
        `${zh}。只支持 \${变量路径}、\${路径 == "文字"}、\${路径 != '文字'}，可与数字、true、false、null 比较。`,
        `${en}. Supported: \${path}, \${path == "text"}, \${path != 'text'}, also compared with numbers, true, false and null.`,
      ),
    ];
  }
}
