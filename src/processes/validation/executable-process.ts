import { PROCESS_KINDS, ProcessKind } from '../engine/tongban-moddle.js';
import { BpmnProblem, problem } from './bpmn-problem.js';
import { children, is, ModdleElement, stringProperty } from './moddle-element.js';

export interface ExecutableProcess {
  process: ModdleElement;
  /** Null when `tongban:kind` is missing or unknown (then reported); kind-dependent rules are skipped. */
  kind: ProcessKind | null;
}

/**
 * The engine runs the one process marked executable; other pools of a collaboration (the applicant, another
 * agency) are drawings and are not checked. Several executable processes are all checked, so that one upload
 * shows every problem, but the file is still refused. With none marked, the processes that leave
 * `isExecutable` out (rather than say "false") are checked as the ones meant to run: the designer then sees
 * at once everything else to change.
 */
export function findExecutableProcesses(definitions: ModdleElement): { checked: ExecutableProcess[]; problems: BpmnProblem[] } {
  const processes = children(definitions, 'rootElements').filter((element) => is(element, 'bpmn:Process'));
  const executable = processes.filter((process) => process.get('isExecutable') === true);
  const unspecified = processes.filter((process) => process.get('isExecutable') === undefined);
  const problems: BpmnProblem[] = [];
  if (executable.length === 0) problems.push(notExecutable(processes));
  if (executable.length > 1) problems.push(severalExecutable(executable));
  const checked = (executable.length ? executable : unspecified).map((process) => ({ process, kind: kindOf(process) }));
  for (const { process, kind } of checked) if (!kind) problems.push(kindProblem(process));
  return { checked, problems };
}

function kindOf(process: ModdleElement): ProcessKind | null {
  const kind = stringProperty(process, 'tongban:kind');
  return (PROCESS_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ProcessKind) : null;
}

function notExecutable(processes: ModdleElement[]): BpmnProblem {
  const ids = processes.map((process) => process.id ?? '?').join(', ') || '-';
  return problem(
    'not-executable',
    null,
    `文件中没有可执行的流程：须有且仅有一个 <bpmn:process isExecutable="true">（现有流程：${ids}）。`,
    `The file has no executable process: exactly one <bpmn:process isExecutable="true"> is needed (processes found: ${ids}).`,
  );
}

function severalExecutable(processes: ModdleElement[]): BpmnProblem {
  const ids = processes.map((process) => process.id ?? '?').join(', ');
  return problem(
    'several-executable-processes',
    null,
    `文件中有多个可执行流程（${ids}）：只能有一个流程标记 isExecutable="true"，其余泳池请设为不可执行。`,
    `The file has several executable processes (${ids}): only one may be isExecutable="true"; mark the other pools non-executable.`,
  );
}

function kindProblem(process: ModdleElement): BpmnProblem {
  const kind = stringProperty(process, 'tongban:kind');
  const allowed = PROCESS_KINDS.join(', ');
  const found = kind === undefined ? '缺少 tongban:kind' : `tongban:kind="${kind}" 不是已知的办件类型`;
  const foundEn = kind === undefined ? 'has no tongban:kind' : `has tongban:kind="${kind}", which is not a known kind`;
  return problem(
    'process-kind',
    process.id ?? null,
    `流程${found}（可选：${allowed}）。办件类型决定法律要求的环节。`,
    `The process ${foundEn} (one of: ${allowed}). The kind fixes the stages the law requires.`,
  );
}
