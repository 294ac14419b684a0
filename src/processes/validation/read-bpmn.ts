import BpmnModdle from 'bpmn-moddle';
import { tongbanModdlePackage } from '../engine/tongban-moddle.js';
import { BpmnProblem, problem } from './bpmn-problem.js';
import { children, is, isModdleElement, ModdleElement, ModdleSequenceFlow, tagName } from './moddle-element.js';

export type ReadResult = { definitions: ModdleElement; problems: BpmnProblem[] } | { definitions: null; problems: BpmnProblem[] };

interface ModdleWarning {
  message: string;
  element?: unknown;
  property?: string;
  value?: string;
}

let sharedModdle: BpmnModdle | undefined;

/** Reads the file as the engine will (same moddle, same Tongban package); moddle's complaints become problems. */
export async function readBpmn(text: string): Promise<ReadResult> {
  sharedModdle ??= new BpmnModdle({ tongban: tongbanModdlePackage });
  let parsed: { rootElement: unknown; warnings: ModdleWarning[] };
  try {
    parsed = await sharedModdle.fromXML(text);
  } catch (error) {
    return { definitions: null, problems: [unreadable(error)] };
  }
  const definitions = parsed.rootElement;
  if (!isModdleElement(definitions) || !is(definitions, 'bpmn:Definitions')) return { definitions: null, problems: [unreadable(new Error('no <definitions> read'))] };
  linkSequenceFlows(definitions);
  return { definitions, problems: parsed.warnings.flatMap(warningProblem) };
}

/**
 * moddle fills a node's `incoming`/`outgoing` only from `<bpmn:incoming>`/`<bpmn:outgoing>` children, which
 * hand-written files omit and which may even disagree with the flows. The engine follows each flow's
 * `sourceRef`/`targetRef`: the lists are rebuilt from those, so that every rule sees the graph that runs.
 */
function linkSequenceFlows(definitions: ModdleElement): void {
  for (const container of flowContainers(definitions)) {
    const elements = children(container, 'flowElements');
    const nodes = elements.filter((element) => is(element, 'bpmn:FlowNode'));
    for (const node of nodes) {
      (node.get('incoming') as unknown[]).length = 0;
      (node.get('outgoing') as unknown[]).length = 0;
    }
    for (const flow of elements.filter((element): element is ModdleSequenceFlow => is(element, 'bpmn:SequenceFlow'))) {
      const { sourceRef: source, targetRef: target } = flow;
      if (source && is(source, 'bpmn:FlowNode')) (source.get('outgoing') as unknown[]).push(flow);
      if (target && is(target, 'bpmn:FlowNode')) (target.get('incoming') as unknown[]).push(flow);
    }
  }
}

/** Processes and, inside them, sub-processes: everything that holds flow elements. */
function flowContainers(definitions: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const pending = children(definitions, 'rootElements').filter((element) => is(element, 'bpmn:Process'));
  for (let container = pending.pop(); container; container = pending.pop()) {
    found.push(container);
    pending.push(...children(container, 'flowElements').filter((element) => is(element, 'bpmn:FlowElementsContainer')));
  }
  return found;
}

function warningProblem(warning: ModdleWarning): BpmnProblem[] {
  const message = String(warning.message ?? '');
  const unresolved = /^unresolved reference <(.*)>$/.exec(message);
  if (unresolved) return unresolvedReference(warning, unresolved[1]);
  // The bytes were checked to be UTF-8 already; a declaration naming another encoding changes nothing.
  if (message.startsWith('unsupported document encoding')) return [];
  // moddle keeps an attribute it does not know in `$attrs`, where the engine never reads it; the rules that
  // care (a script condition's `language`) look there themselves.
  if (message.startsWith('unknown attribute')) return [];
  const nested = /nested error: (.*)$/s.exec(message)?.[1] ?? message;
  const duplicate = /^duplicate ID <(.*)>$/.exec(nested);
  if (duplicate) {
    return [problem('duplicate-id', duplicate[1], `ID “${duplicate[1]}” 被多个元素使用，ID 必须唯一。`, `The id “${duplicate[1]}” is used by more than one element; ids must be unique.`)];
  }
  const illegal = /^illegal ID <(.*)>$/.exec(nested);
  if (illegal) {
    return [problem('invalid-id', illegal[1], `ID “${illegal[1]}” 不合法：ID 须以字母或下划线开头，且不含空格。`, `The id “${illegal[1]}” is not valid: an id starts with a letter or underscore and has no spaces.`)];
  }
  const unknown = /^unknown type <(.*)>$/.exec(nested);
  if (unknown) {
    // moddle drops such an element: what would run would differ from what was drawn.
    return [problem('unknown-element', null, `BPMN 命名空间中没有 <${unknown[1]}> 这种元素。`, `There is no element <${unknown[1]}> in the BPMN namespace.`)];
  }
  const where = message.split('\n')[0];
  return [problem('unparsable-content', null, `无法读取的内容：${where}（${nested}）。`, `Content that cannot be read: ${where} (${nested}).`)];
}

/**
 * A reference to a missing id leaves a flow without an end or a gateway without its default. References with
 * a prefix (`xsd:string`, `java:java.lang.Boolean`) name types of imported schemas, which the engine never
 * reads: those are let through.
 */
function unresolvedReference(warning: ModdleWarning, target: string): BpmnProblem[] {
  if (target.includes(':')) return [];
  const element = isModdleElement(warning.element) ? warning.element : undefined;
  const property = (warning.property ?? '').replace(/^bpmn:/, '');
  const owner = element ? `${tagName(element)}${element.id ? ` “${element.id}”` : ''}` : 'an element';
  const ownerZh = element ? `${tagName(element)}${element.id ? `“${element.id}”` : ''}` : '某元素';
  return [
    problem(
      'unresolved-reference',
      element?.id ?? null,
      `${ownerZh}的 ${property} 引用了不存在的元素“${target}”。`,
      `The ${property} of ${owner} refers to “${target}”, which does not exist.`,
    ),
  ];
}

function unreadable(error: unknown): BpmnProblem {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n').join(' ').replace(/\s+/g, ' ');
  if (detail.startsWith('failed to parse document as')) {
    return problem('not-bpmn', null, `文件不是 BPMN 2.0 模型（${detail}）。`, `The file is not a BPMN 2.0 model (${detail}).`);
  }
  return problem('not-well-formed', null, `无法读取该 XML 文件（${detail}）。`, `The XML file cannot be read (${detail}).`);
}
