import { createRequire } from 'node:module';
import { BpmnProblem, problem } from './bpmn-problem.js';
import { ModdleElement } from './moddle-element.js';

// bpmnlint is CommonJS and untyped: its rules, config and tree walk are loaded with require, behind these types.
const require = createRequire(import.meta.url);

type Category = 'off' | 'warn' | 'error' | 'info';
type CategorySetting = Category | 0 | 1 | 2 | 3;
type RuleSetting = CategorySetting | [CategorySetting, unknown?];
interface Reporter {
  report(id: string, message: string): void;
}
type Visit = (node: ModdleElement, reporter: Reporter) => boolean | void;
interface RuleDefinition {
  check: Visit | { enter?: Visit; leave?: Visit };
}
type RuleFactory = (config: unknown) => RuleDefinition;
type Traverse = (root: ModdleElement, visitor: { enter?: (node: ModdleElement) => boolean | void; leave?: (node: ModdleElement) => void }) => void;
interface LintReport {
  id?: string;
  message: string;
}
interface EnabledRule {
  name: string;
  category: Exclude<Category, 'off'>;
  config: unknown;
  factory: RuleFactory | Error;
}

/**
 * bpmnlint's `recommended` set, less what does not fit this platform. Each decision says why.
 */
const RULE_OVERRIDES: Record<string, 'off' | 'warn'> = {
  // Diagram interchange is drawing only: the engine does not need it, and hand-written or generated uploads lack it.
  'no-bpmndi': 'off',
  // Names help people, not the engine; conditional flows carry their condition (`${outcome == "accept"}`) as
  // their meaning, and our shipped processes leave them unnamed. A missing name is said, not refused.
  'label-required': 'warn',
  // Our processes merge the supplementation loop into the acceptance decision, a gateway that joins and forks;
  // bpmn-engine runs that correctly (an exclusive gateway passes each arrival on, a parallel one waits for all).
  'no-gateway-join-fork': 'off',
  // These concern only elements the engine here does not run, which `unsupported-element` already refuses.
  'ad-hoc-sub-process': 'off',
  'event-based-gateway': 'off',
  'event-sub-process-typed-start-event': 'off',
  'link-event': 'off',
  'no-complex-gateway': 'off',
  'no-inclusive-gateway': 'off',
  'single-event-definition': 'off',
  'sub-process-blank-start-event': 'off',
  'superfluous-termination': 'off',
};

/**
 * bpmnlint rules that say what one of ours says, on the same element: where ours reported, theirs is dropped,
 * as ours speaks the designer's language and says what to do.
 */
const OVERLAPS: Record<string, readonly string[]> = {
  'no-way-out': ['bpmnlint/no-implicit-end'],
  'gateway-unconditioned-flow': ['bpmnlint/conditional-flows'],
  'start-event': ['bpmnlint/start-event-required', 'bpmnlint/single-blank-start-event'],
};

const ZH: Record<string, string> = {
  'conditional-flows': '该顺序流缺少条件',
  'end-event-required': '缺少结束事件',
  'fake-join': '多条顺序流直接汇入该活动，并不会汇合等待（汇合请用网关）',
  global: '全局元素（消息、信号、错误、升级）未命名、未使用或重名',
  'label-required': '元素缺少名称',
  'no-disconnected': '元素没有与任何顺序流相连',
  'no-duplicate-sequence-flows': '两个元素之间有重复的顺序流',
  'no-implicit-split': '多条无条件的出口顺序流会隐式并行分支（分支请用网关）',
  'no-implicit-end': '元素没有出口顺序流，是隐式结束',
  'no-implicit-start': '元素没有入口顺序流，是隐式开始',
  'no-overlapping-elements': '图中元素相互重叠',
  'single-blank-start-event': '有多个空白开始事件',
  'start-event-required': '缺少开始事件',
  'superfluous-gateway': '网关只有一个入口和一个出口，是多余的',
  'superfluous-label': '顺序流上的标签是多余的',
};

const CATEGORIES: Record<number, Category> = { 0: 'off', 1: 'warn', 2: 'error', 3: 'info' };

let enabledRules: EnabledRule[] | undefined;
let traverse: Traverse | undefined;

/**
 * bpmnlint's Linter is not used: its rule runner requires min-dash 5, an ES module, through Node's require(esm),
 * which Node 20.19 has but jest on Node 20 does not. The rules, the recommended config and the tree walk are
 * bpmnlint's own; only the few lines that apply a rule are ours (and a rule that throws is reported, not logged).
 */
function enableRules(): EnabledRule[] {
  const recommended = require('bpmnlint/config/recommended') as { rules: Record<string, RuleSetting> };
  const settings: Record<string, RuleSetting> = { ...recommended.rules, ...RULE_OVERRIDES };
  const enabled: EnabledRule[] = [];
  for (const [name, setting] of Object.entries(settings)) {
    const { category, config } = parseSetting(setting);
    if (category !== 'off') enabled.push({ name, category, config, factory: loadFactory(name) });
  }
  return enabled;
}

function parseSetting(setting: RuleSetting): { category: Category; config: unknown } {
  const [raw, config] = Array.isArray(setting) ? setting : [setting, {}];
  const category = typeof raw === 'number' ? CATEGORIES[raw] : raw;
  return { category: category ?? 'error', config: config ?? {} };
}

function loadFactory(name: string): RuleFactory | Error {
  try {
    // Only bpmnlint's own rules, by their plain names: never a path that a config could point elsewhere.
    if (!/^[a-z-]+$/.test(name)) throw new Error(`not a bpmnlint rule name: ${name}`);
    return require(`bpmnlint/rules/${name}`) as RuleFactory;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * A new rule instance for every file: some rules (no-duplicate-sequence-flows) keep what they saw in their
 * instance, and a shared one would report one file's flows as duplicates of another's.
 */
function runRule(factory: RuleFactory, config: unknown, root: ModdleElement): LintReport[] {
  const { check } = factory(config);
  const reports: LintReport[] = [];
  const reporter: Reporter = { report: (id, message) => void reports.push({ id, message }) };
  const { enter, leave } = typeof check === 'function' ? { enter: check, leave: undefined } : check;
  traverse ??= require('bpmnlint/lib/traverse') as Traverse;
  traverse(root, { enter: enter && ((node) => enter(node, reporter)), leave: leave && ((node) => void leave(node, reporter)) });
  return reports;
}

/**
 * Lints the whole model but keeps only reports on `checkedIds`, the executable processes and the elements of
 * theirs that the engine can run: other pools are drawings, and refused elements are refused already.
 */
export function lintBpmn(definitions: ModdleElement, checkedIds: ReadonlySet<string>): { problems: BpmnProblem[]; warnings: BpmnProblem[] } {
  enabledRules ??= enableRules();
  const problems: BpmnProblem[] = [];
  const warnings: BpmnProblem[] = [];
  for (const { name, category, config, factory } of enabledRules) {
    let reports: LintReport[];
    try {
      if (factory instanceof Error) throw factory;
      reports = runRule(factory, config, definitions);
    } catch (error) {
      problems.push(ruleError(name, error));
      continue;
    }
    for (const report of reports) {
      if (report.id === undefined || !checkedIds.has(report.id)) continue;
      (category === 'error' ? problems : warnings).push(lintProblem(name, report));
    }
  }
  return { problems, warnings };
}

/** Drops lint problems that one of our rules already reported for the same element. */
export function withoutOverlaps(lintProblems: readonly BpmnProblem[], ours: readonly BpmnProblem[]): BpmnProblem[] {
  const covered = new Set(ours.flatMap((found) => (OVERLAPS[found.rule] ?? []).map((rule) => `${rule}\u0000${found.elementId}`)));
  return lintProblems.filter((found) => !covered.has(`${found.rule}\u0000${found.elementId}`));
}

function lintProblem(name: string, report: LintReport): BpmnProblem {
  const zh = ZH[name] ?? report.message;
  return problem(`bpmnlint/${name}`, report.id ?? null, `BPMN 规范检查（${name}）：${zh}。`, `BPMN lint (${name}): ${report.message}.`);
}

/** A rule that cannot run has not checked the file: refused rather than waved through. */
function ruleError(name: string, error: unknown): BpmnProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem(`bpmnlint/${name}`, null, `BPMN 规范检查（${name}）无法检查此文件：${detail}。`, `BPMN lint rule ${name} could not check this file: ${detail}.`);
}
