import { BpmnProblem, problem, ValidationContext } from './bpmn-problem.js';
import { findExecutableProcesses } from './executable-process.js';
import { lintBpmn, withoutOverlaps } from './lint.js';
import { readBpmn } from './read-bpmn.js';
import { checkElements } from './supported-elements.js';
import { checkTongbanRules } from './tongban-rules.js';
import { checkXmlSyntax } from './xml-syntax.js';
import { screenXml } from './xml-safety.js';

export type { BpmnMessage, BpmnProblem, ValidationContext } from './bpmn-problem.js';
export { MAX_BPMN_BYTES } from './xml-safety.js';

export interface BpmnInspection {
  /** Reasons to refuse the file; empty when it may be installed. */
  problems: BpmnProblem[];
  /** bpmnlint's advice (severity `warn`): worth showing the designer, no reason to refuse. */
  warnings: BpmnProblem[];
}

/** Checks an uploaded BPMN file; [] means the platform can run it. Never throws: anything amiss is a problem. */
export async function validateBpmn(xml: Buffer | string, context: ValidationContext): Promise<BpmnProblem[]> {
  return (await inspectBpmn(xml, context)).problems;
}

/** As validateBpmn, with bpmnlint's warnings besides. Never throws. */
export async function inspectBpmn(xml: Buffer | string, context: ValidationContext): Promise<BpmnInspection> {
  try {
    return await inspect(xml, normalised(context));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      problems: [problem('internal-error', null, `校验该文件时发生意外错误（${detail}），文件未被接受。`, `An unexpected error occurred while checking the file (${detail}); it was not accepted.`)],
      warnings: [],
    };
  }
}

/**
 * Cheapest first: the raw bytes (size, encoding, entity declarations) before any parser, strict XML syntax
 * before moddle builds a model, the model's own rules before bpmnlint walks it.
 */
async function inspect(xml: Buffer | string, context: ValidationContext): Promise<BpmnInspection> {
  const screened = screenXml(xml);
  if ('problem' in screened) return refused(screened.problem);
  const syntax = checkXmlSyntax(screened.text);
  if (syntax) return refused(syntax);
  const read = await readBpmn(screened.text);
  if (!read.definitions) return { problems: read.problems, warnings: [] };

  const { checked, problems: processProblems } = findExecutableProcesses(read.definitions);
  const ours = [...read.problems, ...processProblems];
  const checkedIds = new Set<string>();
  for (const { process, kind } of checked) {
    const { supported, problems } = checkElements(process);
    ours.push(...problems, ...checkTongbanRules(process, kind, supported, context));
    for (const element of [process, ...supported]) if (element.id) checkedIds.add(element.id);
  }
  if (checked.length === 0) return { problems: ours, warnings: [] };

  const lint = lintBpmn(read.definitions, checkedIds);
  return { problems: [...ours, ...withoutOverlaps(lint.problems, ours)], warnings: lint.warnings };
}

function refused(found: BpmnProblem): BpmnInspection {
  return { problems: [found], warnings: [] };
}

/** A caller's mistake in the context must not become an exception either. */
function normalised(context: ValidationContext | undefined): ValidationContext {
  const handlers = Array.isArray(context?.handlers) ? context.handlers : [];
  const departments = Array.isArray(context?.departments) ? context.departments : undefined;
  return { handlers, departments };
}
